package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

// Bulk writes for imports and generated data. Each method inserts many rows with
// multi-row INSERT statements, so that tens of thousands of records load in seconds.
// Records are written as given (ids, times and versions included); empty ids, zero
// times and zero versions are filled in place as the single-row Create methods do.
// The column lists mirror those methods: keep them in step.

// batchParams is how many placeholders one multi-row INSERT carries. SQLite finds a
// numbered parameter by a linear search, so its statements stay small (100 was fastest
// for 20,000 people); PostgreSQL gains from fewer round trips and allows 65,535.
func (tx *Tx) batchParams() int {
	if tx.dialect.name == "postgres" {
		return 8000
	}
	return 100
}

// insertRows inserts n rows of cols columns with "head VALUES (...), (...) tail",
// several statements when the rows need more than batchParams placeholders.
func (tx *Tx) insertRows(ctx context.Context, head, tail string, cols, n int, row func(i int) []any) error {
	per := max(1, tx.batchParams()/cols)
	for start := 0; start < n; start += per {
		end := min(n, start+per)
		var q strings.Builder
		q.WriteString(head)
		q.WriteString(" VALUES ")
		args := make([]any, 0, (end-start)*cols)
		for i := start; i < end; i++ {
			if i > start {
				q.WriteString(", ")
			}
			q.WriteString("(" + placeholders(len(args)+1, cols) + ")")
			args = append(args, row(i)...)
		}
		q.WriteString(tail)
		if _, err := tx.exec(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// insertOne inserts the single row of values with "head VALUES (...)": head is an
// INSERT with its column list, shared with the bulk insert of the same records.
func (tx *Tx) insertOne(ctx context.Context, head string, values []any) (sql.Result, error) {
	return tx.exec(ctx, head+" VALUES ("+placeholders(1, len(values))+")", values...)
}

// insertAll inserts n rows with insertRows, the column count taken from the first row.
func (tx *Tx) insertAll(ctx context.Context, head string, n int, row func(i int) []any) error {
	if n == 0 {
		return nil
	}
	return tx.insertRows(ctx, head, "", len(row(0)), n, row)
}

// InsertOrganizations inserts organizations.
func (tx *Tx) InsertOrganizations(ctx context.Context, orgs []domain.Organization) error {
	for i := range orgs {
		o := &orgs[i]
		if o.ID == "" {
			o.ID = NewID()
		}
		if o.CreatedAt.IsZero() {
			o.CreatedAt, o.UpdatedAt = tx.Now, tx.Now
		}
		if o.Version == 0 {
			o.Version = 1
		}
	}
	return tx.insertRows(ctx, `INSERT INTO organizations (id, name, kind, mission, website, geographies, issue_areas, skills,
		languages, budget_band, staff_size, bipoc_led, identity, visibility, version, created_at, updated_at)`, "", 17, len(orgs),
		func(i int) []any {
			o := orgs[i]
			return []any{o.ID, o.Name, o.Kind, o.Mission, o.Website, jsonCol{o.Geographies}, jsonCol{o.IssueAreas},
				jsonCol{o.Skills}, jsonCol{o.Languages}, o.BudgetBand, o.StaffSize, o.BipocLed, o.Identity,
				jsonCol{o.Visibility}, o.Version, formatTime(o.CreatedAt), formatTime(o.UpdatedAt)}
		})
}

// InsertPeople inserts people.
func (tx *Tx) InsertPeople(ctx context.Context, people []domain.Person) error {
	for i := range people {
		p := &people[i]
		if p.ID == "" {
			p.ID = NewID()
		}
		if p.CreatedAt.IsZero() {
			p.CreatedAt = tx.Now
		}
		if p.Languages == nil {
			p.Languages = []string{}
		}
	}
	return tx.insertRows(ctx, `INSERT INTO people (id, name, pronouns, languages, user_id, created_at)`, "", 6, len(people),
		func(i int) []any {
			p := people[i]
			return []any{p.ID, p.Name, p.Pronouns, jsonCol{p.Languages}, nullString(p.UserID), formatTime(p.CreatedAt)}
		})
}

// InsertAffiliations links people to organizations; links that exist are kept as they are.
func (tx *Tx) InsertAffiliations(ctx context.Context, affs []domain.Affiliation) error {
	return tx.insertRows(ctx, `INSERT INTO affiliations (person_id, organization_id, title, representative)`,
		` ON CONFLICT (person_id, organization_id) DO NOTHING`, 4, len(affs),
		func(i int) []any {
			a := affs[i]
			return []any{a.PersonID, a.OrganizationID, a.Title, a.Representative}
		})
}

// InsertMemberships inserts memberships (ECONFLICT when an organization is in a
// coalition twice).
func (tx *Tx) InsertMemberships(ctx context.Context, ms []domain.Membership) error {
	for i := range ms {
		m := &ms[i]
		if m.ID == "" {
			m.ID = NewID()
		}
		if m.JoinedAt.IsZero() {
			m.JoinedAt = tx.Now
		}
		if m.Status == "" {
			m.Status = domain.StatusActive
		}
		if m.Version == 0 {
			m.Version = 1
		}
	}
	return tx.insertRows(ctx, `INSERT INTO memberships (id, coalition_id, organization_id, role, most_impacted, status,
		status_reason, joined_at, left_at, version)`, "", 10, len(ms),
		func(i int) []any {
			m := ms[i]
			return []any{m.ID, m.CoalitionID, m.OrganizationID, m.Role, m.MostImpacted, m.Status, m.StatusReason,
				formatTime(m.JoinedAt), formatTimePtr(m.LeftAt), m.Version}
		})
}

// InsertPrinciples inserts principles and all their versions. Positions and version
// numbers must be set.
func (tx *Tx) InsertPrinciples(ctx context.Context, ps []domain.Principle) error {
	var versions []domain.PrincipleVersion
	for i := range ps {
		p := &ps[i]
		if p.ID == "" {
			p.ID = NewID()
		}
		if p.CreatedAt.IsZero() {
			p.CreatedAt = tx.Now
		}
		for j := range p.Versions {
			v := &p.Versions[j]
			v.PrincipleID = p.ID
			if v.ID == "" {
				v.ID = NewID()
			}
			if v.CreatedAt.IsZero() {
				v.CreatedAt = tx.Now
			}
			p.Current = *v
			versions = append(versions, *v)
		}
	}
	err := tx.insertRows(ctx, `INSERT INTO principles (id, coalition_id, position, created_at)`, "", 4, len(ps),
		func(i int) []any {
			return []any{ps[i].ID, ps[i].CoalitionID, ps[i].Position, formatTime(ps[i].CreatedAt)}
		})
	if err != nil {
		return err
	}
	return tx.insertRows(ctx, `INSERT INTO principle_versions (id, principle_id, version, title, body, created_by, created_at)`, "", 7, len(versions),
		func(i int) []any {
			v := versions[i]
			return []any{v.ID, v.PrincipleID, v.Version, v.Title, v.Body, v.CreatedBy, formatTime(v.CreatedAt)}
		})
}

// InsertAdoptions inserts adoptions.
func (tx *Tx) InsertAdoptions(ctx context.Context, ads []domain.Adoption) error {
	for i := range ads {
		if ads[i].ID == "" {
			ads[i].ID = NewID()
		}
		if ads[i].AdoptedAt.IsZero() {
			ads[i].AdoptedAt = tx.Now
		}
	}
	return tx.insertRows(ctx, `INSERT INTO adoptions (id, membership_id, principle_version_id, adopted_by, adopted_at)`, "", 5, len(ads),
		func(i int) []any {
			a := ads[i]
			return []any{a.ID, a.MembershipID, a.PrincipleVersionID, a.AdoptedBy, formatTime(a.AdoptedAt)}
		})
}

// existingIDColumns names, for each table ExistingIDs may look in, the column returned
// with each id.
var existingIDColumns = map[string]string{
	"sign_on_letters":     "''",
	"checkins":            "''",
	"funds":               "''",
	"speaking_turns":      "''",
	"ledger_entries":      "''",
	"contributions":       "''",
	"allocation_rounds":   "''",
	"tensions":            "''",
	"tension_entries":     "''",
	"signatures":          "''",
	"coalitions":          "name",
	"organizations":       "name",
	"people":              "name",
	"memberships":         "''",
	"principles":          "''",
	"principle_versions":  "''",
	"adoptions":           "''",
	"workstreams":         "''",
	"workstream_members":  "''",
	"tasks":               "''",
	"meetings":            "''",
	"agenda_items":        "''",
	"decisions":           "''",
	"action_items":        "''",
	"attendance":          "''",
	"commitments":         "''",
	"commitment_records":  "''",
	"phase_changes":       "''",
	"wins":                "''",
	"proposals":           "''",
	"proposal_options":    "''",
	"stances":             "''",
	"stepping_backs":      "''",
	"targets":             "''",
	"target_assessments":  "''",
	"asks_offers":         "''",
	"ask_offer_responses": "''",
	"help_records":        "''",
	// A relationship found by id is shared when it is between the same organizations.
	"relationships": "organization_id || ' ' || other_organization_id",
}

// ExistingIDs returns which of ids already exist in table, each with its name ("" for
// tables without one). table is one of coalitions, organizations, people and the tables
// of the records a bundle holds (see existingIDColumns).
func (tx *Tx) ExistingIDs(ctx context.Context, table string, ids []string) (map[string]string, error) {
	col, ok := existingIDColumns[table]
	if !ok {
		return nil, fmt.Errorf("store: ExistingIDs cannot look in %q", table)
	}
	out := map[string]string{}
	const per = 500
	for start := 0; start < len(ids); start += per {
		chunk := ids[start:min(len(ids), start+per)]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := tx.query(ctx, `SELECT id, `+col+` FROM `+table+` WHERE id IN (`+placeholders(1, len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = name
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// bundleTables are the tables an import writes to, in the order records depend on
// each other.
var bundleTables = []string{"organizations", "people", "affiliations", "coalitions", "coalition_access", "memberships",
	"principles", "principle_versions", "adoptions", "workstreams", "workstream_members", "meetings", "agenda_items", "tasks",
	"decisions", "action_items", "turnout", "attendance", "commitments", "commitment_records", "phase_changes", "wins",
	"win_credits", "voice_settings", "proposals", "proposal_options", "proposal_principles", "stances", "stepping_backs", "targets", "target_assessments", "target_access", "asks_offers", "ask_offer_responses",
	"help_records", "coalition_skill_needs", "relationships", "relationship_history", "audit_log"}

// CountBundleRows returns the number of rows of every table an import writes to, so
// that tests can check that a refused import wrote nothing.
func (tx *Tx) CountBundleRows(ctx context.Context) (map[string]int, error) {
	out := make(map[string]int, len(bundleTables))
	for _, t := range bundleTables {
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}

// SlugTaken reports whether a coalition already uses slug. An import calls it to pick
// a free slug before CreateCoalition, whose own fallback assumes ids of six or more
// characters.
func (tx *Tx) SlugTaken(ctx context.Context, slug string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM coalitions WHERE slug = $1`, slug).Scan(&n)
	return n > 0, err
}
