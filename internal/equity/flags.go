package equity

import "math/big"

// Flags follow the four-fifths rule: a centred group is under-represented when its
// ratio is below 4/5, an advantaged group over-represented when its ratio is above 5/4.
//
// The ratio (q/T) / (g/n) is decided exactly, as the rational number q·n / (T·g) built
// from the float64 sums with math/big, never by comparing a rounded float64 ratio: a
// ratio of exactly 0.8 such as (3/5)/(3/4) rounds to 0.7999999999999999 in float64 and
// must not be flagged.
//
// That settles every case where the quantities are whole numbers (seats, seconds,
// cents) and no addition rounded, which Compute checks addition by addition; a total
// below 2⁵³ always qualifies. A fractional quantity is almost always the rounded
// float64 of a decimal: 1.2 and 1.8 hours are stored as 1.19999… and 1.80000…, so the
// group holding 1.2 of 3 hours among 2 members has a float64 ratio just below 0.8. For
// such data the bounds are widened by one part in a billion, far above the relative
// error of the inputs and sums (about n·2⁻⁵³, 10⁻¹¹ for 100,000 members): a ratio is
// flagged only below 0.8·(1 − 10⁻⁹) or above 1.25·(1 + 10⁻⁹), so a ratio that is 0.8
// in decimal arithmetic is never flagged because of rounding.
var (
	underBound      = big.NewRat(4, 5)
	overBound       = big.NewRat(5, 4)
	underBoundLoose = big.NewRat(4*999_999_999, 5*1_000_000_000)
	overBoundLoose  = big.NewRat(5*1_000_000_001, 4*1_000_000_000)
)

// judge returns the correctly rounded ratio of a group with quantity q and members g,
// out of total > 0 and n members, and the flag reason, "" when it raises no flag.
// exact says whether q and total are the exact sums of the quantities.
func judge(s side, q, total float64, g, n int, exact bool) (float64, string) {
	r := new(big.Rat).SetFloat64(q)
	r.Mul(r, new(big.Rat).SetInt64(int64(n)))
	den := new(big.Rat).SetFloat64(total)
	den.Mul(den, new(big.Rat).SetInt64(int64(g)))
	r.Quo(r, den)
	ratio, _ := r.Float64()

	under, over := underBound, overBound
	if !exact {
		under, over = underBoundLoose, overBoundLoose
	}
	switch {
	case s == centred && r.Cmp(under) < 0:
		return ratio, ReasonUnderRepresented
	case s == advantaged && r.Cmp(over) > 0:
		return ratio, ReasonOverRepresented
	}
	return ratio, ""
}
