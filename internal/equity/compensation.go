package equity

import (
	"fmt"
	"math/big"
)

// Compensation is a group's compensation ratio: its share of dollars divided by its
// share of hours contributed (1 means the group is paid in proportion to its work).
type Compensation struct {
	Attribute string
	Value     string
	Ratio     *float64 // nil when either total is 0 or the group contributed no hours.
}

// CompensationRatios pairs a report of dollars with a report of hours computed over the
// same members and returns the compensation ratio of each group, in report order.
// The ratio (d/D) / (h/H) is computed as the rational d·H / (D·h) and rounded once.
// It returns an error wrapping ErrInvalidMember when the two reports do not cover the
// same organizations in the same groups.
func CompensationRatios(dollars, hours Report) ([]Compensation, error) {
	if err := sameMembers(dollars, hours); err != nil {
		return nil, err
	}
	out := make([]Compensation, len(dollars.Groups))
	for i, d := range dollars.Groups {
		h := hours.Groups[i]
		out[i] = Compensation{Attribute: d.Attribute, Value: d.Value}
		if dollars.Total == 0 || hours.Total == 0 || h.Quantity == 0 {
			continue
		}
		r := new(big.Rat).SetFloat64(d.Quantity)
		r.Mul(r, new(big.Rat).SetFloat64(hours.Total))
		den := new(big.Rat).SetFloat64(dollars.Total)
		den.Mul(den, new(big.Rat).SetFloat64(h.Quantity))
		ratio, _ := r.Quo(r, den).Float64()
		out[i].Ratio = &ratio
	}
	return out, nil
}

// sameMembers reports an error unless a and b list the same organizations and groups.
func sameMembers(a, b Report) error {
	mismatch := fmt.Errorf("%w: the dollars and hours reports cover different members", ErrInvalidMember)
	if a.Members != b.Members || len(a.Groups) != len(b.Groups) || len(a.Organizations) != len(b.Organizations) {
		return mismatch
	}
	for i, g := range a.Groups {
		h := b.Groups[i]
		if g.Attribute != h.Attribute || g.Value != h.Value || g.Members != h.Members {
			return mismatch
		}
	}
	ids := make(map[string]struct{}, len(a.Organizations))
	for _, o := range a.Organizations {
		ids[o.OrganizationID] = struct{}{}
	}
	for _, o := range b.Organizations {
		if _, ok := ids[o.OrganizationID]; !ok {
			return mismatch
		}
	}
	return nil
}
