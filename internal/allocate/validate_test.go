package allocate

import (
	"errors"
	"math"
	"testing"
)

// TestInputErrors checks that each kind of bad input is refused with an *InputError
// naming the field, so that the app can show it next to the right form field.
func TestInputErrors(t *testing.T) {
	two := []Member{m("a", 1), m("b", 2)}
	formula := Formula{BipocLedWeight: 1.5, MostImpactedWeight: 1.5, SmallBudgetWeight: 1.5}
	withFormula := func(edit func(*Formula)) Round {
		f := formula
		edit(&f)
		return Round{Pool: 1000, Method: EquityFormula, Members: two, Formula: f}
	}
	peer := func(points map[string]map[string]int64) Round {
		return Round{Pool: 1000, Method: Peer, Members: two, Points: points}
	}
	tests := []struct {
		name  string
		round Round
		field string
	}{
		{"negative pool", Round{Pool: -1, Method: Equal, Members: two}, "pool"},
		{"unknown method", Round{Pool: 1, Method: "lottery", Members: two}, "method"},
		{"no members", Round{Pool: 1, Method: Equal}, "members"},
		{"missing organization", Round{Pool: 1, Method: Equal, Members: []Member{m("a", 0), m("", 0)}}, "members[1].organization_id"},
		{"duplicate organization", Round{Pool: 1, Method: Equal, Members: []Member{m("a", 0), m("a", 0)}}, "members[1].organization_id"},
		{"NaN hours", Round{Pool: 1, Method: Equal, Members: []Member{m("a", math.NaN())}}, "members[0].hours"},
		{"infinite hours", Round{Pool: 1, Method: Proportional, Members: []Member{m("a", math.Inf(1))}}, "members[0].hours"},
		{"negative hours", Round{Pool: 1, Method: Proportional, Members: []Member{m("a", -0.5)}}, "members[0].hours"},
		{"proportional without hours", Round{Pool: 1, Method: Proportional, Members: []Member{m("a", 0), m("b", 0)}}, "members"},
		{"negative base", withFormula(func(f *Formula) { f.Base = -1 }), "formula.base"},
		{"base beyond the pool", withFormula(func(f *Formula) { f.Base = 501 }), "formula.base"},
		{"percent above 100", withFormula(func(f *Formula) { f.EqualPercent = 100.5 }), "formula.equal_percent"},
		{"negative percent", withFormula(func(f *Formula) { f.EqualPercent = -1 }), "formula.equal_percent"},
		{"NaN percent", withFormula(func(f *Formula) { f.EqualPercent = math.NaN() }), "formula.equal_percent"},
		{"zero weight", withFormula(func(f *Formula) { f.BipocLedWeight = 0 }), "formula.bipoc_led_weight"},
		{"negative weight", withFormula(func(f *Formula) { f.MostImpactedWeight = -2 }), "formula.most_impacted_weight"},
		{"infinite weight", withFormula(func(f *Formula) { f.SmallBudgetWeight = math.Inf(1) }), "formula.small_budget_weight"},
		{"formula without hours", Round{Pool: 10, Method: EquityFormula, Members: []Member{m("a", 0)}, Formula: formula}, "members"},
		{"giver not a member", peer(map[string]map[string]int64{"z": {"a": 100}}), "points[z]"},
		{"receiver not a member", peer(map[string]map[string]int64{"a": {"z": 100}}), "points[a]"},
		{"points short of 100", peer(map[string]map[string]int64{"a": {"b": 90}, "b": {"a": 100}}), "points[a]"},
		{"self points do not make 100", peer(map[string]map[string]int64{"a": {"a": 10, "b": 90}}), "points[a]"},
		{"points over 100", peer(map[string]map[string]int64{"b": {"a": 101}}), "points[b]"},
		{"negative points", peer(map[string]map[string]int64{"a": {"b": -1}}), "points[a]"},
		{"nobody gave", peer(map[string]map[string]int64{"a": {"a": 100}}), "points"},
		{"no points at all", peer(nil), "points"},
	}
	for _, tt := range tests {
		_, err := Allocate(tt.round)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != tt.field {
			t.Errorf("%s: error = %v, want an *InputError on %q", tt.name, err, tt.field)
		} else if ie.Message == "" || ie.Error() == "" {
			t.Errorf("%s: empty message", tt.name)
		}
	}
}

// TestPeerErrorNamesGiver checks that a giver whose points do not sum to 100 is named in
// the message, and that with several such givers the same one is named every time.
func TestPeerErrorNamesGiver(t *testing.T) {
	members := []Member{m("a", 0), m("b", 0), m("c", 0)}
	points := map[string]map[string]int64{"c": {"a": 30}, "b": {"a": 40, "c": 50}, "a": {"b": 100}}
	for range 20 {
		_, err := Allocate(Round{Pool: 100, Method: Peer, Members: members, Points: points})
		want := `allocate: points[b]: "b" gave 90 points to the other members; a member spreads exactly 100 points, or none`
		if err == nil || err.Error() != want {
			t.Fatalf("error = %v, want %s", err, want)
		}
	}
}
