package allocate

import (
	"fmt"
	"math"
	"slices"
)

// validate checks the parts of a round every method shares, and the formula's
// parameters. Peer points are checked where they are summed (pointsReceived).
func validate(r Round) error {
	if r.Pool < 0 {
		return inputErr("pool", "the pool is %d cents; it cannot be negative", r.Pool)
	}
	if !slices.Contains(Methods, r.Method) {
		return inputErr("method", "unknown method %q; want equal, proportional, equity_formula or peer", r.Method)
	}
	if err := validateMembers(r.Members); err != nil {
		return err
	}
	if err := validateBounds(r.Pool, int64(len(r.Members)), r.Min, r.Max); err != nil {
		return err
	}
	if r.Method == EquityFormula {
		return validateFormula(r.Pool, int64(len(r.Members)), r.Formula)
	}
	return nil
}

// validateMembers requires at least one member, unique non-empty IDs and finite,
// non-negative hours. Hours are checked for every method: a NaN that a method ignores
// still betrays a bug upstream.
func validateMembers(members []Member) error {
	if len(members) == 0 {
		return inputErr("members", "a round needs at least one member")
	}
	seen := make(map[string]bool, len(members))
	for i, m := range members {
		field := fmt.Sprintf("members[%d]", i)
		if m.OrganizationID == "" {
			return inputErr(field+".organization_id", "the organization is missing")
		}
		if seen[m.OrganizationID] {
			return inputErr(field+".organization_id", "%q is listed twice", m.OrganizationID)
		}
		seen[m.OrganizationID] = true
		if h := m.Hours; math.IsNaN(h) || math.IsInf(h, 0) || h < 0 {
			return inputErr(field+".hours", "%q has %v hours; want a number of hours, 0 or more", m.OrganizationID, h)
		}
	}
	return nil
}

// validateBounds rejects negative bounds, a minimum above the maximum and bounds no
// allocation can meet. n × min > pool exactly when min > ⌊pool/n⌋, and n × max < pool
// exactly when max < ⌈pool/n⌉, which avoids overflowing int64.
func validateBounds(pool, n, lo, hi int64) error {
	switch {
	case lo < 0:
		return inputErr("min", "the minimum is %d cents; it cannot be negative", lo)
	case hi < 0:
		return inputErr("max", "the maximum is %d cents; it cannot be negative", hi)
	case hi > 0 && lo > hi:
		return inputErr("min", "the minimum %d is more than the maximum %d", lo, hi)
	case lo > pool/n:
		return inputErr("min", "%d members at the minimum of %d cents need more than the pool of %d cents", n, lo, pool)
	case hi > 0 && hi < (pool+n-1)/n:
		return inputErr("max", "%d members at the maximum of %d cents cannot take the pool of %d cents", n, hi, pool)
	}
	return nil
}

// validateFormula checks the equity formula's parameters.
func validateFormula(pool, n int64, f Formula) error {
	if f.Base < 0 {
		return inputErr("formula.base", "the base share is %d cents; it cannot be negative", f.Base)
	}
	if f.Base > pool/n {
		return inputErr("formula.base", "%d members at a base share of %d cents need more than the pool of %d cents", n, f.Base, pool)
	}
	if p := f.EqualPercent; math.IsNaN(p) || p < 0 || p > 100 {
		return inputErr("formula.equal_percent", "%v is not a percentage from 0 to 100", p)
	}
	for _, w := range []struct {
		field string
		value float64
	}{
		{"formula.bipoc_led_weight", f.BipocLedWeight},
		{"formula.most_impacted_weight", f.MostImpactedWeight},
		{"formula.small_budget_weight", f.SmallBudgetWeight},
	} {
		if math.IsNaN(w.value) || math.IsInf(w.value, 0) || w.value <= 0 {
			return inputErr(w.field, "the multiplier is %v; want a positive number (1 adds no weight)", w.value)
		}
	}
	return nil
}
