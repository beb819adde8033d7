package demo

import (
	"context"
	"math/rand/v2"
	"slices"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// seedNetwork records relationships among each coalition's members so that the
// ecosystem pages have something to show: organizations that share an issue area are
// often tied, organizations on different areas rarely, except through a few bridging
// organizations (every fourth member); about half the ties are confirmed by the other
// side with its own depth, ties were recorded over the demo year, and some were deepened
// since, so that "how the figures changed" shows gains and deepening. It is seeded, so
// every demo database gets the same ecosystem.
func seedNetwork(ctx context.Context, tx *store.Tx, w *world) error {
	r := rand.New(rand.NewPCG(6, 2026))
	orgs := map[string]domain.Organization{}
	for _, o := range w.orgs {
		orgs[o.ID] = o
	}
	done := map[[2]string]bool{}
	for _, c := range w.coalitions {
		var members []string
		for _, m := range w.memberships {
			if m.CoalitionID == c.ID && m.Counts() {
				members = append(members, m.OrganizationID)
			}
		}
		slices.Sort(members)
		for i, a := range members {
			for j := i + 1; j < len(members); j++ {
				b := members[j]
				if done[[2]string{a, b}] {
					continue
				}
				shared := sharesArea(orgs[a].IssueAreas, orgs[b].IssueAreas)
				bridge := i%4 == 0 || j%4 == 0
				if !(shared && r.IntN(10) < 6) && !(!shared && bridge && r.IntN(10) < 5) {
					continue
				}
				done[[2]string{a, b}] = true
				if err := demoTie(ctx, tx, r, w, a, b); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func demoTie(ctx context.Context, tx *store.Tx, r *rand.Rand, w *world, a, b string) error {
	kind := domain.RelationshipKinds[r.IntN(len(domain.RelationshipKinds))]
	depth := 1 + r.IntN(5)
	rel := &domain.Relationship{OrganizationID: a, OtherOrganizationID: b, Kind: kind, Depth: depth,
		RecordedBy: w.users[0].ID, CreatedAt: day(r.IntN(300))}
	if err := tx.CreateRelationship(ctx, rel); err != nil {
		return err
	}
	if r.IntN(2) == 0 {
		other := min(domain.MaxDepth, max(domain.MinDepth, depth+r.IntN(3)-1))
		back := &domain.Relationship{OrganizationID: b, OtherOrganizationID: a, Kind: kind, Depth: other,
			RecordedBy: w.users[0].ID, CreatedAt: rel.CreatedAt.AddDate(0, 0, 7)}
		if err := tx.CreateRelationship(ctx, back); err != nil {
			return err
		}
	}
	if depth < domain.MaxDepth && r.IntN(5) == 0 { // deepened since
		rel.Depth++
		return tx.UpdateRelationship(ctx, rel, 1)
	}
	return nil
}

func sharesArea(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
