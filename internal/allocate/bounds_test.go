package allocate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBounds checks minimum and maximum by water-filling against hand-worked rounds.
func TestBounds(t *testing.T) {
	tests := []struct {
		name   string
		round  Round
		want   map[string]int64
		bounds map[string]string // Members at a bound; the others are BoundNone.
		scale  string
	}{{
		// Quotas 7,000, 2,000, 1,000. Max 5,000: a gives up 2,000, which b and c share
		// 2:1: λ = (10,000 − 5,000)/3,000 = 5/3, b 3,333⅓, c 1,666⅔; floors 9,999; the
		// cent to c (⅔).
		name:  "max",
		round: Round{Pool: 10_000, Method: Proportional, Max: 5000, Members: []Member{m("a", 70), m("b", 20), m("c", 10)}},
		want:  map[string]int64{"a": 5000, "b": 3333, "c": 1667}, bounds: map[string]string{"a": BoundMax}, scale: "5/3",
	}, {
		// Max 3,500 cascades: with a at 3,500, λ = 6,500/3,000 gives b 4,333⅓ > 3,500, so
		// b is clamped too and c takes the rest: λ = 3,000/1,000 = 3, c = 3,000.
		name:  "max cascades",
		round: Round{Pool: 10_000, Method: Proportional, Max: 3500, Members: []Member{m("a", 70), m("b", 20), m("c", 10)}},
		want:  map[string]int64{"a": 3500, "b": 3500, "c": 3000}, bounds: map[string]string{"a": BoundMax, "b": BoundMax}, scale: "3",
	}, {
		// Quotas 7,000, 2,500, 500. Min 1,000 raises c; a and b pay the 500 in proportion:
		// λ = 9,000/9,500 = 18/19: a 126,000/19 = 6,631 11/19, b 45,000/19 = 2,368 8/19;
		// floors 6,631 + 2,368 + 1,000 = 9,999; the cent to a (11/19).
		name:  "min",
		round: Round{Pool: 10_000, Method: Proportional, Min: 1000, Members: []Member{m("a", 70), m("b", 25), m("c", 5)}},
		want:  map[string]int64{"a": 6632, "b": 2368, "c": 1000}, bounds: map[string]string{"c": BoundMin}, scale: "18/19",
	}, {
		// Quotas 8,000, 1,500, 500, 0 with min 1,000 and max 4,000: a at 4,000, d at 1,000,
		// b and c share 5,000 in proportion 1,500 : 500: λ = 5,000/2,000 = 5/2, b 3,750,
		// c 1,250, both within the bounds.
		name:  "min and max",
		round: Round{Pool: 10_000, Method: Proportional, Min: 1000, Max: 4000, Members: []Member{m("a", 80), m("b", 15), m("c", 5), m("d", 0)}},
		want:  map[string]int64{"a": 4000, "b": 3750, "c": 1250, "d": 1000}, bounds: map[string]string{"a": BoundMax, "d": BoundMin}, scale: "5/2",
	}, {
		// Quotas 5,000, 5,000, 0, 0 with max 3,000: no λ reaches 10,001 (at most 6,000), so
		// c and d share the 4,001 left equally: 2,000½ each; the cent to c by ID.
		name:   "leftover to members with nothing",
		round:  Round{Pool: 10_001, Method: Proportional, Max: 3000, Members: []Member{m("d", 0), m("c", 0), m("b", 10), m("a", 10)}},
		want:   map[string]int64{"a": 3000, "b": 3000, "c": 2001, "d": 2000},
		bounds: map[string]string{"a": BoundMax, "b": BoundMax, "c": BoundLeftover, "d": BoundLeftover}, scale: "",
	}, {
		// Bounds that every quota meets change nothing: 150, 250, 600 within [100, 600].
		name:  "within bounds",
		round: Round{Pool: 1000, Method: Proportional, Min: 100, Max: 600, Members: []Member{m("a", 1.5), m("b", 2.5), m("c", 6)}},
		want:  map[string]int64{"a": 150, "b": 250, "c": 600}, scale: "1",
	}, {
		// A minimum of ⌊1,000/3⌋ = 333 is feasible and below every quota of 333⅓, so it
		// changes nothing; the cent goes to "a" by ID.
		name:  "min at pool/n",
		round: Round{Pool: 1000, Method: Equal, Min: 333, Members: []Member{m("a", 0), m("b", 0), m("c", 0)}},
		want:  map[string]int64{"a": 334, "b": 333, "c": 333}, scale: "1",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Allocate(tt.round)
			if err != nil {
				t.Fatalf("Allocate: %v", err)
			}
			got, bounds := map[string]int64{}, map[string]string{}
			for _, l := range res.Lines {
				got[l.OrganizationID] = l.Amount
				if l.Bound != BoundNone {
					bounds[l.OrganizationID] = l.Bound
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.bounds, bounds, cmpEmpty); diff != "" {
				t.Errorf("bounds (-want +got):\n%s", diff)
			}
			if res.Scale.Fraction != tt.scale {
				t.Errorf("scale = %q, want %q", res.Scale.Fraction, tt.scale)
			}
		})
	}
}

// cmpEmpty treats a nil map and an empty one as equal.
var cmpEmpty = cmp.FilterValues(func(a, b map[string]string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())

// TestInfeasibleBounds checks that bounds no allocation can meet are refused: three
// members at a minimum of 334 need 1,002 > 1,000 cents; at a maximum of 333 they hold
// only 999 < 1,000.
func TestInfeasibleBounds(t *testing.T) {
	three := []Member{m("a", 1), m("b", 1), m("c", 1)}
	tests := []struct {
		name     string
		min, max int64
		field    string
	}{
		{"min too high", 334, 0, "min"},
		{"max too low", 0, 333, "max"},
		{"min above max", 400, 350, "min"},
		{"negative min", -1, 0, "min"},
		{"negative max", 0, -5, "max"},
	}
	for _, tt := range tests {
		_, err := Allocate(Round{Pool: 1000, Method: Proportional, Members: three, Min: tt.min, Max: tt.max})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != tt.field {
			t.Errorf("%s: error = %v, want an *InputError on %q", tt.name, err, tt.field)
		}
	}
	// The edges themselves are feasible: 3 × 333 <= 1,000 <= 3 × 334.
	if _, err := Allocate(Round{Pool: 1000, Method: Proportional, Members: three, Min: 333, Max: 334}); err != nil {
		t.Errorf("min 333, max 334: %v", err)
	}
}
