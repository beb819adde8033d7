package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// Derived ties (here co-credit on a win) are listed apart and never enter the figures.
func TestEcosystem_DerivedTiesApart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Transit")
		repA, mA := join(t, a, coord, c, "Alpha", "alpha@example.org", domain.RoleMember, true)
		_, mB := join(t, a, coord, c, "Beta", "beta@example.org", domain.RoleMember, false)
		_, mC := join(t, a, coord, c, "Gamma", "gamma@example.org", domain.RoleMember, false)
		if _, err := a.RecordRelationship(ctx, repA, c.ID, domain.Relationship{OrganizationID: mA.OrganizationID,
			OtherOrganizationID: mB.OrganizationID, Kind: "funding", Depth: 4}); err != nil {
			t.Fatal(err)
		}
		_, err := a.CreateWin(ctx, coord, c.ID, domain.Win{Date: "2026-01-10", Title: "Bus lane", Kind: "policy", Size: "major",
			Credits: []domain.Credit{{OrganizationID: mB.OrganizationID, Weight: 1}, {OrganizationID: mC.OrganizationID, Weight: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		e, err := a.Ecosystem(ctx, repA, app.EcosystemScope{CoalitionIDs: []string{c.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Derived) != 1 || e.Derived[0].Source != app.DerivedWin || e.Derived[0].Count != 1 ||
			e.Derived[0].AName == "" || e.Derived[0].BName == "" {
			t.Errorf("derived = %+v", e.Derived)
		}
		// Three organizations, one declared tie: density 2·1/(3·2) = 1/3, two components.
		if e.Figures.Ties != 1 || e.Figures.Density != 1.0/3 || len(e.Figures.Components) != 2 {
			t.Errorf("figures: ties %d density %v components %d", e.Figures.Ties, e.Figures.Density, len(e.Figures.Components))
		}
		for _, n := range e.Nodes {
			if n.Name == "Alpha" && !n.MostImpacted {
				t.Error("Alpha is most impacted in the coalition")
			}
		}
		_, err = a.Ecosystem(ctx, repA, app.EcosystemScope{Deployment: true})
		wantCode(t, err, domain.EFORBIDDEN)
	})
}
