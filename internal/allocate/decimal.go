package allocate

import (
	"math/big"
	"strconv"
)

// decimal returns the exact value of the shortest decimal that converts back to f, so
// 1.1 hours count as 11/10 (what a person typed, and what a database decimal holds),
// never the binary 2476979795053773/2251799813685248 that float64 stores. Any decimal of
// up to 15 significant digits survives the round trip unchanged. f must be finite.
func decimal(f float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok {
		panic("allocate: decimal of a non-finite number") // validate rejects NaN and ±Inf.
	}
	return r
}

// exact shows r as a fraction in lowest terms and as a decimal rounded to 4 places.
func exact(r *big.Rat) Exact {
	return Exact{Fraction: r.RatString(), Decimal: r.FloatString(4)}
}

// exactZero and exactOne are the most common Exact values, shown once.
var (
	exactZero = Exact{Fraction: "0", Decimal: "0.0000"}
	exactOne  = Exact{Fraction: "1", Decimal: "1.0000"}
)

// shares are exact amounts in cents over one common denominator: member i's amount is
// num[i]/den, and the numerators sum to pool × den. Integer numerators make floors and
// remainders plain integer division, and the sum can be checked to the last digit.
type shares struct {
	num []*big.Int
	den *big.Int
}

// rat returns member i's amount as a new rational.
func (s shares) rat(i int) *big.Rat { return new(big.Rat).SetFrac(s.num[i], s.den) }

// sumsTo reports whether the numerators sum to exactly pool × den.
func (s shares) sumsTo(pool int64) bool {
	sum := new(big.Int)
	for _, n := range s.num {
		sum.Add(sum, n)
	}
	return sum.Cmp(new(big.Int).Mul(big.NewInt(pool), s.den)) == 0
}

// weighted returns the shares of pool in proportion to integer weights w, whose sum
// must be positive: member i gets pool × wᵢ / Σw.
func weighted(pool int64, w []*big.Int) shares {
	den := new(big.Int)
	for _, x := range w {
		den.Add(den, x)
	}
	p := big.NewInt(pool)
	num := make([]*big.Int, len(w))
	for i, x := range w {
		num[i] = new(big.Int).Mul(p, x)
	}
	return shares{num: num, den: den}
}

// integers scales rational weights by the least common multiple of their
// denominators, which keeps their ratios and makes them whole numbers.
func integers(ws []*big.Rat) []*big.Int {
	lcm := big.NewInt(1)
	g := new(big.Int)
	for _, w := range ws {
		d := w.Denom()
		g.GCD(nil, nil, lcm, d)
		lcm.Mul(lcm, new(big.Int).Quo(d, g))
	}
	out := make([]*big.Int, len(ws))
	for i, w := range ws {
		out[i] = new(big.Int).Mul(w.Num(), new(big.Int).Quo(lcm, w.Denom()))
	}
	return out
}
