package app

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ContributionImportResult is what a CSV import found: the rows it read, and every
// row-level error. Nothing is written unless there are no errors and it was asked to.
type ContributionImportResult struct {
	Rows    []ImportedContribution `json:"rows"`
	Errors  []ImportRowError       `json:"errors"`
	Written bool                   `json:"written"`
}

// ImportedContribution is one row read.
type ImportedContribution struct {
	Row          int    `json:"row"`
	Organization string `json:"organization"`
	ContributionInput
}

// ImportRowError is one problem in one row (1 is the header).
type ImportRowError struct {
	Row     int    `json:"row"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// maxImportRows bounds one import.
const maxImportRows = 5000

// ImportContributions reads contributions from CSV with the header
// organization,date,hours,kind,description[,link_type,link_id] (organization by name or
// id; hours as a decimal, 1.5, in whole minutes; kind as in the API; the optional link
// to a task, meeting or win of the coalition). It reports every row's errors
// and, when write is true and there are none, logs all rows in one transaction,
// confirmed by the coordinator importing them. Only coordinators import.
func (a *App) ImportContributions(ctx context.Context, actor Actor, coalitionID, data string, write bool) (*ContributionImportResult, error) {
	res := &ContributionImportResult{Rows: []ImportedContribution{}, Errors: []ImportRowError{}}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageFunds)
		if err != nil {
			return err
		}
		orgs, err := memberOrgIndex(ctx, tx, p.Coalition.ID)
		if err != nil {
			return err
		}
		parseContributionCSV(data, orgs, tx.Now, res)
		if err := checkImportLinks(ctx, tx, p.Coalition.ID, res); err != nil {
			return err
		}
		if !write || len(res.Errors) > 0 || len(res.Rows) == 0 {
			return nil
		}
		now := tx.Now
		cs := make([]domain.Contribution, len(res.Rows))
		for i, r := range res.Rows {
			cs[i] = domain.Contribution{CoalitionID: p.Coalition.ID, OrganizationID: r.OrganizationID, Day: r.Day, Minutes: r.Minutes,
				Kind: r.Kind, Description: r.Description, LinkType: r.LinkType, LinkID: r.LinkID, CreatedBy: actor.ID, ConfirmedBy: actor.ID, ConfirmedAt: &now}
		}
		if err := tx.InsertContributions(ctx, cs); err != nil {
			return err
		}
		res.Written = true
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "contribution.import", "coalition", p.Coalition.ID, map[string]any{"rows": len(res.Rows)})
	})
	return res, err
}

// checkImportLinks adds a row error for each link that does not name a task, meeting
// or win of the coalition. Rows whose link is already in error are left alone.
func checkImportLinks(ctx context.Context, tx *store.Tx, coalitionID string, res *ContributionImportResult) error {
	flagged := map[int]bool{}
	for _, e := range res.Errors {
		if e.Field == "link_id" {
			flagged[e.Row] = true
		}
	}
	for _, r := range res.Rows {
		if r.LinkType == "" || flagged[r.Row] {
			continue
		}
		if err := checkLink(ctx, tx, coalitionID, r.LinkType, r.LinkID); err != nil {
			fields := domain.ErrorFields(err)
			if len(fields) == 0 {
				return err
			}
			res.Errors = append(res.Errors, ImportRowError{Row: r.Row, Field: fields[0].Field, Message: fields[0].Message})
		}
	}
	slices.SortStableFunc(res.Errors, func(a, b ImportRowError) int { return a.Row - b.Row })
	return nil
}

// memberOrgIndex maps the lower-cased names and the ids of current members to ids and names.
func memberOrgIndex(ctx context.Context, tx *store.Tx, coalitionID string) (map[string][2]string, error) {
	ms, err := tx.ListMemberships(ctx, coalitionID, "", 0)
	if err != nil {
		return nil, err
	}
	out := map[string][2]string{}
	for _, m := range ms {
		if m.Counts() {
			v := [2]string{m.OrganizationID, m.Organization.Name}
			out[strings.ToLower(strings.TrimSpace(m.Organization.Name))], out[m.OrganizationID] = v, v
		}
	}
	return out, nil
}

// parseContributionCSV fills res with the rows of data and their errors.
func parseContributionCSV(data string, orgs map[string][2]string, now time.Time, res *ContributionImportResult) {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff")))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	want := []string{"organization", "date", "hours", "kind", "description", "link_type", "link_id"}
	if err != nil || len(header) < 4 || len(header) > len(want) || !headerMatches(header, want) {
		res.Errors = append(res.Errors, ImportRowError{Row: 1, Field: "header",
			Message: "The first row must be: " + strings.Join(want[:5], ",") + " (and optionally ,link_type,link_id)."})
		return
	}
	for row := 2; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if row > maxImportRows+1 {
			res.Errors = append(res.Errors, ImportRowError{Row: row, Field: "", Message: fmt.Sprintf("At most %d rows per import.", maxImportRows)})
			return
		}
		if err != nil {
			res.Errors = append(res.Errors, ImportRowError{Row: row, Message: "This row is not valid CSV."})
			continue
		}
		parseContributionRow(row, rec, orgs, now, res)
	}
}

func headerMatches(header, want []string) bool {
	for i, h := range header {
		if i < len(want) && strings.ToLower(strings.TrimSpace(h)) != want[i] {
			return false
		}
	}
	return true
}

// parseContributionRow reads one record.
func parseContributionRow(row int, rec []string, orgs map[string][2]string, now time.Time, res *ContributionImportResult) {
	for len(rec) < 7 {
		rec = append(rec, "")
	}
	bad := func(field, msg string) {
		res.Errors = append(res.Errors, ImportRowError{Row: row, Field: field, Message: msg})
	}
	org, ok := orgs[strings.ToLower(strings.TrimSpace(rec[0]))]
	if !ok {
		bad("organization", fmt.Sprintf("%q is not a member organization of the coalition.", rec[0]))
	}
	minutes, err := ParseHours(rec[2])
	if err != nil {
		bad("hours", err.Error())
	}
	in := ContributionInput{OrganizationID: org[0], Day: rec[1], Minutes: minutes, Kind: strings.TrimSpace(rec[3]), Description: rec[4],
		LinkType: strings.TrimSpace(rec[5]), LinkID: strings.TrimSpace(rec[6])}
	if verr := in.validate(now); verr != nil {
		for _, f := range domain.ErrorFields(verr) {
			if f.Field == "minutes" && err != nil {
				continue
			}
			bad(f.Field, f.Message)
		}
	}
	res.Rows = append(res.Rows, ImportedContribution{Row: row, Organization: org[1], ContributionInput: in})
}

// ParseHours reads hours as a decimal ("1.5", "2") and returns whole minutes,
// refusing time that is not a whole number of minutes.
func ParseHours(s string) (int64, error) {
	h, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || h.Sign() <= 0 || strings.ContainsAny(s, "/eE") {
		return 0, errors.New("Enter the hours as a number such as 1.5.")
	}
	m := new(big.Rat).Mul(h, big.NewRat(60, 1))
	if !m.IsInt() || !m.Num().IsInt64() {
		return 0, errors.New("The hours must come to whole minutes (0.25 is 15 minutes).")
	}
	return m.Num().Int64(), nil
}
