package allocate

import (
	"errors"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// w builds weights from alternating IDs and integer values.
func w(pairs ...any) []Weight {
	var out []Weight
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Weight{pairs[i].(string), big.NewRat(int64(pairs[i+1].(int)), 1)})
	}
	return out
}

// TestLargestRemainder checks Hamilton's method and each step of the tie-break rule
// against amounts worked out by hand.
func TestLargestRemainder(t *testing.T) {
	tests := []struct {
		name    string
		pool    int64
		weights []Weight
		want    []int64
	}{{
		// 100 / 3 = 33⅓ each; floors 33 × 3 = 99; 1 cent left; remainders and quotas
		// tie, so the ID that sorts first, "a", gets it, wherever it is listed.
		name: "thirds, tie on ID", pool: 100, weights: w("c", 1, "a", 1, "b", 1), want: []int64{33, 34, 33},
	}, {
		// Total 6: quotas 10/6 = 1⅔, 20/6 = 3⅓, 3⅓, 1⅔; floors 1+3+3+1 = 8; 2 cents left
		// go to the two remainders of ⅔ (a and d), not to the ⅓ of b and c.
		name: "largest remainders first", pool: 10, weights: w("a", 1, "b", 2, "c", 2, "d", 1), want: []int64{2, 3, 3, 2},
	}, {
		// Total 8: quotas 4·3/8 = 1.5 and 4·5/8 = 2.5; floors 1+2 = 3; 1 cent left; the
		// remainders tie at ½, so the larger quota (b) gets it although "a" sorts first.
		name: "tie on remainder, larger weight first", pool: 4, weights: w("a", 3, "b", 5), want: []int64{1, 3},
	}, {
		// Total 6: quotas 5/6, 5/6, 10/6 = 1⅔, 1⅔; floors 0+0+1+1 = 2; 3 cents left: a and
		// b (⅚), then c and d tie at ⅔ with equal quotas, and "c" sorts first.
		name: "three cents, then ID", pool: 5, weights: w("d", 2, "c", 2, "b", 1, "a", 1), want: []int64{1, 2, 1, 1},
	}, {
		// A weight of 0 gets nothing; 7 / 1 = 7.
		name: "zero weight", pool: 7, weights: w("a", 0, "b", 1), want: []int64{0, 7},
	}, {
		name: "empty pool", pool: 0, weights: w("a", 1, "b", 3), want: []int64{0, 0},
	}, {
		// 10¹² cents over weights 1, 1, 1: 333,333,333,333⅓ each, 1 cent to "a".
		name: "large pool", pool: 1_000_000_000_000, weights: w("a", 1, "b", 1, "c", 1),
		want: []int64{333_333_333_334, 333_333_333_333, 333_333_333_333},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LargestRemainder(tt.pool, tt.weights)
			if err != nil {
				t.Fatalf("LargestRemainder: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLargestRemainderFractionalWeights checks that rational weights are exact:
// ⅓ and ⅔ of 100 are 33⅓ and 66⅔; the cent goes to the remainder ⅔.
func TestLargestRemainderFractionalWeights(t *testing.T) {
	got, err := LargestRemainder(100, []Weight{{"a", big.NewRat(1, 3)}, {"b", big.NewRat(2, 3)}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{33, 67}, got); diff != "" {
		t.Errorf("amounts (-want +got):\n%s", diff)
	}
}

func TestLargestRemainderErrors(t *testing.T) {
	tests := []struct {
		name    string
		pool    int64
		weights []Weight
		field   string
	}{
		{"negative pool", -1, w("a", 1), "pool"},
		{"no weights", 10, nil, "weights"},
		{"missing id", 10, w("", 1), "weights[0].organization_id"},
		{"duplicate id", 10, w("a", 1, "a", 2), "weights[1].organization_id"},
		{"nil weight", 10, []Weight{{"a", nil}}, "weights[0].value"},
		{"negative weight", 10, []Weight{{"a", big.NewRat(-1, 2)}}, "weights[0].value"},
		{"all zero", 10, w("a", 0, "b", 0), "weights"},
	}
	for _, tt := range tests {
		_, err := LargestRemainder(tt.pool, tt.weights)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != tt.field {
			t.Errorf("%s: error = %v, want an *InputError on %q", tt.name, err, tt.field)
		}
	}
}
