package api_test

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
)

// setProfile sets the attributes of an organization the equity report groups by.
func (e *env) setProfile(actor *domain.User, orgID, bipocLed, budgetBand string) {
	e.t.Helper()
	ctx := context.Background()
	o, _, err := e.app.Organization(ctx, actor, orgID)
	if err != nil {
		e.t.Fatal(err)
	}
	o.BipocLed, o.BudgetBand = bipocLed, budgetBand
	if _, err := e.app.UpdateOrganization(ctx, actor, *o, o.Version); err != nil {
		e.t.Fatal(err)
	}
}

type equityGroup struct {
	Attribute       string   `json:"attribute"`
	Value           string   `json:"value"`
	Members         int      `json:"members"`
	MembershipShare float64  `json:"membership_share"`
	Quantity        float64  `json:"quantity"`
	Share           *float64 `json:"share"`
	Ratio           *float64 `json:"ratio"`
	Flag            bool     `json:"flag"`
	FlagReason      string   `json:"flag_reason"`
	Centred         bool     `json:"centred"`
}

type equityReport struct {
	CoalitionID   string        `json:"coalition_id"`
	Dimension     string        `json:"dimension"`
	From          *string       `json:"from"`
	To            *string       `json:"to"`
	Members       int           `json:"members"`
	Total         float64       `json:"total"`
	Groups        []equityGroup `json:"groups"`
	Concentration struct {
		Gini       *float64 `json:"gini"`
		Top20Share *float64 `json:"top20_share"`
	} `json:"concentration"`
	Organizations []struct {
		OrganizationID string  `json:"organization_id"`
		Name           string  `json:"name"`
		Quantity       float64 `json:"quantity"`
	} `json:"organizations"`
}

func num(f float64) *float64 { return &f }

// TestEquityReport checks the leadership report of a hand-built coalition:
//
//	organization       role      most impacted  BIPOC-led  budget      seats
//	Anchor Alliance    anchor    no             no         over_5m     1
//	Block Builders     steering  yes            yes        under_250k  1
//	Corner Collective  member    yes            yes        under_250k  0
//	Delta Neighbors    member    yes            yes        250k_1m     0
//	Elm Street         steering  no             not said   not said    1
//	Former Friends     anchor    (left: not counted)
//
// n = 5 members, total = 3 seats. For each group, membership share = members/5, share =
// seats/3, ratio = share / membership share:
//
//	bipoc_led=yes       3/5   1/3   (1/3)/(3/5) = 5/9 ≈ 0.556 < 0.8, centred   → flagged under_represented
//	bipoc_led=no        1/5   1/3   (1/3)/(1/5) = 5/3 ≈ 1.667 > 1.25, advantaged → flagged over_represented
//	bipoc_led=not_said  1/5   1/3   5/3, never flagged
//	most_impacted=yes   3/5   1/3   5/9 → flagged under_represented
//	most_impacted=no    2/5   2/3   (2/3)/(2/5) = 5/3 → flagged over_represented
//	budget under_250k   2/5   1/3   (1/3)/(2/5) = 5/6 ≈ 0.833 ≥ 0.8 → not flagged
//	budget 250k_1m      1/5   0     0 → flagged under_represented
//	budget over_5m      1/5   1/3   5/3 → flagged over_represented
//	budget not_said     1/5   1/3   5/3, never flagged
//	(budget 1m_5m has no members and is omitted.)
//
// Gini over seats (1,1,1,0,0): Σᵢ Σⱼ |xᵢ − xⱼ| = 3·2 pairs × 2 orders × 1 = 12;
// 2 n² x̄ = 2 · 25 · 3/5 = 30; Gini = 12/30 = 0.4. Top 20 %: ⌈0.2 · 5⌉ = 1 member holds
// 1 of 3 seats = 1/3.
func TestEquityReport(t *testing.T) {
	e := newEnv(t)
	coord, rep := e.user("coord"), e.user("rep")
	c := e.coalition(coord, "Fair Leadership", false)
	orgs := []struct {
		name, role           string
		mostImpacted         bool
		bipocLed, budgetBand string
	}{
		{"Anchor Alliance", domain.RoleAnchor, false, "no", "over_5m"},
		{"Block Builders", domain.RoleSteering, true, "yes", "under_250k"},
		{"Corner Collective", domain.RoleMember, true, "yes", "under_250k"},
		{"Delta Neighbors", domain.RoleMember, true, "yes", "250k_1m"},
		{"Elm Street", domain.RoleSteering, false, "not_said", "not_said"},
		{"Former Friends", domain.RoleAnchor, true, "yes", "under_250k"},
	}
	names := map[string]string{}
	for _, o := range orgs {
		m := e.join(coord, rep, c, o.name, o.role, o.mostImpacted)
		e.setProfile(rep, m.OrganizationID, o.bipocLed, o.budgetBand)
		names[m.OrganizationID] = o.name
		if o.name == "Former Friends" {
			if _, err := e.app.UpdateMembership(context.Background(), coord, c.ID, m.ID,
				app.MembershipChange{Role: o.role, MostImpacted: o.mostImpacted, Status: domain.StatusLeft}, m.Version); err != nil {
				t.Fatal(err)
			}
		}
	}

	r := e.get("/api/v1/coalitions/"+c.ID+"/equity?dimension=leadership", "rep")
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	checkKeys(t, r.body)
	var got equityReport
	r.json(t, &got)

	want := []equityGroup{
		{"bipoc_led", "yes", 3, 3.0 / 5, 1, num(1.0 / 3), num(5.0 / 9), true, "under_represented", true},
		{"bipoc_led", "no", 1, 1.0 / 5, 1, num(1.0 / 3), num(5.0 / 3), true, "over_represented", false},
		{"bipoc_led", "not_said", 1, 1.0 / 5, 1, num(1.0 / 3), num(5.0 / 3), false, "", false},
		{"most_impacted", "yes", 3, 3.0 / 5, 1, num(1.0 / 3), num(5.0 / 9), true, "under_represented", true},
		{"most_impacted", "no", 2, 2.0 / 5, 2, num(2.0 / 3), num(5.0 / 3), true, "over_represented", false},
		{"budget_band", "under_250k", 2, 2.0 / 5, 1, num(1.0 / 3), num(5.0 / 6), false, "", true},
		{"budget_band", "250k_1m", 1, 1.0 / 5, 0, num(0), num(0), true, "under_represented", true},
		{"budget_band", "over_5m", 1, 1.0 / 5, 1, num(1.0 / 3), num(5.0 / 3), true, "over_represented", false},
		{"budget_band", "not_said", 1, 1.0 / 5, 1, num(1.0 / 3), num(5.0 / 3), false, "", false},
	}
	if got.CoalitionID != c.ID || got.Dimension != "leadership" || got.From != nil || got.To != nil || got.Members != 5 || got.Total != 3 {
		t.Errorf("header = %+v", got)
	}
	if d := cmp.Diff(want, got.Groups); d != "" {
		t.Errorf("groups (-want +got):\n%s", d)
	}
	if g := got.Concentration.Gini; g == nil || *g != 12.0/30 {
		t.Errorf("gini = %v, want 0.4", g)
	}
	if s := got.Concentration.Top20Share; s == nil || *s != 1.0/3 {
		t.Errorf("top20_share = %v, want 1/3", s)
	}
	seats := map[string]float64{}
	for _, o := range got.Organizations {
		if names[o.OrganizationID] != o.Name {
			t.Errorf("organization %s is named %q, want %q", o.OrganizationID, o.Name, names[o.OrganizationID])
		}
		seats[o.Name] = o.Quantity
	}
	wantSeats := map[string]float64{"Anchor Alliance": 1, "Block Builders": 1, "Corner Collective": 0, "Delta Neighbors": 0, "Elm Street": 1}
	if d := cmp.Diff(wantSeats, seats); d != "" {
		t.Errorf("organizations (-want +got):\n%s", d)
	}
	for i := 1; i < len(got.Organizations); i++ {
		if got.Organizations[i].Quantity > got.Organizations[i-1].Quantity {
			t.Errorf("organizations not ordered by quantity: %+v", got.Organizations)
		}
	}
}

// TestEquityReportWithoutSeats checks that an all-zero dimension gives nulls, not 0 or NaN.
func TestEquityReportWithoutSeats(t *testing.T) {
	e := newEnv(t)
	coord, rep := e.user("coord"), e.user("rep")
	c := e.coalition(coord, "No Leaders", false)
	e.join(coord, rep, c, "First Org", domain.RoleMember, true)
	e.join(coord, rep, c, "Second Org", domain.RoleSupporter, false)
	r := e.get("/api/v1/coalitions/"+c.ID+"/equity?dimension=leadership&from=2024-01-01&to=2099-12-31", "rep")
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	checkKeys(t, r.body)
	var raw struct {
		From, To      *string
		Members       int
		Total         float64
		Groups        []map[string]any
		Concentration map[string]any
	}
	r.json(t, &raw)
	if raw.From == nil || *raw.From != "2024-01-01" || raw.To == nil || *raw.To != "2099-12-31" {
		t.Errorf("from, to = %v, %v", raw.From, raw.To)
	}
	if raw.Members != 2 || raw.Total != 0 || len(raw.Groups) == 0 {
		t.Errorf("members %d, total %v, %d groups", raw.Members, raw.Total, len(raw.Groups))
	}
	for _, g := range raw.Groups {
		if g["share"] != nil || g["ratio"] != nil || g["flag"] != false {
			t.Errorf("group %v: share and ratio must be null and unflagged when the total is 0", g)
		}
	}
	if raw.Concentration["gini"] != nil || raw.Concentration["top20_share"] != nil {
		t.Errorf("concentration = %v, want nulls", raw.Concentration)
	}
}

// checkKeys checks that the report has exactly the documented keys, at every level.
func checkKeys(t *testing.T, body string) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &top); err != nil {
		t.Fatal(err)
	}
	keysOf := func(raw json.RawMessage) []string {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return slices.Sorted(maps.Keys(m))
	}
	want := []string{"coalition_id", "concentration", "dimension", "from", "groups", "members", "organizations", "to", "total"}
	if got := slices.Sorted(maps.Keys(top)); !slices.Equal(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	if got := keysOf(top["concentration"]); !slices.Equal(got, []string{"gini", "top20_share"}) {
		t.Errorf("concentration keys %v", got)
	}
	var groups, orgs []json.RawMessage
	_ = json.Unmarshal(top["groups"], &groups)
	_ = json.Unmarshal(top["organizations"], &orgs)
	for _, g := range groups {
		want := []string{"attribute", "centred", "flag", "flag_reason", "members", "membership_share", "quantity", "ratio", "share", "value"}
		if got := keysOf(g); !slices.Equal(got, want) {
			t.Errorf("group keys %v, want %v", got, want)
		}
	}
	for _, o := range orgs {
		if got := keysOf(o); !slices.Equal(got, []string{"name", "organization_id", "quantity"}) {
			t.Errorf("organization keys %v", got)
		}
	}
}
