package app

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Reciprocity is who helps whom in a coalition, from the help recorded when asks and
// offers were fulfilled.
type Reciprocity struct {
	Organizations []OrganizationHelp `json:"organizations"`
	Flows         []HelpFlow         `json:"flows"`
}

// OrganizationHelp is the help one member organization gave and received.
type OrganizationHelp struct {
	OrganizationID string `json:"organization_id"`
	Name           string `json:"name"`
	Given          int    `json:"given"`
	Received       int    `json:"received"`
}

// HelpFlow is the help from one organization to another, and back. OneWay is set when
// help went from one to the other and never the other way.
type HelpFlow struct {
	From     string `json:"from_organization_id"`
	To       string `json:"to_organization_id"`
	FromName string `json:"from_name"`
	ToName   string `json:"to_name"`
	Count    int    `json:"count"`
	Back     int    `json:"back"`
	OneWay   bool   `json:"one_way"`
}

// Reciprocity computes the reciprocity view over [from, to] (nil bounds are open).
func (a *App) Reciprocity(ctx context.Context, actor Actor, coalitionID string, from, to *time.Time) (*Reciprocity, error) {
	var out Reciprocity
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		help, err := tx.ListHelpRecords(ctx, p.Coalition.ID, from, to)
		if err != nil {
			return err
		}
		ms, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		if err != nil {
			return err
		}
		out = buildReciprocity(ms, help)
		return nil
	})
	return &out, err
}

// buildReciprocity counts help per organization and per ordered pair.
func buildReciprocity(ms []domain.Membership, help []domain.HelpRecord) Reciprocity {
	names := map[string]string{}
	r := Reciprocity{Organizations: []OrganizationHelp{}, Flows: []HelpFlow{}}
	idx := map[string]int{}
	for _, m := range ms {
		if m.Organization == nil {
			continue
		}
		names[m.OrganizationID] = m.Organization.Name
		if m.Counts() {
			idx[m.OrganizationID] = len(r.Organizations)
			r.Organizations = append(r.Organizations, OrganizationHelp{OrganizationID: m.OrganizationID, Name: m.Organization.Name})
		}
	}
	pairs := map[[2]string]int{}
	for _, h := range help {
		pairs[[2]string{h.FromOrg, h.ToOrg}]++
		if i, ok := idx[h.FromOrg]; ok {
			r.Organizations[i].Given++
		}
		if i, ok := idx[h.ToOrg]; ok {
			r.Organizations[i].Received++
		}
	}
	for pair, n := range pairs {
		back := pairs[[2]string{pair[1], pair[0]}]
		r.Flows = append(r.Flows, HelpFlow{From: pair[0], To: pair[1], FromName: names[pair[0]], ToName: names[pair[1]], Count: n, Back: back, OneWay: back == 0})
	}
	slices.SortFunc(r.Flows, func(a, b HelpFlow) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.FromName, b.FromName), cmp.Compare(a.ToName, b.ToName))
	})
	slices.SortFunc(r.Organizations, func(a, b OrganizationHelp) int { return cmp.Compare(a.Name, b.Name) })
	return r
}

// helpGiven and helpReceived are equity dimensions: the number of fulfilled asks and
// offers in which a member organization gave, or received, help during the period.
func helpGiven(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	return helpCounts(ctx, tx, coalitionID, members, from, to, func(h domain.HelpRecord) string { return h.FromOrg })
}

func helpReceived(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	return helpCounts(ctx, tx, coalitionID, members, from, to, func(h domain.HelpRecord) string { return h.ToOrg })
}

func helpCounts(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time, org func(domain.HelpRecord) string) (map[string]float64, error) {
	help, err := tx.ListHelpRecords(ctx, coalitionID, from, to)
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64, len(members))
	for _, m := range members {
		out[m.OrganizationID] = 0
	}
	for _, h := range help {
		if _, ok := out[org(h)]; ok {
			out[org(h)]++
		}
	}
	return out, nil
}
