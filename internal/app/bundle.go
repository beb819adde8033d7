package app

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ExportCoalition returns a whole coalition as a bundle (see internal/bundle): its
// member organizations, their people, memberships, principles, adoptions, its work, its
// voice, its power map, asks and offers, skill needs and the relationships among its
// organizations. Accounts are not exported. It needs the ExportCoalition permission; an
// actor without a role in the coalition gets ENOTFOUND, a weaker role EFORBIDDEN.
func (a *App) ExportCoalition(ctx context.Context, actor Actor, coalitionID string) (*bundle.Bundle, error) {
	return a.ExportCoalitionWith(ctx, actor, coalitionID, ExportOptions{})
}

// ExportCoalitionWith is ExportCoalition with options: the coordinator may ask for the
// coalition's health records too (see ExportOptions).
func (a *App) ExportCoalitionWith(ctx context.Context, actor Actor, coalitionID string, opts ExportOptions) (*bundle.Bundle, error) {
	var b *bundle.Bundle
	run := a.read
	if opts.Health {
		run = a.write // the audit log records who took the confidential records away
	}
	err := run(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ExportCoalition)
		if err != nil {
			return err
		}
		contents, err := coalitionContents(ctx, tx, p.Coalition)
		if err != nil {
			return err
		}
		if opts.Health {
			if contents.HealthContents, err = healthContents(ctx, tx, actor, p.Coalition.ID); err != nil {
				return err
			}
			if err := tx.Audit(ctx, p.Coalition.ID, actor.ID, "coalition.export_health", "coalition", p.Coalition.ID, map[string]any{
				"check_ins": len(contents.CheckIns), "tensions": len(contents.Tensions)}); err != nil {
				return err
			}
		}
		b = bundle.New(contents, tx.Now)
		return nil
	})
	return b, err
}

// ExportCoalitionAsSystem exports a coalition (by id or slug) on behalf of the
// deployment itself (the command line), without an actor. It returns ENOTFOUND for an
// unknown coalition.
func (a *App) ExportCoalitionAsSystem(ctx context.Context, coalitionID string) (*bundle.Bundle, error) {
	var b *bundle.Bundle
	err := a.read(ctx, func(tx *store.Tx) error {
		c, err := tx.FindCoalition(ctx, coalitionID)
		if err != nil {
			return err
		}
		b, err = exportBundle(ctx, tx, c)
		return err
	})
	return b, err
}

// exportBundle reads everything a bundle holds about a coalition.
func exportBundle(ctx context.Context, tx *store.Tx, c *domain.Coalition) (*bundle.Bundle, error) {
	contents, err := coalitionContents(ctx, tx, c)
	if err != nil {
		return nil, err
	}
	return bundle.New(contents, tx.Now), nil
}

// coalitionContents reads a coalition's records as domain values.
func coalitionContents(ctx context.Context, tx *store.Tx, c *domain.Coalition) (bundle.Contents, error) {
	out := bundle.Contents{Coalition: *c}
	ms, err := tx.ListMemberships(ctx, c.ID, "", 0)
	if err != nil {
		return out, err
	}
	for _, m := range ms {
		out.Organizations = append(out.Organizations, *m.Organization)
		m.Organization = nil
		out.Memberships = append(out.Memberships, m)
	}
	people, err := tx.ListPeopleOfCoalition(ctx, c.ID)
	if err != nil {
		return out, err
	}
	seen := map[string]bool{}
	for _, p := range people {
		if !seen[p.Person.ID] {
			seen[p.Person.ID] = true
			out.People = append(out.People, p.Person)
		}
		out.Affiliations = append(out.Affiliations, p.Affiliation)
	}
	if out.Principles, err = tx.ListPrinciples(ctx, c.ID); err != nil {
		return out, err
	}
	if out.Adoptions, err = tx.ListAdoptions(ctx, c.ID); err != nil {
		return out, err
	}
	if out.WorkContents, err = workContents(ctx, tx, c.ID); err != nil {
		return out, err
	}
	if out.VoiceContents, err = voiceContents(ctx, tx, c.ID); err != nil {
		return out, err
	}
	if out.CapacityContents, err = capacityContents(ctx, tx, c.ID); err != nil {
		return out, err
	}
	if out.NetworkContents, err = networkContents(ctx, tx, c.ID); err != nil {
		return out, err
	}
	if out.LetterContents, err = letterContents(ctx, tx, c.ID); err != nil {
		return out, err
	}
	if out.MoneyContents, err = moneyContents(ctx, tx, c.ID); err != nil {
		return out, err
	}
	out.SpeakingTurns, err = tx.ListCoalitionSpeakingTurns(ctx, c.ID)
	return out, err
}

// ImportBundle creates a coalition from a bundle, in one transaction: everything is
// written or nothing is. Only a deployment admin may import; the importer becomes the
// coalition's coordinator. Organizations and people already in the deployment (same
// id and same name) are shared rather than copied, as the ecosystem shares them across
// coalitions.
//
// It returns EINVALID listing every problem, each Field a JSON pointer into the bundle
// (such as /memberships/3/role); ECONFLICT when the coalition is already here;
// EUNAUTHORIZED for no actor and EFORBIDDEN for an actor who is not an admin.
func (a *App) ImportBundle(ctx context.Context, actor Actor, raw []byte) (*domain.Coalition, error) {
	if actor == nil {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	if !actor.Admin {
		return nil, domain.Errorf(domain.EFORBIDDEN, "Only a deployment administrator can import a coalition.")
	}
	return a.importBundle(ctx, actor, raw)
}

// ImportBundleAsSystem imports a bundle on behalf of the deployment itself (the command
// line). Nobody becomes coordinator: give someone access afterwards. Errors are those of
// ImportBundle, without the authorization ones.
func (a *App) ImportBundleAsSystem(ctx context.Context, raw []byte) (*domain.Coalition, error) {
	return a.importBundle(ctx, nil, raw)
}

func (a *App) importBundle(ctx context.Context, actor Actor, raw []byte) (*domain.Coalition, error) {
	b, problems := bundle.Parse(raw)
	if problems != nil {
		return nil, invalidBundle(problems)
	}
	plan := &importPlan{Contents: b.Contents(), bundle: b, importer: actor}
	c := &plan.Coalition
	err := a.write(ctx, func(tx *store.Tx) error {
		if err := plan.check(ctx, tx); err != nil {
			return err
		}
		if err := plan.write(ctx, tx); err != nil {
			return err
		}
		if actor != nil {
			if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: c.ID, UserID: actor.ID, Role: domain.AccessCoordinator}); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, c.ID, actorID(actor), "coalition.import", "coalition", c.ID, map[string]any{
			"name": c.Name, "slug": c.Slug, "exported_at": b.ExportedAt,
			"organizations": len(plan.Organizations), "organizations_shared": len(plan.reusedOrgs),
			"people": len(plan.People), "people_shared": len(plan.reusedPeople),
			"memberships": len(plan.Memberships), "principles": len(plan.Principles), "adoptions": len(plan.Adoptions),
			"workstreams": len(plan.Workstreams), "tasks": len(plan.Tasks), "meetings": len(plan.Meetings),
			"commitments": len(plan.Commitments), "phase_changes": len(plan.PhaseChanges), "wins": len(plan.Wins),
			"proposals": len(plan.Proposals), "stepping_backs": len(plan.SteppingBacks), "targets": len(plan.Targets),
			"asks_offers": len(plan.AsksOffers), "skill_needs": len(plan.SkillNeeds),
			"relationships": len(plan.network.relationships), "relationships_kept": len(plan.Relationships) - len(plan.network.relationships)})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// invalidBundle turns a bundle's problems into one EINVALID error.
func invalidBundle(problems []bundle.Problem) error {
	e := &domain.Error{Code: domain.EINVALID, Message: "The bundle cannot be imported; fix the problems listed and try again."}
	for _, p := range problems {
		e.Fields = append(e.Fields, domain.FieldError{Field: p.Path, Message: p.Message})
	}
	return e
}

// importPlan is a parsed bundle checked against the database: which organizations and
// people exist already and are shared.
type importPlan struct {
	bundle.Contents
	bundle                   *bundle.Bundle
	importer                 Actor // nil for the command line
	reusedOrgs, reusedPeople map[string]bool
	network                  networkPlan
}

// check compares the bundle with what the database holds, inside the import's
// transaction, and reports every clash.
func (p *importPlan) check(ctx context.Context, tx *store.Tx) error {
	found, err := tx.ExistingIDs(ctx, "coalitions", []string{p.Coalition.ID})
	if err != nil {
		return err
	}
	if len(found) > 0 {
		return &domain.Error{Code: domain.ECONFLICT, Message: "This coalition is already in this deployment; nothing was imported.",
			Fields: []domain.FieldError{{Field: "/coalition/id", Message: "A coalition with this id exists."}}}
	}
	var v domain.Validation
	var ids, names, paths []string
	for i, o := range p.Organizations {
		ids, names, paths = append(ids, o.ID), append(names, o.Name), append(paths, fmt.Sprintf("/organizations/%d", i))
	}
	if p.reusedOrgs, err = sharedRecords(ctx, tx, "organizations", ids, names, paths, &v); err != nil {
		return err
	}
	ids, names, paths = nil, nil, nil
	for i, pe := range p.People {
		ids, names, paths = append(ids, pe.ID), append(names, pe.Name), append(paths, fmt.Sprintf("/people/%d", i))
	}
	if p.reusedPeople, err = sharedRecords(ctx, tx, "people", ids, names, paths, &v); err != nil {
		return err
	}
	if err := p.checkOtherIDs(ctx, tx, &v); err != nil {
		return err
	}
	if err := p.checkNetwork(ctx, tx, &v); err != nil {
		return err
	}
	if len(v.Fields) > 0 {
		return &domain.Error{Code: domain.EINVALID, Message: "The bundle clashes with records already in this deployment; nothing was imported.", Fields: v.Fields}
	}
	return nil
}

// sharedRecords finds records that exist already. The same id and name is the same
// record, shared; the same id with another name is a problem at path/name.
func sharedRecords(ctx context.Context, tx *store.Tx, table string, ids, names, paths []string, v *domain.Validation) (map[string]bool, error) {
	found, err := tx.ExistingIDs(ctx, table, ids)
	if err != nil {
		return nil, err
	}
	shared := map[string]bool{}
	for i, id := range ids {
		name, ok := found[id]
		if !ok {
			continue
		}
		if name != names[i] {
			v.Add(paths[i]+"/name", fmt.Sprintf("A record with this id already exists here as %q; to share it, the names must match.", name))
			continue
		}
		shared[id] = true
	}
	return shared, nil
}

// idRecord is the id of a record of the bundle and the path of that id.
type idRecord struct{ id, path string }

// recordIDs lists the ids of the bundle's records by the table they go to, except the
// shared organizations and people.
type recordIDs map[string][]idRecord

func (r recordIDs) add(table, id, format string, args ...any) {
	r[table] = append(r[table], idRecord{id, fmt.Sprintf(format, args...)})
}

// checkOtherIDs reports records other than organizations and people whose ids exist
// already (in another coalition: they can never be shared).
func (p *importPlan) checkOtherIDs(ctx context.Context, tx *store.Tx, v *domain.Validation) error {
	tables := recordIDs{}
	for i, m := range p.Memberships {
		tables.add("memberships", m.ID, "/memberships/%d/id", i)
	}
	for i, pr := range p.Principles {
		tables.add("principles", pr.ID, "/principles/%d/id", i)
		for j, pv := range pr.Versions {
			tables.add("principle_versions", pv.ID, "/principles/%d/versions/%d/id", i, j)
		}
	}
	for i, ad := range p.Adoptions {
		tables.add("adoptions", ad.ID, "/adoptions/%d/id", i)
	}
	workIDs(p.bundle, tables)
	voiceIDs(p.bundle, tables)
	capacityIDs(p.bundle, tables)
	letterIDs(p.bundle, tables)
	healthIDs(p.bundle, tables)
	moneyIDs(p.bundle, tables)
	speakingIDs(p.bundle, tables)
	for _, table := range slices.Sorted(maps.Keys(tables)) {
		var ids []string
		for _, r := range tables[table] {
			ids = append(ids, r.id)
		}
		found, err := tx.ExistingIDs(ctx, table, ids)
		if err != nil {
			return err
		}
		for _, r := range tables[table] {
			if _, ok := found[r.id]; ok {
				v.Add(r.path, "A record with this id already exists in another coalition of this deployment.")
			}
		}
	}
	return nil
}

// write inserts the bundle's records, skipping shared organizations and people.
func (p *importPlan) write(ctx context.Context, tx *store.Tx) error {
	var orgs []domain.Organization
	for _, o := range p.Organizations {
		if !p.reusedOrgs[o.ID] {
			orgs = append(orgs, o)
		}
	}
	var people []domain.Person
	for _, pe := range p.People {
		if !p.reusedPeople[pe.ID] {
			people = append(people, pe)
		}
	}
	if err := tx.InsertOrganizations(ctx, orgs); err != nil {
		return err
	}
	if err := tx.InsertPeople(ctx, people); err != nil {
		return err
	}
	if err := tx.InsertAffiliations(ctx, p.Affiliations); err != nil {
		return err
	}
	if err := tx.InsertRelationships(ctx, p.network.relationships); err != nil {
		return err
	}
	if err := tx.InsertRelationshipHistory(ctx, p.network.history); err != nil {
		return err
	}
	if err := freeSlug(ctx, tx, &p.Coalition); err != nil {
		return err
	}
	if err := tx.CreateCoalition(ctx, &p.Coalition); err != nil {
		return err
	}
	if err := tx.InsertMemberships(ctx, p.Memberships); err != nil {
		return err
	}
	if err := tx.InsertPrinciples(ctx, p.Principles); err != nil {
		return err
	}
	if err := tx.InsertAdoptions(ctx, p.Adoptions); err != nil {
		return err
	}
	if err := writeWork(ctx, tx, p.WorkContents); err != nil {
		return err
	}
	if err := writeVoice(ctx, tx, p.VoiceContents); err != nil {
		return err
	}
	if err := writeCapacity(ctx, tx, p.Coalition.ID, p.CapacityContents); err != nil {
		return err
	}
	if err := writeLetters(ctx, tx, p.LetterContents); err != nil {
		return err
	}
	if err := writeMoney(ctx, tx, p.MoneyContents); err != nil {
		return err
	}
	if err := tx.InsertSpeakingTurns(ctx, p.Coalition.ID, p.SpeakingTurns); err != nil {
		return err
	}
	return writeHealth(ctx, tx, p.importer, p.HealthContents)
}

// freeSlug keeps the bundle's slug when it is free here and otherwise adds a random
// suffix, so that the public address of an existing coalition never changes hands.
func freeSlug(ctx context.Context, tx *store.Tx, c *domain.Coalition) error {
	base := c.Slug
	for {
		taken, err := tx.SlugTaken(ctx, c.Slug)
		if err != nil || !taken {
			return err
		}
		c.Slug = base + "-" + store.NewID()[:6]
	}
}
