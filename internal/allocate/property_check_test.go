package allocate

import (
	"math/big"
	"testing"
)

// checkWaterFilling checks that the bounded amounts are clamp(λ·quota, min, max) for
// the reported λ, or, when λ is empty, that every positive quota is at the maximum and
// the members with quota 0 share the rest equally.
func checkWaterFilling(t testing.TB, round Round, res Result) {
	t.Helper()
	lo := new(big.Rat).SetInt64(round.Min)
	hi := new(big.Rat).SetInt64(round.Max)
	if res.Scale.Fraction == "" {
		checkLeftover(t, round, res)
		return
	}
	lambda := rat(t, res.Scale)
	for _, l := range res.Lines {
		scaled := new(big.Rat).Mul(lambda, rat(t, l.Quota))
		b := rat(t, l.Bounded)
		var ok bool
		switch l.Bound {
		case BoundMin:
			ok = scaled.Cmp(lo) < 0 && b.Cmp(lo) == 0
		case BoundMax:
			ok = round.Max > 0 && scaled.Cmp(hi) > 0 && b.Cmp(hi) == 0
		case BoundNone:
			ok = b.Cmp(scaled) == 0 && b.Cmp(lo) >= 0 && (round.Max == 0 || b.Cmp(hi) <= 0)
		}
		if !ok {
			t.Fatalf("%s: bound %q, λ·quota %s, bounded %s, min %d, max %d", l.OrganizationID, l.Bound, scaled.RatString(), b.RatString(), round.Min, round.Max)
		}
	}
	if round.Min == 0 && round.Max == 0 && res.Scale.Fraction != "1" {
		t.Fatalf("scale %s without bounds, want 1", res.Scale.Fraction)
	}
}

// checkLeftover checks the case where no scale can reach the pool under the maximum.
func checkLeftover(t testing.TB, round Round, res Result) {
	t.Helper()
	var share *big.Rat
	for _, l := range res.Lines {
		q, b := rat(t, l.Quota), rat(t, l.Bounded)
		switch {
		case q.Sign() > 0 && l.Bound == BoundMax && b.Cmp(new(big.Rat).SetInt64(round.Max)) == 0:
		case q.Sign() == 0 && l.Bound == BoundLeftover && (share == nil || share.Cmp(b) == 0):
			share = b
		default:
			t.Fatalf("%s: quota %s, bound %q, bounded %s with max %d", l.OrganizationID, q.RatString(), l.Bound, b.RatString(), round.Max)
		}
	}
}

// checkRemainders checks Hamilton's rounding: each floor is ⌊bounded⌋, the remainder
// is what is left, and nobody without an extra cent has a larger remainder than
// somebody with one.
func checkRemainders(t testing.TB, res Result) {
	t.Helper()
	var smallestWith, largestWithout *big.Rat
	for _, l := range res.Lines {
		b, rem := rat(t, l.Bounded), rat(t, l.Remainder)
		floor := new(big.Rat).SetInt64(l.Floor)
		if rem.Sign() < 0 || rem.Cmp(big.NewRat(1, 1)) >= 0 || new(big.Rat).Add(floor, rem).Cmp(b) != 0 {
			t.Fatalf("%s: floor %d + remainder %s != bounded %s", l.OrganizationID, l.Floor, rem.RatString(), b.RatString())
		}
		if l.ExtraCent == 1 {
			if rem.Sign() == 0 {
				t.Fatalf("%s got an extra cent on a whole amount", l.OrganizationID)
			}
			if smallestWith == nil || rem.Cmp(smallestWith) < 0 {
				smallestWith = rem
			}
		} else if largestWithout == nil || rem.Cmp(largestWithout) > 0 {
			largestWithout = rem
		}
	}
	if smallestWith != nil && largestWithout != nil && largestWithout.Cmp(smallestWith) > 0 {
		t.Fatalf("a remainder of %s went without a cent while %s got one", largestWithout.RatString(), smallestWith.RatString())
	}
}
