// Package speaking orders a meeting's speaking queue. It is pure: no I/O, no clock.
//
// The computed order depends on the coalition's rule:
//
//   - progressive (the default): people who have not yet spoken in this meeting first;
//     among those alike, people speaking for a member organization that is BIPOC-led or
//     flagged most impacted ("centred"); then by when the hand went up (earliest first),
//     and finally by id so that the order is total;
//   - first_come: by when the hand went up, then by id.
//
// A facilitator can move anyone to any position. A move pins that hand at that position
// (1 = next to speak); every other pinned hand is re-pinned where it stood, so a move
// changes nothing else. Hands that are not pinned fill the free positions in computed
// order. When a hand leaves the queue (called, lowered, removed), pinned hands behind it
// move up one place with everyone else, so a person moved to third place is called after
// two more speakers, not "third forever". A hand raised later is placed by the rule among
// the free positions and never displaces a pinned hand. Pins on the same position are
// broken by the latest move first; a pin beyond the end of the queue means last.
package speaking

import (
	"slices"
	"strings"
	"time"
)

// Rules.
const (
	Progressive = "progressive"
	FirstCome   = "first_come"
)

// Hand is what ordering needs to know about a raised hand.
type Hand struct {
	ID        string
	RaisedAt  time.Time
	HasSpoken bool // spoke earlier in this meeting
	Centred   bool // speaks for a BIPOC-led or most-impacted member organization
	Pin       int  // pinned position from 1; 0 when not pinned
	PinnedAt  time.Time
}

// before reports whether a comes before b under rule, pins aside.
func before(a, b Hand, rule string) bool {
	if rule != FirstCome {
		if a.HasSpoken != b.HasSpoken {
			return !a.HasSpoken
		}
		if a.Centred != b.Centred {
			return a.Centred
		}
	}
	if !a.RaisedAt.Equal(b.RaisedAt) {
		return a.RaisedAt.Before(b.RaisedAt)
	}
	return a.ID < b.ID
}

// Order returns the hands in speaking order. The input is not changed.
func Order(hands []Hand, rule string) []Hand {
	n := len(hands)
	var pinned, free []Hand
	for _, h := range hands {
		if h.Pin > 0 {
			pinned = append(pinned, h)
		} else {
			free = append(free, h)
		}
	}
	slices.SortFunc(free, func(a, b Hand) int { return cmp(before(a, b, rule), before(b, a, rule)) })
	// The lowest position first; on the same position the latest move wins it.
	slices.SortFunc(pinned, func(a, b Hand) int {
		switch {
		case a.Pin != b.Pin:
			return a.Pin - b.Pin
		case !a.PinnedAt.Equal(b.PinnedAt):
			return b.PinnedAt.Compare(a.PinnedAt)
		}
		return strings.Compare(a.ID, b.ID)
	})
	slots := make([]*Hand, n)
	for i := range pinned {
		at := min(pinned[i].Pin, n) - 1
		for at < n && slots[at] != nil {
			at++
		}
		if at == n { // every slot from the pin on is taken: the last free one
			for at = n - 1; slots[at] != nil; at-- {
			}
		}
		slots[at] = &pinned[i]
	}
	out := make([]Hand, 0, n)
	next := 0
	for _, s := range slots {
		if s != nil {
			out = append(out, *s)
		} else {
			out = append(out, free[next])
			next++
		}
	}
	return out
}

func cmp(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}

// Move returns the queue with the hand id moved to position (from 1; clamped to the
// queue), pinned there at time at; the other pinned hands are re-pinned where they now
// stand. order must be the current speaking order (from Order). Order of the result
// returns the result unchanged. ok is false when id is not in the queue.
func Move(order []Hand, id string, position int, at time.Time) (out []Hand, ok bool) {
	i := slices.IndexFunc(order, func(h Hand) bool { return h.ID == id })
	if i < 0 {
		return order, false
	}
	h := order[i]
	out = slices.Delete(slices.Clone(order), i, i+1)
	position = max(1, min(position, len(order)))
	h.Pin, h.PinnedAt = position, at
	out = slices.Insert(out, position-1, h)
	return repin(out), true
}

// Remove returns the queue without the hand id; pinned hands behind it move up one
// place. order must be the current speaking order.
func Remove(order []Hand, id string) []Hand {
	out := slices.DeleteFunc(slices.Clone(order), func(h Hand) bool { return h.ID == id })
	return repin(out)
}

// repin sets each pinned hand's pin to the position it holds in order.
func repin(order []Hand) []Hand {
	for i := range order {
		if order[i].Pin > 0 {
			order[i].Pin = i + 1
		}
	}
	return order
}
