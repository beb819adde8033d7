package health

import (
	"testing"
)

func resp(bipoc, impacted string, ratings map[string]int) Response {
	return Response{Ratings: ratings, BipocLed: bipoc, MostImpacted: impacted}
}

func factor(t *testing.T, r Result, key string) FactorScore {
	t.Helper()
	for _, f := range r.Factors {
		if f.Factor == key {
			return f
		}
	}
	t.Fatalf("no factor %s", key)
	return FactorScore{}
}

func wantMean(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil || *got != want {
		t.Errorf("%s = %v, want %.2f", what, deref(got), want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestComputeByHand checks factor scores against means worked out by hand.
func TestComputeByHand(t *testing.T) {
	rs := []Response{
		resp("yes", "yes", map[string]int{"goal.explain": 5, "goal.agree": 4, "goal.reach": 2, "roles.mine": 5, "roles.others": 4, "trust.honest": 1, "trust.follow": 3, "trust.respect": 3}),
		resp("no", "no", map[string]int{"goal.explain": 4, "goal.agree": 4, "goal.reach": 3, "roles.mine": 5, "roles.others": 4, "trust.honest": 2, "trust.follow": 3, "trust.respect": 3}),
		resp("not_said", "no", map[string]int{"goal.explain": 3, "goal.agree": 4, "roles.mine": 4, "roles.others": 4, "trust.honest": 3, "trust.follow": 2, "trust.respect": 3}),
	}
	r := Compute(rs)
	if r.Respondents != 3 {
		t.Fatalf("respondents = %d", r.Respondents)
	}
	// goal: explain (5+4+3)/3 = 4, agree (4+4+4)/3 = 4, reach (2+3)/2 = 2.5 (one "not
	// sure"); factor (4 + 4 + 2.5)/3 = 3.5 → worth discussing; 8 ratings.
	g := factor(t, r, "goal")
	wantMean(t, "goal", g.Mean, 3.5)
	if g.Band != BandDiscuss || g.Ratings != 8 {
		t.Errorf("goal band %q ratings %d, want discuss 8", g.Band, g.Ratings)
	}
	wantMean(t, "goal.reach", g.Statements[2].Mean, 2.5)
	// roles: mine (5+5+4)/3 = 4.667 → 4.67, others 4; factor (14/3 + 4)/2 = 13/3 = 4.333
	// → 4.33, a strength (the factor mean uses the exact statement means, not 4.67).
	ro := factor(t, r, "roles")
	wantMean(t, "roles.mine", ro.Statements[0].Mean, 4.67)
	wantMean(t, "roles", ro.Mean, 4.33)
	if ro.Band != BandStrength {
		t.Errorf("roles band = %q", ro.Band)
	}
	// trust: honest (1+2+3)/3 = 2, follow (3+3+2)/3 = 8/3, respect 3; factor
	// (2 + 8/3 + 3)/3 = 23/9 = 2.556 → 2.56, a concern.
	tr := factor(t, r, "trust")
	wantMean(t, "trust", tr.Mean, 2.56)
	if tr.Band != BandConcern {
		t.Errorf("trust band = %q", tr.Band)
	}
	// Nobody rated "momentum": no mean, no band.
	if m := factor(t, r, "momentum"); m.Mean != nil || m.Band != "" || m.Ratings != 0 {
		t.Errorf("momentum = %+v, want no score", m)
	}
}

// TestBandBoundaries: bands are read from the mean rounded half up to hundredths, so
// 3.995 is 4.00 (a strength) and 2.995 is 3.00 (worth discussing).
func TestBandBoundaries(t *testing.T) {
	many := func(n, value, last int) []Response {
		var rs []Response
		for i := 0; i < n-1; i++ {
			rs = append(rs, resp("yes", "yes", map[string]int{"space.forward": value}))
		}
		return append(rs, resp("yes", "yes", map[string]int{"space.forward": last}))
	}
	for _, c := range []struct {
		name string
		rs   []Response
		mean float64
		band string
	}{
		{"199 fours and a 3: 799/200 = 3.995", many(200, 4, 3), 4.00, BandStrength},
		{"199 threes and a 2: 599/200 = 2.995", many(200, 3, 2), 3.00, BandDiscuss},
		{"3 fours and a 3: 15/4 = 3.75", many(4, 4, 3), 3.75, BandDiscuss},
		{"all fours", many(3, 4, 4), 4.00, BandStrength},
		{"two threes and a 2: 8/3 = 2.667", many(3, 3, 2), 2.67, BandConcern},
	} {
		f := factor(t, Compute(c.rs), "space")
		wantMean(t, c.name, f.Mean, c.mean)
		if f.Band != c.band {
			t.Errorf("%s: band %q, want %q", c.name, f.Band, c.band)
		}
	}
}

// TestBreakdownsThreeRespondentRule: a breakdown is shown only when both groups have at
// least three respondents; "not_said" respondents are in neither group.
func TestBreakdownsThreeRespondentRule(t *testing.T) {
	r := func(b, m string, honest, explain, impacted int) Response {
		return resp(b, m, map[string]int{"trust.honest": honest, "goal.explain": explain, "power.impacted": impacted})
	}
	rs := []Response{
		// BIPOC-led: trust 5,5,4 → 4.67; goal 4,4,4 → 4.00; power 4,4,4 → 4.00.
		r("yes", "yes", 5, 4, 4), r("yes", "yes", 5, 4, 4), r("yes", "no", 4, 4, 4),
		// Not BIPOC-led: trust 4,4,4,4 → 4.00; goal 4,4,3,4 → 3.75; power 3,4,3,4 → 3.50.
		r("no", "no", 4, 4, 3), r("no", "no", 4, 4, 4), r("no", "no", 4, 3, 3), r("no", "yes", 4, 4, 4),
		// Did not say: counted in the whole, in neither BIPOC-led group.
		r("not_said", "not_said", 1, 1, 1),
	}
	bs := Breakdowns(rs)
	b := bs[0]
	if b.Attribute != AttrBipocLed || b.Yes != 3 || b.No != 4 || !b.Shown {
		t.Fatalf("bipoc_led breakdown = %+v", b)
	}
	gaps := map[string]GroupGap{}
	for _, g := range b.Factors {
		gaps[g.Factor] = g
	}
	// trust: |4.67 − 4.00| = 0.67 ≥ 0.50 → highlighted.
	if g := gaps["trust"]; *g.Yes != 4.67 || *g.No != 4 || *g.Gap != 0.67 || !g.Highlight {
		t.Errorf("trust gap = %v %v %v %v", *g.Yes, *g.No, *g.Gap, g.Highlight)
	}
	// goal: |4.00 − 3.75| = 0.25 → not highlighted.
	if g := gaps["goal"]; *g.Gap != 0.25 || g.Highlight {
		t.Errorf("goal gap = %v %v", *g.Gap, g.Highlight)
	}
	// power: |4.00 − 3.50| = 0.50 exactly → highlighted.
	if g := gaps["power"]; *g.Gap != 0.5 || !g.Highlight {
		t.Errorf("power gap = %v %v", *g.Gap, g.Highlight)
	}
	// A factor nobody rated has no gap.
	if g := gaps["momentum"]; g.Gap != nil || g.Highlight {
		t.Errorf("momentum gap = %+v", g)
	}
	// Most impacted: yes = 3 (two BIPOC-led and one not), no = 4: shown.
	if m := bs[1]; m.Attribute != AttrMostImpacted || m.Yes != 3 || m.No != 4 || !m.Shown {
		t.Errorf("most_impacted breakdown = %+v", m)
	}
	// Drop one BIPOC-led respondent: 2 < 3, so no scores at all for that attribute.
	bs = Breakdowns(rs[1:])
	if b := bs[0]; b.Shown || len(b.Factors) != 0 || b.Yes != 2 {
		t.Errorf("with 2 BIPOC-led respondents: %+v, want hidden", b)
	}
}

func TestCheckRatings(t *testing.T) {
	for _, c := range []struct {
		name    string
		ratings map[string]int
		want    []Problem
	}{
		{"valid", map[string]int{"goal.explain": 1, "trust.honest": 5}, nil},
		{"zero", map[string]int{"goal.explain": 0}, []Problem{{"goal.explain", "range"}}},
		{"six", map[string]int{"goal.explain": 6}, []Problem{{"goal.explain", "range"}}},
		{"negative", map[string]int{"trust.honest": -3}, []Problem{{"trust.honest", "range"}}},
		{"unknown", map[string]int{"goal.nope": 3}, []Problem{{"goal.nope", "unknown"}}},
		{"empty", map[string]int{}, []Problem{{"", "empty"}}},
	} {
		got := CheckRatings(c.ratings)
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestComputeOrderFree: the result does not depend on the order of the responses.
func TestComputeOrderFree(t *testing.T) {
	rs := []Response{
		resp("yes", "yes", map[string]int{"goal.explain": 1, "goal.agree": 2}),
		resp("no", "no", map[string]int{"goal.explain": 5, "goal.agree": 3}),
		resp("no", "yes", map[string]int{"goal.explain": 2}),
	}
	a := Compute(rs)
	b := Compute([]Response{rs[2], rs[0], rs[1]})
	if *factor(t, a, "goal").Mean != *factor(t, b, "goal").Mean {
		t.Error("order changed the result")
	}
}

func TestInstrumentShape(t *testing.T) {
	if len(Instrument) != 10 {
		t.Errorf("%d factors, want the seed's 10", len(Instrument))
	}
	for _, f := range Instrument {
		if n := len(f.Statements); n < 2 || n > 3 {
			t.Errorf("factor %s has %d statements, want 2 or 3", f.Key, n)
		}
		for _, s := range f.Statements {
			if factorOf[s.Key] != f.Key {
				t.Errorf("statement %s is not keyed under %s", s.Key, f.Key)
			}
		}
	}
}
