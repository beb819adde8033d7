package allocate

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"slices"
)

// Weight is one member's claim on a pool in LargestRemainder.
type Weight struct {
	OrganizationID string
	Value          *big.Rat // >= 0; the member's quota is pool × Value / Σ Value.
}

// LargestRemainder splits pool in proportion to weights by Hamilton's method and
// returns the amounts in the order of weights. Quotas are exact rationals; each member
// gets the floor of its quota, and the cents left over go one each to the members with
// the largest fractional remainders, ties broken by the rule of apportion. It returns
// an *InputError for a negative pool, no weights, a missing or repeated organization,
// a nil or negative weight, or weights that are all 0.
func LargestRemainder(pool int64, weights []Weight) ([]int64, error) {
	if pool < 0 {
		return nil, inputErr("pool", "the pool is %d cents; it cannot be negative", pool)
	}
	if len(weights) == 0 {
		return nil, inputErr("weights", "there is nobody to allocate to")
	}
	ids := make([]string, len(weights))
	values := make([]*big.Rat, len(weights))
	seen := make(map[string]bool, len(weights))
	for i, w := range weights {
		field := fmt.Sprintf("weights[%d]", i)
		switch {
		case w.OrganizationID == "":
			return nil, inputErr(field+".organization_id", "the organization is missing")
		case seen[w.OrganizationID]:
			return nil, inputErr(field+".organization_id", "%q is listed twice", w.OrganizationID)
		case w.Value == nil || w.Value.Sign() < 0:
			return nil, inputErr(field+".value", "%q has no weight or a negative one", w.OrganizationID)
		}
		seen[w.OrganizationID] = true
		ids[i], values[i] = w.OrganizationID, w.Value
	}
	s := weighted(pool, integers(values))
	if s.den.Sign() == 0 {
		return nil, inputErr("weights", "every weight is 0, so there is nothing to be proportional to")
	}
	floors, extra, err := apportion(pool, ids, s)
	if err != nil {
		return nil, err
	}
	for i := range floors {
		floors[i] += extra[i]
	}
	return floors, nil
}

// apportion rounds exact non-negative shares that sum to pool into whole cents, by the
// largest remainder method: every member gets the floor of its share, and the
// pool − Σ floor cents left over (fewer than the members with a fractional part) go one
// each to the members ranked first by
//
//  1. the larger fractional remainder;
//  2. on equal remainders, the larger exact share (the larger weight claimed more);
//  3. on equal shares too, the organization ID that sorts first, byte by byte.
//
// The rule depends only on the members' values and IDs, never on their order, so the
// same round always gives the same cents. A member gets at most one extra cent and only
// when its share has a fractional part, so floor and ceiling bounds that the exact
// shares meet still hold. It returns each member's floor and extra cent (0 or 1).
func apportion(pool int64, ids []string, s shares) (floors, extra []int64, err error) {
	n := len(ids)
	floors, extra = make([]int64, n), make([]int64, n)
	rems := make([]*big.Int, n)
	var sum, fractional int64
	for i, x := range s.num {
		f, r := new(big.Int).DivMod(x, s.den, new(big.Int))
		if x.Sign() < 0 || !f.IsInt64() {
			return nil, nil, errors.New("allocate: internal error: a share is negative or beyond int64")
		}
		floors[i], rems[i], sum = f.Int64(), r, sum+f.Int64()
		if r.Sign() > 0 {
			fractional++
		}
	}
	left := pool - sum
	if !s.sumsTo(pool) || left < 0 || left > fractional {
		return nil, nil, errors.New("allocate: internal error: shares do not sum to the pool")
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := rems[b].Cmp(rems[a]); c != 0 {
			return c
		}
		if c := s.num[b].Cmp(s.num[a]); c != 0 {
			return c
		}
		return cmp.Compare(ids[a], ids[b])
	})
	for _, i := range order[:left] {
		extra[i] = 1
	}
	return floors, extra, nil
}
