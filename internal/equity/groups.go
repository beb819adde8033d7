package equity

import (
	"fmt"
	"math"
)

// side says whether a group is centred, advantaged or neither, which decides the flag
// it can raise.
type side uint8

const (
	neutral side = iota
	centred
	advantaged
)

// groupDef is one group the report can show.
type groupDef struct {
	attribute, value string
	side             side
}

// groupDefs lists every group in report order. Rows refer to groups by index into it.
var groupDefs = [...]groupDef{
	{AttrBipocLed, ValueYes, centred},
	{AttrBipocLed, ValueNo, advantaged},
	{AttrBipocLed, ValueNotSaid, neutral},
	{AttrMostImpacted, ValueYes, centred},
	{AttrMostImpacted, ValueNo, advantaged},
	{AttrBudgetBand, BandUnder250k, centred},
	{AttrBudgetBand, Band250kTo1m, centred},
	{AttrBudgetBand, Band1mTo5m, advantaged},
	{AttrBudgetBand, BandOver5m, advantaged},
	{AttrBudgetBand, ValueNotSaid, neutral},
}

// resolve finds the three groups a member belongs to, one per attribute.
func resolve(m Member) ([3]uint8, error) {
	impacted := ValueNo
	if m.MostImpacted {
		impacted = ValueYes
	}
	var cells [3]uint8
	for i, av := range [3][2]string{
		{AttrBipocLed, orNotSaid(m.BipocLed)},
		{AttrMostImpacted, impacted},
		{AttrBudgetBand, orNotSaid(m.BudgetBand)},
	} {
		g, ok := groupIndex(av[0], av[1])
		if !ok {
			return cells, fmt.Errorf("%w: organization %q has %s %q", ErrInvalidMember, m.OrganizationID, av[0], av[1])
		}
		cells[i] = g
	}
	return cells, nil
}

// orNotSaid returns v, or ValueNotSaid when v is empty.
func orNotSaid(v string) string {
	if v == "" {
		return ValueNotSaid
	}
	return v
}

// groupIndex returns the index in groupDefs of the group attribute=value.
func groupIndex(attribute, value string) (uint8, bool) {
	for i, d := range groupDefs {
		if d.attribute == attribute && d.value == value {
			return uint8(i), true
		}
	}
	return 0, false
}

// tallies holds the sums over all members and per group.
type tallies struct {
	n      int
	total  float64
	exact  bool // Every quantity is whole and no addition rounded: the sums are exact.
	counts [len(groupDefs)]int
	sums   [len(groupDefs)]float64
}

// tally sums rows in ascending order of quantity (rows are sorted descending), which
// keeps the rounding error of non-integer sums small, and records whether the sums
// are exact (see flags.go).
func tally(rows []row) tallies {
	t := tallies{n: len(rows), exact: true}
	for i := len(rows) - 1; i >= 0; i-- {
		r := rows[i]
		t.exact = t.exact && r.Quantity == math.Trunc(r.Quantity)
		var ok bool
		t.total, ok = add(t.total, r.Quantity)
		t.exact = t.exact && ok
		for _, g := range r.cells {
			t.counts[g]++
			t.sums[g], ok = add(t.sums[g], r.Quantity)
			t.exact = t.exact && ok
		}
	}
	return t
}

// add returns a+b and whether that sum is exact: the error term of Knuth's TwoSum is
// zero exactly when the floating-point addition did not round.
func add(a, b float64) (float64, bool) {
	s := a + b
	bv := s - a
	av := s - bv
	return s, (a-av)+(b-bv) == 0
}

// groups builds the report's groups from the tallies, omitting groups with no members.
func (t tallies) groups() []Group {
	groups := make([]Group, 0, len(groupDefs))
	for i, d := range groupDefs {
		if t.counts[i] == 0 {
			continue
		}
		g := Group{
			Attribute:       d.attribute,
			Value:           d.value,
			Members:         t.counts[i],
			MembershipShare: float64(t.counts[i]) / float64(t.n),
			Quantity:        t.sums[i],
			Centred:         d.side == centred,
		}
		if t.total > 0 {
			share := t.sums[i] / t.total
			ratio, reason := judge(d.side, t.sums[i], t.total, t.counts[i], t.n, t.exact)
			g.Share, g.Ratio = &share, &ratio
			g.Flag, g.FlagReason = reason != "", reason
		}
		groups = append(groups, g)
	}
	return groups
}
