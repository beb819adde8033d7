package equity

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func ptr(f float64) *float64 { return &f }

// org builds a member; bipoc and band may be "" for not said.
func org(id, bipoc string, impacted bool, band string, q float64) Member {
	return Member{OrganizationID: id, BipocLed: bipoc, MostImpacted: impacted, BudgetBand: band, Quantity: q}
}

// TestCompute checks whole reports against numbers worked out by hand. Shares and
// ratios are correctly rounded, and the Gini sums in these cases are exact, so each
// expected value is the Go constant expression of its fraction and must match exactly.
func TestCompute(t *testing.T) {
	tests := []struct {
		name    string
		members []Member
		want    Report
	}{{
		// 10 members hold 7 leadership seats (quantity 1 = holds a seat).
		// bipoc_led yes: o01–o05, 5 members, seats o01 o02 o03 = 3.
		//   membership 5/10, share 3/7 = 0.428571…, ratio (3/7)/(5/10) = 6/7 = 0.857142… ≥ 0.8: no flag.
		// bipoc_led no: o06 o07 o08 o10, 4 members, 3 seats: ratio (3/7)/(4/10) = 15/14 ≤ 1.25: no flag.
		// bipoc_led not_said: o09 (BipocLed ""), 1 member, 1 seat: ratio (1/7)/(1/10) = 10/7, never flagged.
		// most_impacted yes: o01 o02 o04 o08, 3 seats: (3/7)/(4/10) = 15/14.
		// most_impacted no: o03 o05 o06 o07 o09 o10, 4 seats: (4/7)/(6/10) = 20/21.
		// under_250k: o01 o02 o10, 2 seats: (2/7)/(3/10) = 20/21.
		// 250k_1m: o03 o04, 1 seat: (1/7)/(2/10) = 5/7 = 0.714… < 0.8: under-represented.
		// 1m_5m: o06 o08, 2 seats: (2/7)/(2/10) = 10/7 = 1.428… > 1.25: over-represented.
		// over_5m: o07 o09, 2 seats: 10/7 again: over-represented.
		// not_said budget: o05, 0 seats: ratio 0, never flagged.
		// Gini: three 0s and seven 1s; |xᵢ − xⱼ| = 1 for 2·3·7 = 42 ordered pairs;
		//   42 / (2 · 10² · 0.7) = 42/140 = 0.3.
		// Top 20 %: ⌈0.2·10⌉ = 2 members, both hold a seat: 2/7.
		name: "leadership seats",
		members: []Member{
			org("o01", "yes", true, "under_250k", 1),
			org("o02", "yes", true, "under_250k", 1),
			org("o03", "yes", false, "250k_1m", 1),
			org("o04", "yes", true, "250k_1m", 0),
			org("o05", "yes", false, "", 0),
			org("o06", "no", false, "1m_5m", 1),
			org("o07", "no", false, "over_5m", 1),
			org("o08", "no", true, "1m_5m", 1),
			org("o09", "", false, "over_5m", 1),
			org("o10", "no", false, "under_250k", 0),
		},
		want: Report{
			Members: 10,
			Total:   7,
			Groups: []Group{
				{AttrBipocLed, "yes", 5, 0.5, 3, ptr(3.0 / 7), ptr(6.0 / 7), false, "", true},
				{AttrBipocLed, "no", 4, 0.4, 3, ptr(3.0 / 7), ptr(15.0 / 14), false, "", false},
				{AttrBipocLed, "not_said", 1, 0.1, 1, ptr(1.0 / 7), ptr(10.0 / 7), false, "", false},
				{AttrMostImpacted, "yes", 4, 0.4, 3, ptr(3.0 / 7), ptr(15.0 / 14), false, "", true},
				{AttrMostImpacted, "no", 6, 0.6, 4, ptr(4.0 / 7), ptr(20.0 / 21), false, "", false},
				{AttrBudgetBand, "under_250k", 3, 0.3, 2, ptr(2.0 / 7), ptr(20.0 / 21), false, "", true},
				{AttrBudgetBand, "250k_1m", 2, 0.2, 1, ptr(1.0 / 7), ptr(5.0 / 7), true, "under_represented", true},
				{AttrBudgetBand, "1m_5m", 2, 0.2, 2, ptr(2.0 / 7), ptr(10.0 / 7), true, "over_represented", false},
				{AttrBudgetBand, "over_5m", 2, 0.2, 2, ptr(2.0 / 7), ptr(10.0 / 7), true, "over_represented", false},
				{AttrBudgetBand, "not_said", 1, 0.1, 0, ptr(0), ptr(0), false, "", false},
			},
			Concentration: Concentration{Gini: ptr(0.3), Top20Share: ptr(2.0 / 7)},
			Organizations: []OrgQuantity{
				{"o01", 1}, {"o02", 1}, {"o03", 1}, {"o06", 1}, {"o07", 1}, {"o08", 1}, {"o09", 1},
				{"o04", 0}, {"o05", 0}, {"o10", 0},
			},
		},
	}, {
		// Nobody spoke: the total is 0, so shares, ratios and concentration are nil and
		// nothing is flagged; membership shares are still 1/3, 1/3, 1/3 and 1/3, 2/3 and 3/3.
		name: "total zero",
		members: []Member{
			org("c", "", false, "under_250k", 0),
			org("a", "yes", true, "under_250k", 0),
			org("b", "no", false, "under_250k", 0),
		},
		want: Report{
			Members: 3,
			Groups: []Group{
				{Attribute: AttrBipocLed, Value: "yes", Members: 1, MembershipShare: 1.0 / 3, Centred: true},
				{Attribute: AttrBipocLed, Value: "no", Members: 1, MembershipShare: 1.0 / 3},
				{Attribute: AttrBipocLed, Value: "not_said", Members: 1, MembershipShare: 1.0 / 3},
				{Attribute: AttrMostImpacted, Value: "yes", Members: 1, MembershipShare: 1.0 / 3, Centred: true},
				{Attribute: AttrMostImpacted, Value: "no", Members: 2, MembershipShare: 2.0 / 3},
				{Attribute: AttrBudgetBand, Value: "under_250k", Members: 3, MembershipShare: 1, Centred: true},
			},
			Organizations: []OrgQuantity{{"a", 0}, {"b", 0}, {"c", 0}},
		},
	}, {
		// "" and "not_said" are the same group. Empty groups (bipoc_led no, most_impacted
		// no, three budget bands) are omitted; the not_said groups stay although they hold 0.
		// bipoc_led yes: p3 p4, 4 of 4: (4/4)/(2/4) = 2; a centred group is never over-flagged.
		// bipoc_led not_said: p1 p2, 0 of 4: ratio 0 but never flagged.
		// most_impacted yes: all 4, ratio 1. under_250k like bipoc yes, not_said like bipoc not_said.
		// Gini: sorted 0 0 1 3, pairs i<j: |0−1|·2 + |0−3|·2 + |1−3| = 10, so 20 ordered;
		//   20 / (2 · 4² · 1) = 0.625. Top 20 %: ⌈0.8⌉ = 1 member, p3 with 3/4.
		name: "not said kept and empty groups omitted",
		members: []Member{
			org("p1", "", true, "", 0),
			org("p2", "not_said", true, "not_said", 0),
			org("p3", "yes", true, "under_250k", 3),
			org("p4", "yes", true, "under_250k", 1),
		},
		want: Report{
			Members: 4,
			Total:   4,
			Groups: []Group{
				{AttrBipocLed, "yes", 2, 0.5, 4, ptr(1), ptr(2), false, "", true},
				{AttrBipocLed, "not_said", 2, 0.5, 0, ptr(0), ptr(0), false, "", false},
				{AttrMostImpacted, "yes", 4, 1, 4, ptr(1), ptr(1), false, "", true},
				{AttrBudgetBand, "under_250k", 2, 0.5, 4, ptr(1), ptr(2), false, "", true},
				{AttrBudgetBand, "not_said", 2, 0.5, 0, ptr(0), ptr(0), false, "", false},
			},
			Concentration: Concentration{Gini: ptr(0.625), Top20Share: ptr(0.75)},
			Organizations: []OrgQuantity{{"p3", 3}, {"p4", 1}, {"p1", 0}, {"p2", 0}},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compute(tt.members)
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Compute mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComputeEmpty(t *testing.T) {
	for _, members := range [][]Member{nil, {}} {
		got, err := Compute(members)
		if err != nil {
			t.Fatalf("Compute(%v): %v", members, err)
		}
		if diff := cmp.Diff(Report{}, got); diff != "" {
			t.Errorf("Compute(%v) mismatch (-want +got):\n%s", members, diff)
		}
	}
}

// TestConcentration checks the Gini coefficient and top-20 % share by hand. With
// Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n T):
func TestConcentration(t *testing.T) {
	tests := []struct {
		name      string
		q         []float64
		gini, top float64
	}{
		// Every difference is 0. Top: ⌈0.8⌉ = 1 member holds 5/20.
		{"all equal", []float64{5, 5, 5, 5}, 0, 0.25},
		// Pairs (8, 0) three times, both ways: 6·8 / (2·4·8) = 0.75 = (n−1)/n. Top: 8/8.
		{"one holds all", []float64{0, 0, 8, 0}, 0.75, 1},
		// One member: no pairs. Top: ⌈0.2⌉ = 1 member holds everything.
		{"single member", []float64{7}, 0, 1},
		// 1..6: Σ_{i<j} (j − i) = n(n²−1)/6 = 35, so 70 / (2·6·21) = 5/18.
		// Top: ⌈1.2⌉ = 2 members, 6 + 5 = 11 of 21.
		{"one to six", []float64{3, 1, 6, 2, 5, 4}, 5.0 / 18, 11.0 / 21},
		// 1..15: Σ_{i<j} (j − i) = 15·224/6 = 560, so 1120 / (2·15·120) = 14/45.
		// Top: ⌈0.2·15⌉ = 3 (0.2*15 in float64 is 3.0000000000000004, whose ceiling
		// is 4), so 15 + 14 + 13 = 42 of 120 = 0.35.
		{"one to fifteen", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 14.0 / 45, 0.35},
		// Zeros count as members: 0 0 0 0 1 1, pairs (0,1) 8 both ways = 16: 16 / (2·6·2) = 2/3.
		// Top: ⌈1.2⌉ = 2 members hold 2 of 2.
		{"zeros included", []float64{0, 1, 0, 0, 1, 0}, 2.0 / 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			members := make([]Member, len(tt.q))
			for i, q := range tt.q {
				members[i] = org(string(rune('a'+i)), "yes", true, "under_250k", q)
			}
			got, err := Compute(members)
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			want := Concentration{Gini: ptr(tt.gini), Top20Share: ptr(tt.top)}
			if diff := cmp.Diff(want, got.Concentration); diff != "" {
				t.Errorf("concentration mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// holding returns n quantities: the first is q, the others 0.
func holding(q float64, n int) []float64 {
	qs := make([]float64, n)
	qs[0] = q
	return qs
}

// TestFlagBoundaries checks the four-fifths rule at and just past its bounds. The
// ratio of the group of "in" members is (q/T) / (g/n).
func TestFlagBoundaries(t *testing.T) {
	yes := org("", "yes", true, "under_250k", 0)
	no := org("", "no", false, "over_5m", 0)
	mid := org("", "no", false, "250k_1m", 0)
	big := org("", "no", false, "1m_5m", 0)
	unsaid := org("", "", false, "", 0)
	tests := []struct {
		name             string
		members          []Member
		attribute, value string
		ratio            float64
		reason           string
	}{
		// (4/10)/(5/10) = 0.8 exactly: not below 0.8.
		{"exactly 0.8", spreadMany(yes, []float64{1, 1, 1, 1, 0}, no, []float64{2, 2, 1, 1, 0}),
			AttrBipocLed, "yes", 0.8, ""},
		// (3/5)/(3/4) = 0.8 exactly, though float64 division gives 0.7999999999999999.
		{"exactly 0.8, rounded below in float64", spreadMany(yes, []float64{1, 1, 1}, no, []float64{2}),
			AttrMostImpacted, "yes", 0.8, ""},
		// (399/1000)/(5/10) = 0.798 < 0.8.
		{"just below 0.8", spreadMany(yes, []float64{399, 0, 0, 0, 0}, no, []float64{601, 0, 0, 0, 0}),
			AttrBipocLed, "yes", 0.798, "under_represented"},
		// q = 3e15+1, T = 7.5e15+3: ratio 2q/T = (6e15+2)/(7.5e15+3) = 0.8 − 0.4/(7.5e15+3),
		// 5.3e-17 below 0.8, closer than float64 can tell from 0.8 by dividing.
		{"below 0.8 by 5e-17", spreadMany(yes, []float64{3e15 + 1, 0, 0, 0, 0}, no, []float64{4.5e15 + 2, 0, 0, 0, 0}),
			AttrBudgetBand, "under_250k", (6e15 + 2) / (7.5e15 + 3), "under_represented"},
		// n = 10007, g = 5000, q = 39972019584857, T = 99999999996416: 4·T·g − 5·q·n = 5,
		// so the ratio q·n/(T·g) is below 4/5 by 1/(T·g) ≈ 2e-18 and rounds to 0.8 itself.
		{"below 0.8 by 2e-18, shown as 0.8", spreadMany(yes, holding(39972019584857, 5000), no, holding(99999999996416-39972019584857, 5007)),
			AttrBipocLed, "yes", 0.8, "under_represented"},
		// 250k_1m holds 1 of 7 with 2 of 10 members: (1/7)/(2/10) = 5/7.
		{"second centred band", spreadMany(mid, []float64{1, 0}, unsaid, []float64{1, 1, 1, 1, 1, 1, 0, 0}),
			AttrBudgetBand, "250k_1m", 5.0 / 7, "under_represented"},
		// (5/10)/(4/10) = 1.25 exactly: not above 1.25.
		{"exactly 1.25", spreadMany(no, []float64{2, 2, 1, 0}, yes, []float64{1, 1, 1, 1, 1, 0}),
			AttrBipocLed, "no", 1.25, ""},
		// (5/12)/(1/3) = 1.25 exactly, though float64 division gives 1.2500000000000002.
		{"exactly 1.25, rounded above in float64", spreadMany(no, []float64{5}, yes, []float64{4, 3}),
			AttrMostImpacted, "no", 1.25, ""},
		// (501/1000)/(4/10) = 1.2525 > 1.25.
		{"just above 1.25", spreadMany(no, []float64{501, 0, 0, 0}, yes, []float64{499, 0, 0, 0, 0, 0}),
			AttrBudgetBand, "over_5m", 1.2525, "over_represented"},
		// 1m_5m holds 3 of 4 with 1 of 2 members: (3/4)/(1/2) = 1.5.
		{"second advantaged band", spreadMany(big, []float64{3}, yes, []float64{1}),
			AttrBudgetBand, "1m_5m", 1.5, "over_represented"},
		// Centred groups are never over-flagged, advantaged ones never under-flagged:
		// bipoc yes holds 1 of 1 with 1 of 2 members, ratio 2; bipoc no holds 0, ratio 0.
		{"centred group above parity", spreadMany(yes, []float64{1}, no, []float64{0}),
			AttrBipocLed, "yes", 2, ""},
		{"advantaged group below parity", spreadMany(yes, []float64{1}, no, []float64{0}),
			AttrBipocLed, "no", 0, ""},
		// not_said is never flagged: ratio 0 (0 of 3) and ratio 2 (3 of 3, half the members).
		{"not said below", spreadMany(unsaid, []float64{0}, yes, []float64{3}),
			AttrBipocLed, "not_said", 0, ""},
		{"not said above", spreadMany(unsaid, []float64{3}, no, []float64{0}),
			AttrBudgetBand, "not_said", 2, ""},
		// Tenths of an hour: 1.2 of 3 hours with 1 of 2 members is (1.2/3)/(1/2) = 0.8 in
		// decimals, but 1.2 is stored as 1.19999…, so the float64 ratio is just below 0.8.
		{"decimal 0.8 stored below 0.8", spreadMany(yes, []float64{1.2}, no, []float64{1.8}),
			AttrBipocLed, "yes", 0.8, ""},
		// 1.2 of 1.2 + 3 + 0.3 = 4.5 hours, 1 of 3 members: (1.2/4.5)/(1/3) = 0.8; the sum rounds.
		{"decimal 0.8 with a rounded sum", spreadMany(yes, []float64{1.2}, no, []float64{3, 0.3}),
			AttrBipocLed, "yes", 0.8, ""},
		// (1.1/3)/(1/2) = 0.7333…: fractional data is still flagged when clearly below.
		{"decimal below 0.8", spreadMany(yes, []float64{1.1}, no, []float64{1.9}),
			AttrBipocLed, "yes", 2.2 / 3, "under_represented"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			report, err := Compute(tt.members)
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			g, ok := findGroup(report, tt.attribute, tt.value)
			if !ok {
				t.Fatalf("no group %s=%s in %+v", tt.attribute, tt.value, report.Groups)
			}
			if g.Ratio == nil || math.Abs(*g.Ratio-tt.ratio) > 1e-15 {
				t.Errorf("ratio = %v, want %v", deref(g.Ratio), tt.ratio)
			}
			if g.FlagReason != tt.reason || g.Flag != (tt.reason != "") {
				t.Errorf("flag = %v %q, want %q", g.Flag, g.FlagReason, tt.reason)
			}
		})
	}
}

func findGroup(r Report, attribute, value string) (Group, bool) {
	for _, g := range r.Groups {
		if g.Attribute == attribute && g.Value == value {
			return g, true
		}
	}
	return Group{}, false
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func TestComputeErrors(t *testing.T) {
	ok := org("ok", "yes", true, "under_250k", 1)
	tests := []struct {
		name    string
		members []Member
	}{
		{"negative quantity", []Member{ok, org("x", "yes", true, "", -1)}},
		{"NaN quantity", []Member{ok, org("x", "yes", true, "", math.NaN())}},
		{"infinite quantity", []Member{ok, org("x", "yes", true, "", math.Inf(1))}},
		{"total overflows", []Member{org("x", "", false, "", math.MaxFloat64), org("y", "", false, "", math.MaxFloat64)}},
		{"duplicate organization", []Member{ok, org("x", "no", false, "", 1), org("ok", "no", false, "", 2)}},
		{"empty organization ID", []Member{ok, org("", "no", false, "", 1)}},
		{"unknown bipoc_led", []Member{ok, org("x", "maybe", false, "", 1)}},
		{"bipoc_led is case-sensitive", []Member{ok, org("x", "Yes", false, "", 1)}},
		{"unknown budget band", []Member{ok, org("x", "no", false, "huge", 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Compute(tt.members)
			if !errors.Is(err, ErrInvalidMember) {
				t.Fatalf("Compute error = %v, want one wrapping ErrInvalidMember", err)
			}
			if diff := cmp.Diff(Report{}, got); diff != "" {
				t.Errorf("report on error is not zero (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComputeNegativeZero(t *testing.T) {
	got, err := Compute([]Member{org("a", "yes", true, "", math.Copysign(0, -1))})
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	if q := got.Organizations[0].Quantity; math.Signbit(q) {
		t.Errorf("quantity = %v, want +0", q)
	}
}

func TestRound6(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{3.0 / 7, 0.428571},
		{6.0 / 7, 0.857143},
		{0.8, 0.8},
		{-2.0 / 3, -0.666667},
		{0.1234565, 0.123456}, // Stored as 0.12345649999…: down, where math.Round(f*1e6)/1e6 goes up.
		{1.0000025, 1.000002}, // Stored as 1.00000249999…: down.
		{1.0000005, 1.000001}, // Stored as 1.00000050000…07: up.
		{123456789.1234567, 123456789.123457},
		{1e300, 1e300},
		{0, 0},
	}
	for _, tt := range tests {
		if got := Round6(tt.in); got != tt.want {
			t.Errorf("Round6(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := Round6(math.NaN()); !math.IsNaN(got) {
		t.Errorf("Round6(NaN) = %v, want NaN", got)
	}
	if got := Round6(math.Inf(-1)); !math.IsInf(got, -1) {
		t.Errorf("Round6(-Inf) = %v, want -Inf", got)
	}
}
