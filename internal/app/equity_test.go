package app_test

import (
	"math"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestLeadershipReport builds a five-member coalition and checks the leadership report
// against numbers worked by hand.
//
//	org  bipoc  impacted  band        role      seats
//	A    yes    yes       under_250k  anchor    1
//	B    yes    no        under_250k  member    0
//	C    no     no        over_5m     steering  1
//	D    no     no        over_5m     steering  1
//	E    not    yes       250k_1m     member    0        total seats 3, n = 5
//
// bipoc_led=yes: members 2, membership share 2/5 = 0.4, seats 1, share 1/3,
// ratio (1/3)/0.4 = 0.8333 → not flagged (≥ 0.8).
// bipoc_led=no: members 2, share 2/3, ratio (2/3)/0.4 = 1.6667 → flagged (> 1.25).
// most_impacted=yes (A, E): share 1/3, ratio 0.8333 → not flagged.
// budget over_5m (C, D): share 2/3, ratio 1.6667 → flagged.
// budget 250k_1m (E): share 0, ratio 0 → flagged (centred, < 0.8).
// Gini over [1,0,1,1,0]: Σ|xi−xj| = 2·(3·2) = 12; 2·n²·mean = 2·25·0.6 = 30 → 0.4.
// Top 20 %: ⌈0.2·5⌉ = 1 member holds 1 of 3 seats → 1/3.
func TestLeadershipReport(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coord := mustUser(t, a, "coord@example.org", true)
		c := mustCoalition(t, a, coord, "Housing")
		rows := []struct {
			org, bipoc, band, role string
			impacted               bool
		}{
			{"A", "yes", domain.BudgetUnder250k, domain.RoleAnchor, true},
			{"B", "yes", domain.BudgetUnder250k, domain.RoleMember, false},
			{"C", "no", domain.BudgetOver5m, domain.RoleSteering, false},
			{"D", "no", domain.BudgetOver5m, domain.RoleSteering, false},
			{"E", "not_said", domain.Budget250kTo1m, domain.RoleMember, true},
		}
		for _, r := range rows {
			rep, m := join(t, a, coord, c, r.org, r.org+"@example.org", r.role, r.impacted)
			org, _, _ := a.Organization(ctx, rep, m.OrganizationID)
			org.BipocLed, org.BudgetBand = r.bipoc, r.band
			if _, err := a.UpdateOrganization(ctx, rep, *org, org.Version); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := a.EquityReport(ctx, coord, c.ID, domain.DimensionLeadership, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Members != 5 || rep.Total != 3 {
			t.Fatalf("members %d total %v, want 5 and 3", rep.Members, rep.Total)
		}
		want := map[string]struct {
			share, ratio float64
			flag         bool
		}{
			"bipoc_led=yes":          {1.0 / 3, (1.0 / 3) / 0.4, false},
			"bipoc_led=no":           {2.0 / 3, (2.0 / 3) / 0.4, true},
			"bipoc_led=not_said":     {0, 0, false},
			"most_impacted=yes":      {1.0 / 3, (1.0 / 3) / 0.4, false},
			"most_impacted=no":       {2.0 / 3, (2.0 / 3) / 0.6, false},
			"budget_band=under_250k": {1.0 / 3, (1.0 / 3) / 0.4, false},
			"budget_band=250k_1m":    {0, 0, true},
			"budget_band=over_5m":    {2.0 / 3, (2.0 / 3) / 0.4, true},
		}
		if len(rep.Groups) != len(want) {
			t.Errorf("%d groups, want %d (empty groups omitted, not_said kept)", len(rep.Groups), len(want))
		}
		for _, g := range rep.Groups {
			w, ok := want[g.Attribute+"="+g.Value]
			if !ok {
				t.Errorf("unexpected group %s=%s", g.Attribute, g.Value)
				continue
			}
			if math.Abs(*g.Share-w.share) > 1e-12 || math.Abs(*g.Ratio-w.ratio) > 1e-12 || g.Flag != w.flag {
				t.Errorf("%s=%s: share %v ratio %v flag %v, want %v %v %v", g.Attribute, g.Value, *g.Share, *g.Ratio, g.Flag, w.share, w.ratio, w.flag)
			}
		}
		if math.Abs(*rep.Concentration.Gini-0.4) > 1e-12 || math.Abs(*rep.Concentration.Top20Share-1.0/3) > 1e-12 {
			t.Errorf("concentration = %v / %v, want 0.4 / 0.3333", *rep.Concentration.Gini, *rep.Concentration.Top20Share)
		}
		// A period that ends before anyone joined has no members and no figures.
		past := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		empty, err := a.EquityReport(ctx, coord, c.ID, domain.DimensionLeadership, nil, &past)
		if err != nil || empty.Members != 0 || empty.Concentration.Gini != nil {
			t.Errorf("report before anyone joined: %+v, %v", empty, err)
		}
		_, err = a.EquityReport(ctx, coord, c.ID, "astrology", nil, nil)
		wantCode(t, err, domain.EINVALID)
		later := past.Add(time.Hour)
		_, err = a.EquityReport(ctx, coord, c.ID, domain.DimensionLeadership, &later, &past)
		wantCode(t, err, domain.EINVALID)
	})
}
