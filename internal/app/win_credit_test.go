package app_test

import (
	"math"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestCreditReport checks the "credit" dimension against numbers worked by hand.
//
//	org  bipoc     impacted  band
//	A    yes       yes       under_250k
//	B    yes       no        250k_1m
//	C    no        no        over_5m
//	D    not_said  no        not_said
//
//	win  date        credits (weight)       shares
//	W1   2025-01-10  A 3, C 1               A 3/4, C 1/4
//	W2   2025-02-01  A, B, C (blank = 1)    1/3 each
//	W3   2025-03-15  C 2, D 0               C 1, D 0
//	W4   2024-12-01  B 1                    B 1 (before the period)
//	W5   2025-03-20  A 1, X 1 (X has left)  A 1/2 (X's half is not handed to anyone)
//
// Period from 2025-01-01 on (W1, W2, W3, W5):
// A = 3/4 + 1/3 + 1/2 = 19/12, B = 1/3 = 4/12, C = 1/4 + 1/3 + 1 = 19/12, D = 0;
// total 42/12 = 3.5 (four wins, less X's half).
// bipoc_led=yes (A, B): membership 2/4 = 0.5; share (23/12)/(42/12) = 23/42; ratio 23/21
// = 1.0952 → not flagged. bipoc_led=no (C): membership 1/4; share 19/42; ratio 76/42 =
// 1.8095 → flagged (advantaged, > 1.25). most_impacted=yes (A): share 19/42, ratio
// 76/42 → not flagged (centred groups are flagged only below 0.8). budget 250k_1m (B):
// share 4/42, ratio 16/42 = 0.381 → flagged (centred, < 0.8).
// Open period: W4 adds 1 to B: B = 16/12, total 54/12 = 4.5.
func TestCreditReport(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coord := mustUser(t, a, "coord@example.org", true)
		c := mustCoalition(t, a, coord, "Housing")
		rows := []struct {
			org, bipoc, band string
			impacted         bool
		}{
			{"A", "yes", domain.BudgetUnder250k, true},
			{"B", "yes", domain.Budget250kTo1m, false},
			{"C", "no", domain.BudgetOver5m, false},
			{"D", "not_said", domain.NotSaid, false},
			{"X", "yes", domain.BudgetUnder250k, false},
		}
		ids := map[string]string{}
		memberships := map[string]*domain.Membership{}
		for _, r := range rows {
			rep, m := join(t, a, coord, c, r.org, r.org+"@example.org", domain.RoleMember, r.impacted)
			org, _, _ := a.Organization(ctx, rep, m.OrganizationID)
			org.BipocLed, org.BudgetBand = r.bipoc, r.band
			if _, err := a.UpdateOrganization(ctx, rep, *org, org.Version); err != nil {
				t.Fatal(err)
			}
			ids[r.org], memberships[r.org] = m.OrganizationID, m
		}
		credit := func(org string, w float64) domain.Credit { return domain.Credit{OrganizationID: ids[org], Weight: w} }
		for _, w := range []domain.Win{
			{Date: "2025-01-10", Title: "W1", Credits: []domain.Credit{credit("A", 3), credit("C", 1)}},
			{Date: "2025-02-01", Title: "W2", Credits: []domain.Credit{credit("A", 1), credit("B", 1), credit("C", 1)}},
			{Date: "2025-03-15", Title: "W3", Credits: []domain.Credit{credit("C", 2), credit("D", 0)}},
			{Date: "2024-12-01", Title: "W4", Credits: []domain.Credit{credit("B", 1)}},
			{Date: "2025-03-20", Title: "W5", Credits: []domain.Credit{credit("A", 1), credit("X", 1)}},
		} {
			w.Kind, w.Size = "policy", "short_term"
			if _, err := a.CreateWin(ctx, coord, c.ID, w); err != nil {
				t.Fatal(err)
			}
		}
		// X leaves the coalition.
		if _, err := a.UpdateMembership(ctx, coord, c.ID, memberships["X"].ID, app.MembershipChange{Role: domain.RoleMember, Status: domain.StatusLeft, StatusReason: "Merged"}, memberships["X"].Version); err != nil {
			t.Fatal(err)
		}

		// The period runs from 2025-01-01 to now, since members count as of its end and
		// they all joined today; it holds W1, W2, W3 and W5.
		from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Now().Add(time.Hour)
		rep, err := a.EquityReport(ctx, coord, c.ID, domain.DimensionCredit, &from, &to)
		if err != nil {
			t.Fatal(err)
		}
		near := func(got, want float64) bool { return math.Abs(got-want) < 1e-12 }
		if rep.Members != 4 || !near(rep.Total, 42.0/12) {
			t.Fatalf("members %d total %v, want 4 and 3.5", rep.Members, rep.Total)
		}
		wantOrg := map[string]float64{ids["A"]: 19.0 / 12, ids["B"]: 4.0 / 12, ids["C"]: 19.0 / 12, ids["D"]: 0}
		for _, o := range rep.Organizations {
			if !near(o.Quantity, wantOrg[o.OrganizationID]) {
				t.Errorf("%s: credit %v, want %v", rep.Names[o.OrganizationID], o.Quantity, wantOrg[o.OrganizationID])
			}
		}
		want := map[string]struct {
			share, ratio float64
			flag         bool
		}{
			"bipoc_led=yes":          {23.0 / 42, 23.0 / 21, false},
			"bipoc_led=no":           {19.0 / 42, 76.0 / 42, true},
			"bipoc_led=not_said":     {0, 0, false},
			"most_impacted=yes":      {19.0 / 42, 76.0 / 42, false},
			"most_impacted=no":       {23.0 / 42, (23.0 / 42) / 0.75, false},
			"budget_band=under_250k": {19.0 / 42, 76.0 / 42, false},
			"budget_band=250k_1m":    {4.0 / 42, 16.0 / 42, true},
			"budget_band=over_5m":    {19.0 / 42, 76.0 / 42, true},
			"budget_band=not_said":   {0, 0, false},
		}
		if len(rep.Groups) != len(want) {
			t.Errorf("%d groups, want %d", len(rep.Groups), len(want))
		}
		for _, g := range rep.Groups {
			w, ok := want[g.Attribute+"="+g.Value]
			if !ok {
				t.Errorf("unexpected group %s=%s", g.Attribute, g.Value)
				continue
			}
			if !near(*g.Share, w.share) || !near(*g.Ratio, w.ratio) || g.Flag != w.flag {
				t.Errorf("%s=%s: share %v ratio %v flag %v, want %v %v %v", g.Attribute, g.Value, *g.Share, *g.Ratio, g.Flag, w.share, w.ratio, w.flag)
			}
		}

		open, err := a.EquityReport(ctx, coord, c.ID, domain.DimensionCredit, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !near(open.Total, 54.0/12) {
			t.Errorf("open period total %v, want 4.5", open.Total)
		}
		// A period with no wins: every share is undefined, never 0 or NaN.
		empty := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		none, err := a.EquityReport(ctx, coord, c.ID, domain.DimensionCredit, &empty, nil)
		if err != nil || none.Total != 0 || none.Groups[0].Share != nil || none.Concentration.Gini != nil {
			t.Errorf("report without wins: %+v, %v", none, err)
		}
	})
}
