package speaking

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 4, 18, 0, 0, 0, time.UTC)

// at is t0 plus minutes.
func at(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

func ids(hs []Hand) string {
	var b []string
	for _, h := range hs {
		b = append(b, h.ID)
	}
	return strings.Join(b, " ")
}

// TestOrder works each case by hand; the comment gives the reasoning.
func TestOrder(t *testing.T) {
	cases := []struct {
		name, rule string
		hands      []Hand
		want       string
	}{
		{"empty", Progressive, nil, ""},
		// First come: raised at 3, 1, 2 minutes → b (1), c (2), a (3).
		{"first come by time", FirstCome, []Hand{{ID: "a", RaisedAt: at(3)}, {ID: "b", RaisedAt: at(1)}, {ID: "c", RaisedAt: at(2)}}, "b c a"},
		// First come ignores who spoke and who is centred.
		{"first come ignores stack", FirstCome, []Hand{{ID: "a", RaisedAt: at(1), HasSpoken: true}, {ID: "b", RaisedAt: at(2), Centred: true}}, "a b"},
		// Same minute: by id, so the order is total.
		{"tie by id", FirstCome, []Hand{{ID: "z", RaisedAt: at(1)}, {ID: "y", RaisedAt: at(1)}}, "y z"},
		// Progressive: a spoke already, so b and c (not yet spoken) first; of those c is
		// centred; then a last although it raised first.
		{"progressive", Progressive, []Hand{
			{ID: "a", RaisedAt: at(1), HasSpoken: true, Centred: true},
			{ID: "b", RaisedAt: at(2)},
			{ID: "c", RaisedAt: at(3), Centred: true},
		}, "c b a"},
		// Not yet spoken beats centred: d (spoke, centred) after e (not spoken, not centred).
		{"not spoken beats centred", Progressive, []Hand{{ID: "d", RaisedAt: at(1), HasSpoken: true, Centred: true}, {ID: "e", RaisedAt: at(5)}}, "e d"},
		// Among those who spoke, centred first, then time: g (spoke, centred, 4) before f (spoke, 1).
		{"spoken then centred", Progressive, []Hand{{ID: "f", RaisedAt: at(1), HasSpoken: true}, {ID: "g", RaisedAt: at(4), HasSpoken: true, Centred: true}}, "g f"},
		// The default rule for an unknown value is progressive.
		{"unknown rule is progressive", "", []Hand{{ID: "a", RaisedAt: at(1), HasSpoken: true}, {ID: "b", RaisedAt: at(2)}}, "b a"},
		// A pin overrides: computed order is b c a (as in "progressive"); a pinned at 1
		// takes the first place, b and c fill places 2 and 3 in computed order.
		{"pin first", Progressive, []Hand{
			{ID: "a", RaisedAt: at(1), HasSpoken: true, Pin: 1},
			{ID: "b", RaisedAt: at(2)},
			{ID: "c", RaisedAt: at(3)},
		}, "a b c"},
		// Pinned at 2: computed b c d; a takes place 2 → b a c d.
		{"pin middle", Progressive, []Hand{
			{ID: "a", RaisedAt: at(1), HasSpoken: true, Pin: 2},
			{ID: "b", RaisedAt: at(2)}, {ID: "c", RaisedAt: at(3)}, {ID: "d", RaisedAt: at(4)},
		}, "b a c d"},
		// Two pins on place 1: the later move (b at minute 9) wins it, a goes to 2.
		{"pin collision latest wins", FirstCome, []Hand{
			{ID: "a", RaisedAt: at(1), Pin: 1, PinnedAt: at(5)},
			{ID: "b", RaisedAt: at(2), Pin: 1, PinnedAt: at(9)},
			{ID: "c", RaisedAt: at(0)},
		}, "b a c"},
		// A pin beyond the end means last: 2 hands, a pinned at 7.
		{"pin beyond end", FirstCome, []Hand{{ID: "a", RaisedAt: at(1), Pin: 7}, {ID: "b", RaisedAt: at(2)}}, "b a"},
		// Two pins beyond the end: a (pinned at 5 first) then b (pinned at 5 later →
		// takes 2 = the last slot first), so b at place 2... worked: sorted pins b (later) then a;
		// b → min(5,3)=3rd place; a → 3rd taken, none after, so the last free = 2nd.
		{"pins beyond end collide", FirstCome, []Hand{
			{ID: "a", RaisedAt: at(1), Pin: 5, PinnedAt: at(5)},
			{ID: "b", RaisedAt: at(2), Pin: 5, PinnedAt: at(6)},
			{ID: "c", RaisedAt: at(3)},
		}, "c a b"},
		// A newcomer who has not spoken goes ahead of the unpinned but never displaces a
		// pinned hand: x pinned at 1 stays first; n (new, not spoken) before s (spoke).
		{"newcomer around a pin", Progressive, []Hand{
			{ID: "x", RaisedAt: at(1), HasSpoken: true, Pin: 1},
			{ID: "s", RaisedAt: at(2), HasSpoken: true},
			{ID: "n", RaisedAt: at(8)},
		}, "x n s"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.hands)
			if got := ids(Order(tc.hands, tc.rule)); got != tc.want {
				t.Errorf("Order = %q, want %q", got, tc.want)
			}
			if !slices.Equal(in, tc.hands) {
				t.Error("Order changed its input")
			}
		})
	}
}

func TestMoveAndRemove(t *testing.T) {
	// Progressive, computed order: b c d (not spoken, by time), a (spoke).
	hands := []Hand{
		{ID: "a", RaisedAt: at(1), HasSpoken: true},
		{ID: "b", RaisedAt: at(2)}, {ID: "c", RaisedAt: at(3)}, {ID: "d", RaisedAt: at(4)},
	}
	order := Order(hands, Progressive)
	if ids(order) != "b c d a" {
		t.Fatalf("start %q", ids(order))
	}
	// Move a to place 1: a b c d, a pinned at 1.
	moved, ok := Move(order, "a", 1, at(10))
	if !ok || ids(moved) != "a b c d" || moved[0].Pin != 1 {
		t.Fatalf("move a to 1: %q %+v", ids(moved), moved[0])
	}
	// Move d to place 2: a d b c; a stays pinned at 1, d pinned at 2.
	moved, _ = Move(moved, "d", 2, at(11))
	if ids(moved) != "a d b c" || moved[0].Pin != 1 || moved[1].Pin != 2 {
		t.Fatalf("move d to 2: %q", ids(moved))
	}
	if got := ids(Order(moved, Progressive)); got != "a d b c" {
		t.Fatalf("Order after moves = %q", got)
	}
	// Call a (the first): d moves up to 1 with everyone else → d b c.
	left := Remove(moved, "a")
	if ids(left) != "d b c" || left[0].Pin != 1 {
		t.Fatalf("after calling a: %q pin %d", ids(left), left[0].Pin)
	}
	// Moving past the end clamps to last; moving to 0 clamps to first.
	last, _ := Move(left, "d", 99, at(12))
	if ids(last) != "b c d" || last[2].Pin != 3 {
		t.Fatalf("move to 99: %q", ids(last))
	}
	first, _ := Move(last, "c", 0, at(13))
	if ids(first) != "c b d" {
		t.Fatalf("move to 0: %q", ids(first))
	}
	if _, ok := Move(first, "nobody", 1, at(14)); ok {
		t.Error("moving an unknown hand reported ok")
	}
}

// TestMoveIsStable checks, on random queues, that Order reproduces every Move and Remove:
// a facilitator's change is exactly what the next screen shows.
func TestMoveIsStable(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for round := 0; round < 500; round++ {
		rule := []string{Progressive, FirstCome}[rng.Intn(2)]
		var hands []Hand
		for i := 0; i < 1+rng.Intn(8); i++ {
			hands = append(hands, Hand{ID: string(rune('a' + i)), RaisedAt: at(rng.Intn(5)), HasSpoken: rng.Intn(2) == 0, Centred: rng.Intn(2) == 0})
		}
		order := Order(hands, rule)
		for step := 0; step < 6 && len(order) > 0; step++ {
			id := order[rng.Intn(len(order))].ID
			if rng.Intn(3) == 0 {
				order = Remove(order, id)
			} else {
				order, _ = Move(order, id, rng.Intn(len(order)+2), at(10+step))
			}
			if got, want := ids(Order(order, rule)), ids(order); got != want {
				t.Fatalf("round %d step %d: Order gives %q, the change gave %q", round, step, got, want)
			}
		}
	}
}
