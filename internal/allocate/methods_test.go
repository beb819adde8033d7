package allocate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// m builds a member with hours and no equity attributes.
func m(id string, hours float64) Member { return Member{OrganizationID: id, Hours: hours} }

// amountsByID runs Allocate and returns each member's amount by organization.
func amountsByID(t *testing.T, r Round) map[string]int64 {
	t.Helper()
	res, err := Allocate(r)
	if err != nil {
		t.Fatalf("Allocate: %v", err)
	}
	out := make(map[string]int64, len(res.Lines))
	for _, l := range res.Lines {
		out[l.OrganizationID] = l.Amount
	}
	return out
}

// TestMethods checks each method against amounts worked out by hand.
func TestMethods(t *testing.T) {
	tests := []struct {
		name  string
		round Round
		want  map[string]int64
	}{{
		// 100 / 3 = 33⅓; floors 99; the cent goes by ID to "a".
		name:  "equal thirds",
		round: Round{Pool: 100, Method: Equal, Members: []Member{m("c", 0), m("a", 0), m("b", 0)}},
		want:  map[string]int64{"a": 34, "b": 33, "c": 33},
	}, {
		// 1,000,000 / 7 = 142,857 1/7; floors 999,999; 1 cent to "o1".
		name:  "equal sevenths",
		round: Round{Pool: 1_000_000, Method: Equal, Members: []Member{m("o7", 0), m("o6", 0), m("o5", 0), m("o4", 0), m("o3", 0), m("o2", 0), m("o1", 0)}},
		want:  map[string]int64{"o1": 142_858, "o2": 142_857, "o3": 142_857, "o4": 142_857, "o5": 142_857, "o6": 142_857, "o7": 142_857},
	}, {
		// Hours 1.5 + 2.5 + 6 = 10: 1000 × 1.5/10 = 150, × 2.5/10 = 250, × 6/10 = 600.
		name:  "proportional exact",
		round: Round{Pool: 1000, Method: Proportional, Members: []Member{m("a", 1.5), m("b", 2.5), m("c", 6)}},
		want:  map[string]int64{"a": 150, "b": 250, "c": 600},
	}, {
		// Hours 0.1 and 0.2 read as the decimals 1/10 and 2/10 (in float64 they do not
		// sum to 0.3): 100 × 1/3 = 33⅓, 100 × 2/3 = 66⅔; the cent goes to the ⅔.
		name:  "proportional decimal hours",
		round: Round{Pool: 100, Method: Proportional, Members: []Member{m("a", 0.1), m("b", 0.2)}},
		want:  map[string]int64{"a": 33, "b": 67},
	}, {
		// A member without hours gets 0; 999 × 1/3 = 333, × 2/3 = 666.
		name:  "proportional zero hours",
		round: Round{Pool: 999, Method: Proportional, Members: []Member{m("a", 1), m("b", 2), m("z", 0)}},
		want:  map[string]int64{"a": 333, "b": 666, "z": 0},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, amountsByID(t, tt.round)); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEquityFormula checks every line of an equity formula round worked out by hand.
//
// Pool 10,000 cents, 4 members, base 1,000 each: R = 10,000 − 4,000 = 6,000.
// 25 % of R = 1,500 split equally: 375 each. The rest, 4,500, goes by hours × multiplier,
// with weights BIPOC-led 1.5, most impacted 2, small budget 1.25:
//
//	a: BIPOC-led, most impacted, small budget: m = 1.5 × 2 × 1.25 = 3.75; 10 h → w = 37.5
//	b: BIPOC-led:                              m = 1.5;               10 h → w = 15
//	c: none:                                   m = 1;                 20 h → w = 20
//	d: small budget:                           m = 1.25;               0 h → w = 0
//
// Σw = 72.5. By weight: a 4,500 × 37.5/72.5 = 67,500/29 = 2,327 17/29;
// b 4,500 × 15/72.5 = 27,000/29 = 931 1/29; c 4,500 × 20/72.5 = 36,000/29 = 1,241 11/29; d 0.
// Quotas (1,375 + part): a 3,702 17/29, b 2,306 1/29, c 2,616 11/29, d 1,375.
// Floors 3,702 + 2,306 + 2,616 + 1,375 = 9,999; the 1 cent left goes to a (17/29).
func TestEquityFormula(t *testing.T) {
	r := Round{Pool: 10_000, Method: EquityFormula, Members: []Member{
		{OrganizationID: "a", Hours: 10, BipocLed: true, MostImpacted: true, SmallBudget: true},
		{OrganizationID: "b", Hours: 10, BipocLed: true},
		{OrganizationID: "c", Hours: 20},
		{OrganizationID: "d", Hours: 0, SmallBudget: true},
	}, Formula: Formula{Base: 1000, EqualPercent: 25, BipocLedWeight: 1.5, MostImpactedWeight: 2, SmallBudgetWeight: 1.25}}
	got, err := Allocate(r)
	if err != nil {
		t.Fatalf("Allocate: %v", err)
	}
	x := func(f, d string) Exact { return Exact{f, d} }
	eq := x("375", "375.0000")
	want := Result{Scale: x("1", "1.0000"), Leftover: 1, Lines: []Line{{
		OrganizationID: "a", Hours: x("10", "10.0000"), Weight: x("75/2", "37.5000"), Multiplier: x("15/4", "3.7500"), Base: 1000, EqualPart: eq,
		WeightPart: x("67500/29", "2327.5862"), Quota: x("107375/29", "3702.5862"), Bounded: x("107375/29", "3702.5862"),
		Floor: 3702, Remainder: x("17/29", "0.5862"), ExtraCent: 1, Amount: 3703,
	}, {
		OrganizationID: "b", Hours: x("10", "10.0000"), Weight: x("15", "15.0000"), Multiplier: x("3/2", "1.5000"), Base: 1000, EqualPart: eq,
		WeightPart: x("27000/29", "931.0345"), Quota: x("66875/29", "2306.0345"), Bounded: x("66875/29", "2306.0345"),
		Floor: 2306, Remainder: x("1/29", "0.0345"), Amount: 2306,
	}, {
		OrganizationID: "c", Hours: x("20", "20.0000"), Weight: x("20", "20.0000"), Multiplier: x("1", "1.0000"), Base: 1000, EqualPart: eq,
		WeightPart: x("36000/29", "1241.3793"), Quota: x("75875/29", "2616.3793"), Bounded: x("75875/29", "2616.3793"),
		Floor: 2616, Remainder: x("11/29", "0.3793"), Amount: 2616,
	}, {
		OrganizationID: "d", Hours: x("0", "0.0000"), Weight: x("0", "0.0000"), Multiplier: x("5/4", "1.2500"), Base: 1000, EqualPart: eq,
		WeightPart: x("0", "0.0000"), Quota: x("1375", "1375.0000"), Bounded: x("1375", "1375.0000"),
		Floor: 1375, Remainder: x("0", "0.0000"), Amount: 1375,
	}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
}

// TestEquityFormulaEdges checks the formula's corners by hand.
func TestEquityFormulaEdges(t *testing.T) {
	f := Formula{BipocLedWeight: 2, MostImpactedWeight: 1, SmallBudgetWeight: 1}
	members := []Member{{OrganizationID: "a", Hours: 3, BipocLed: true}, m("b", 4), m("c", 0)}
	tests := []struct {
		name    string
		pool    int64
		formula func(Formula) Formula
		want    map[string]int64
	}{{
		// No base, no equal part: plain hours × multiplier: w = 6, 4, 0; 1,000 × 6/10 = 600, × 4/10 = 400.
		name: "hours only", pool: 1000, formula: func(f Formula) Formula { return f },
		want: map[string]int64{"a": 600, "b": 400, "c": 0},
	}, {
		// 100 % split equally: 1,000/3 = 333⅓ each, hours do not matter; the cent to "a".
		name: "all equal", pool: 1000, formula: func(f Formula) Formula { f.EqualPercent = 100; return f },
		want: map[string]int64{"a": 334, "b": 333, "c": 333},
	}, {
		// Base 300 × 3 = 900, so R = 1,000 − 900 = 100; 12.5 % of R = 12.5 → 4 1/6 each; rest 87.5 by
		// w 6:4:0 → 52.5 and 35. Quotas a 300 + 4⅙ + 52½ = 356⅔, b 300 + 4⅙ + 35 = 339⅙,
		// c 304⅙. Floors 356 + 339 + 304 = 999; the cent to a (⅔ beats ⅙ and ⅙).
		name: "base and fractional percent", pool: 1000, formula: func(f Formula) Formula { f.Base, f.EqualPercent = 300, 12.5; return f },
		want: map[string]int64{"a": 357, "b": 339, "c": 304},
	}, {
		// The base takes the whole pool: R = 0, so nobody's hours are needed.
		name: "base takes all", pool: 900, formula: func(f Formula) Formula { f.Base = 300; return f },
		want: map[string]int64{"a": 300, "b": 300, "c": 300},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Round{Pool: tt.pool, Method: EquityFormula, Members: members, Formula: tt.formula(f)}
			if diff := cmp.Diff(tt.want, amountsByID(t, r)); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPeer checks peer allocation by hand. a gives b 50 and c 50 (and 20 to itself,
// ignored); b gives a 100; c gives a 25, b 25, d 50; d gives nothing but still receives.
// Received: a 125, b 75, c 50, d 50, of 300. Quotas of 10,000: a 4,166⅔, b 2,500,
// c 1,666⅔, d 1,666⅔. Floors 9,998; 2 cents left; a, c and d tie on the remainder ⅔:
// a first (larger quota), then c before d (equal quota, "c" sorts first).
func TestPeer(t *testing.T) {
	r := Round{Pool: 10_000, Method: Peer, Members: []Member{m("d", 0), m("c", 0), m("b", 0), m("a", 0)},
		Points: map[string]map[string]int64{
			"a": {"a": 20, "b": 50, "c": 50},
			"b": {"a": 100},
			"c": {"a": 25, "b": 25, "d": 50},
		}}
	got, err := Allocate(r)
	if err != nil {
		t.Fatalf("Allocate: %v", err)
	}
	if diff := cmp.Diff([]int64{1666, 1667, 2500, 4167}, got.Amounts()); diff != "" {
		t.Errorf("amounts of d, c, b, a (-want +got):\n%s", diff)
	}
	if w := got.Lines[3].Weight.Fraction; w != "125" {
		t.Errorf("a's weight = %s, want 125 points received", w)
	}
	if l := got.Lines[3]; l.Quota.Fraction != "12500/3" || l.Remainder.Fraction != "2/3" || l.ExtraCent != 1 {
		t.Errorf("a's line = %+v, want quota 12500/3, remainder 2/3 and the extra cent", l)
	}
}
