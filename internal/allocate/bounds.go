package allocate

import (
	"errors"
	"math/big"
	"slices"
)

// bounded is the outcome of applying a round's minimum and maximum to the quotas.
type bounded struct {
	shares shares
	bound  []string // Which clamp applied to each member: BoundNone, BoundMin, BoundMax or BoundLeftover.
	scale  Exact
}

// applyBounds applies the minimum lo and maximum hi (0: none) to the quotas q by
// water-filling: member i receives clamp(λ·qᵢ, lo, hi) for the one scale λ at which
// the amounts sum to the pool. This is the fixed point of "clamp the members out of
// bounds and spread the excess (or shortfall) over the others in proportion to their
// quotas, until nobody is out of bounds", computed exactly rather than by repetition:
// f(λ) = Σ clamp(λ·qᵢ, lo, hi) only bends where some λ·qᵢ meets lo or hi, so a binary
// search over those breakpoints finds the straight piece holding the pool, and λ is
// solved on it.
//
// When even every member with a positive quota at the maximum (and the others at the
// minimum) leaves part of the pool over, λ cannot exist; the members whose quota is 0
// then share what is left equally (BoundLeftover), which the maximum forces.
// validate has made sure that n·lo <= pool <= n·hi.
func applyBounds(pool int64, q shares, lo, hi int64) (bounded, error) {
	n := len(q.num)
	b := bounded{shares: q, bound: make([]string, n), scale: exactOne}
	if withinBounds(q, lo, hi) {
		return b, nil
	}
	if z, full := leftover(pool, q, lo, hi); full {
		return shareLeftover(pool, q, hi, z)
	}
	lambda := solveScale(pool, q, lo, hi)
	c := classify(q, lambda, lo, hi)
	// Over D' = b·den, where λ = a/b: free members get a·numᵢ, bounded ones lo·D' or hi·D'.
	a, den := lambda.Num(), new(big.Int).Mul(lambda.Denom(), q.den)
	b.shares = shares{num: make([]*big.Int, n), den: den}
	for i, s := range c.status {
		switch s {
		case BoundMin:
			b.shares.num[i] = new(big.Int).Mul(big.NewInt(lo), den)
		case BoundMax:
			b.shares.num[i] = new(big.Int).Mul(big.NewInt(hi), den)
		default:
			b.shares.num[i] = new(big.Int).Mul(a, q.num[i])
		}
	}
	b.bound, b.scale = c.status, exact(lambda)
	if !b.shares.sumsTo(pool) {
		return bounded{}, errors.New("allocate: internal error: bounded amounts do not sum to the pool")
	}
	return b, nil
}

// withinBounds reports whether every quota already lies within [lo, hi].
func withinBounds(q shares, lo, hi int64) bool {
	loD := new(big.Int).Mul(big.NewInt(lo), q.den)
	hiD := new(big.Int).Mul(big.NewInt(hi), q.den)
	for _, x := range q.num {
		if x.Cmp(loD) < 0 || hi > 0 && x.Cmp(hiD) > 0 {
			return false
		}
	}
	return true
}

// leftover counts the members with quota 0 and reports whether the pool exceeds every
// positive quota at hi plus every zero quota at lo, the most any λ can reach.
func leftover(pool int64, q shares, lo, hi int64) (int64, bool) {
	var z int64
	for _, x := range q.num {
		if x.Sign() == 0 {
			z++
		}
	}
	if hi == 0 || z == 0 {
		return z, false
	}
	most := new(big.Int).Mul(big.NewInt(int64(len(q.num))-z), big.NewInt(hi))
	most.Add(most, new(big.Int).Mul(big.NewInt(z), big.NewInt(lo)))
	return z, most.Cmp(big.NewInt(pool)) < 0
}

// shareLeftover puts every positive quota at hi and splits the rest of the pool
// equally among the z members with quota 0, over the common denominator z.
func shareLeftover(pool int64, q shares, hi, z int64) (bounded, error) {
	n := len(q.num)
	rest := big.NewInt(pool - (int64(n)-z)*hi) // Fits: (n−z)·hi < pool.
	b := bounded{shares: shares{num: make([]*big.Int, n), den: big.NewInt(z)}, bound: make([]string, n)}
	for i, x := range q.num {
		if x.Sign() == 0 {
			b.shares.num[i], b.bound[i] = new(big.Int).Set(rest), BoundLeftover
		} else {
			b.shares.num[i], b.bound[i] = new(big.Int).Mul(big.NewInt(hi), big.NewInt(z)), BoundMax
		}
	}
	if !b.shares.sumsTo(pool) {
		return bounded{}, errors.New("allocate: internal error: leftover shares do not sum to the pool")
	}
	return b, nil
}

// solveScale returns the λ > 0 at which Σ clamp(λ·qᵢ, lo, hi) = pool.
func solveScale(pool int64, q shares, lo, hi int64) *big.Rat {
	t := breakpoints(q, lo, hi)
	// The smallest breakpoint at which f reaches the pool; len(t) when none does.
	j, found := slices.BinarySearchFunc(t, pool, func(l *big.Rat, p int64) int {
		return classify(q, l, lo, hi).compare(p)
	})
	if found {
		return t[j]
	}
	// f is a straight line strictly between t[j−1] and t[j] (0 and +∞ at the ends);
	// members keep one status there, so classify at a point inside and solve the line.
	inside := new(big.Rat)
	switch {
	case len(t) == 0:
		inside.SetInt64(1)
	case j == len(t):
		inside.Add(t[j-1], big.NewRat(1, 1))
	case j == 0:
		inside.Quo(t[0], big.NewRat(2, 1))
	default:
		inside.Add(t[j-1], t[j]).Quo(inside, big.NewRat(2, 1))
	}
	return classify(q, inside, lo, hi).solve(pool)
}

// breakpoints returns the distinct scales lo/qᵢ and hi/qᵢ, ascending. Both lists
// ascend as the quotas descend, so the quotas are sorted once (as integers, cheaply)
// and the two lists merged.
func breakpoints(q shares, lo, hi int64) []*big.Rat {
	var positive []*big.Int
	for _, x := range q.num {
		if x.Sign() > 0 {
			positive = append(positive, x)
		}
	}
	slices.SortFunc(positive, func(a, b *big.Int) int { return b.Cmp(a) })
	scales := func(bound int64) []*big.Rat {
		if bound == 0 {
			return nil
		}
		bd := new(big.Int).Mul(big.NewInt(bound), q.den)
		out := make([]*big.Rat, len(positive))
		for i, x := range positive {
			out[i] = new(big.Rat).SetFrac(bd, x)
		}
		return out
	}
	los, his := scales(lo), scales(hi)
	t := make([]*big.Rat, 0, len(los)+len(his))
	for len(los) > 0 || len(his) > 0 {
		if len(his) == 0 || len(los) > 0 && los[0].Cmp(his[0]) <= 0 {
			t, los = append(t, los[0]), los[1:]
		} else {
			t, his = append(t, his[0]), his[1:]
		}
	}
	return slices.CompactFunc(t, func(a, b *big.Rat) bool { return a.Cmp(b) == 0 })
}

// classification is where the members stand at one scale λ.
type classification struct {
	status  []string // BoundMin when λ·qᵢ < lo, BoundMax when λ·qᵢ > hi, else BoundNone.
	fixed   *big.Int // lo times the members at BoundMin plus hi times those at BoundMax.
	sumFree *big.Int // Σ numᵢ over the members at BoundNone.
	lambda  *big.Rat
	den     *big.Int
}

// classify places every member at scale lambda = a/b by comparing a·numᵢ with
// lo·b·den and hi·b·den, in integers.
func classify(q shares, lambda *big.Rat, lo, hi int64) classification {
	c := classification{status: make([]string, len(q.num)), fixed: new(big.Int), sumFree: new(big.Int), lambda: lambda, den: q.den}
	bd := new(big.Int).Mul(lambda.Denom(), q.den)
	loBD := new(big.Int).Mul(big.NewInt(lo), bd)
	hiBD := new(big.Int).Mul(big.NewInt(hi), bd)
	t := new(big.Int)
	for i, x := range q.num {
		t.Mul(lambda.Num(), x)
		switch {
		case t.Cmp(loBD) < 0:
			c.status[i] = BoundMin
			c.fixed.Add(c.fixed, big.NewInt(lo))
		case hi > 0 && t.Cmp(hiBD) > 0:
			c.status[i] = BoundMax
			c.fixed.Add(c.fixed, big.NewInt(hi))
		default:
			c.sumFree.Add(c.sumFree, x)
		}
	}
	return c
}

// compare returns the sign of f(λ) − pool, where f(λ) = fixed + λ·sumFree/den: the sign
// of (fixed − pool)·b·den + a·sumFree.
func (c classification) compare(pool int64) int {
	lhs := new(big.Int).Sub(c.fixed, big.NewInt(pool))
	lhs.Mul(lhs, c.lambda.Denom())
	lhs.Mul(lhs, c.den)
	return lhs.Add(lhs, new(big.Int).Mul(c.lambda.Num(), c.sumFree)).Sign()
}

// solve returns the λ at which the free members take what the bounded ones leave:
// (pool − fixed)·den / sumFree. sumFree is positive inside a piece where f rises.
func (c classification) solve(pool int64) *big.Rat {
	rest := new(big.Int).Sub(big.NewInt(pool), c.fixed)
	return new(big.Rat).SetFrac(rest.Mul(rest, c.den), c.sumFree)
}
