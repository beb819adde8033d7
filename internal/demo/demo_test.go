package demo_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
	"github.com/google/go-cmp/cmp"
)

var ctx = context.Background()

func newApp(db *store.DB) *app.App {
	a := app.New(db, nil)
	a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
	return a
}

func counts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	var n map[string]int
	if err := db.Read(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.CountRows(ctx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// seeded loads the demo and signs the coordinator in.
func seeded(t *testing.T, db *store.DB) (*app.App, *domain.User) {
	t.Helper()
	a := newApp(db)
	if _, err := demo.Seed(ctx, a); err != nil {
		t.Fatal(err)
	}
	u, err := a.Authenticate(ctx, demo.CoordinatorEmail, demo.DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatalf("coordinator cannot sign in: %v", err)
	}
	return a, u
}

// coalitionByName finds one of the actor's coalitions.
func coalitionByName(t *testing.T, a *app.App, u *domain.User, name string) *domain.Coalition {
	t.Helper()
	page, err := a.Coalitions(ctx, u, "", 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range page.Items {
		if c.Name == name {
			return &c
		}
	}
	t.Fatalf("coalition %q not found", name)
	return nil
}

func TestSeed_IsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(db)
		creds, err := demo.Seed(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		want := demo.Credentials{CoordinatorEmail: demo.CoordinatorEmail, MemberEmail: demo.MemberEmail, Password: demo.DemoPassword}
		if creds != want {
			t.Errorf("credentials = %+v, want %+v", creds, want)
		}
		first := counts(t, db)
		// Users: the two sign-in accounts and the twelve representatives who answer the
		// housing coalition's health check-ins (health.go) and cannot sign in.
		if first["organizations"] < 25 || first["people"] < 50 || first["coalitions"] != 3 || first["users"] != 2+12 {
			t.Errorf("counts after Seed = %v", first)
		}
		if creds, err = demo.Seed(ctx, a); err != nil || creds != want {
			t.Fatalf("second Seed = %+v, %v", creds, err)
		}
		if diff := cmp.Diff(first, counts(t, db)); diff != "" {
			t.Errorf("second Seed wrote rows (-first +second):\n%s", diff)
		}
	})
}

func TestSeed_AccountsSignInAndSeeTheirCoalitions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, coordinator := seeded(t, db)
		page, err := a.Coalitions(ctx, coordinator, "", 50)
		if err != nil || len(page.Items) != 3 {
			t.Fatalf("coordinator sees %d coalitions (%v), want 3", len(page.Items), err)
		}
		for _, c := range page.Items {
			if p, err := a.Authorize(ctx, coordinator, c.ID, app.ManageMembers); err != nil || p.Role != domain.AccessCoordinator {
				t.Errorf("coordinator in %s: %+v, %v", c.Name, p, err)
			}
		}
		member, err := a.Authenticate(ctx, demo.MemberEmail, demo.DemoPassword, "192.0.2.1")
		if err != nil {
			t.Fatalf("member cannot sign in: %v", err)
		}
		page, err = a.Coalitions(ctx, member, "", 50)
		if err != nil || len(page.Items) != 2 {
			t.Fatalf("member sees %d coalitions (%v), want housing and transit", len(page.Items), err)
		}
		orgs, err := a.MyOrganizations(ctx, member)
		if err != nil || len(orgs) != 1 || orgs[0].Name != "Cedar Crossing Elders Council" || orgs[0].BipocLed != "yes" || orgs[0].BudgetBand != domain.BudgetUnder250k {
			t.Errorf("member represents %+v (%v), want Cedar Crossing Elders Council", orgs, err)
		}
	})
}

// group is one row of a leadership report as the test states it.
type group struct {
	attr, value string
	members     int
	ratio       float64
	flag        string
}

func leadership(t *testing.T, a *app.App, u *domain.User, name string) []group {
	t.Helper()
	c := coalitionByName(t, a, u, name)
	rep, err := a.EquityReport(ctx, u, c.ID, domain.DimensionLeadership, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []group
	for _, g := range rep.Groups {
		out = append(out, group{g.Attribute, g.Value, g.Members, *g.Ratio, g.FlagReason})
	}
	return out
}

func TestSeed_LeadershipReportsTellThreeStories(t *testing.T) {
	a, u := seeded(t, storetest.MustOpenDB(t))

	// Rooted Homes: 12 current members (Capitol Corridor left and does not count; Salween
	// is stepping back and does). 4 seats: Metro Housing (anchor), Phalen Hills, Twin
	// Rivers and Northside Tenants (steering). ratio = (seats_g/4) / (members_g/12).
	under, over := "under_represented", "over_represented"
	want := []group{
		{"bipoc_led", "yes", 7, (1.0 / 4) / (7.0 / 12), under},     // 1 seat: 12/28 = 3/7 ≈ 0.43 < 0.8
		{"bipoc_led", "no", 4, (3.0 / 4) / (4.0 / 12), over},       // 3 seats: 9/4 = 2.25 > 1.25
		{"bipoc_led", "not_said", 1, 0, ""},                        // Grace & Gravel, never flagged
		{"most_impacted", "yes", 6, (1.0 / 4) / (6.0 / 12), under}, // 1/2
		{"most_impacted", "no", 6, (3.0 / 4) / (6.0 / 12), over},   // 3/2
		{"budget_band", "under_250k", 6, (1.0 / 4) / (6.0 / 12), under},
		{"budget_band", "250k_1m", 1, 0, under},                     // Bluffside holds no seat
		{"budget_band", "1m_5m", 2, (1.0 / 4) / (2.0 / 12), over},   // 3/2
		{"budget_band", "over_5m", 2, (2.0 / 4) / (2.0 / 12), over}, // 3
		{"budget_band", "not_said", 1, 0, ""},
	}
	if diff := cmp.Diff(want, leadership(t, a, u, "Rooted Homes Coalition"), cmp.AllowUnexported(group{})); diff != "" {
		t.Errorf("Rooted Homes leadership report (-want +got):\n%s", diff)
	}
	if got := flagged(leadership(t, a, u, "Riders First Transit Table")); len(got) != 0 {
		t.Errorf("Riders First flags %v, want none: its 4 seats are shared in proportion", got)
	}
	// Shared Ground: 12 members, 3 seats (Plum Tree, Crescent Corner, Capitol Corridor).
	// BIPOC-led 8 members, 2 seats: (2/3)/(8/12) = 1; white-led 4, 1 seat: 1 — parity.
	// Most impacted 7, 1 seat: (1/3)/(7/12) = 4/7; under $250k 5, no seat: 0.
	wantFlags := []string{"most_impacted=yes", "most_impacted=no", "budget_band=under_250k", "budget_band=1m_5m"}
	if diff := cmp.Diff(wantFlags, flagged(leadership(t, a, u, "Shared Ground Economic Development Network"))); diff != "" {
		t.Errorf("Shared Ground flags (-want +got):\n%s", diff)
	}
}

func flagged(groups []group) []string {
	var out []string
	for _, g := range groups {
		if g.flag != "" {
			out = append(out, g.attr+"="+g.value)
		}
	}
	return out
}

func TestSeed_CoalitionsExportAsValidBundles(t *testing.T) {
	a, u := seeded(t, storetest.MustOpenDB(t))
	page, err := a.Coalitions(ctx, u, "", 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range page.Items {
		b, err := a.ExportCoalition(ctx, u, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := bundle.Encode(b)
		if err != nil {
			t.Fatal(err)
		}
		if problems := bundle.Validate(raw); problems != nil {
			t.Errorf("%s exports an invalid bundle: %v", c.Name, problems)
		}
		revised := 0
		for _, p := range b.Principles {
			if len(p.Versions) > 1 {
				revised++
			}
		}
		if len(b.Principles) < 4 || len(b.Principles) > 6 || revised < 1 || len(b.Adoptions) == 0 {
			t.Errorf("%s: %d principles, %d revised, %d adoptions", c.Name, len(b.Principles), revised, len(b.Adoptions))
		}
	}
}
