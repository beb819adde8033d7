// Package equity computes the equity report: for one dimension (leadership seats,
// speaking seconds, dollars allocated, ...) it shows how the quantity is shared out
// among groups of member organizations and how concentrated it is.
//
// The definition is the one in PRODUCT.md ("The equity report — one definition, used
// everywhere"); every module that produces a quantity per member organization feeds
// Compute. The package is pure: no I/O, standard library only.
//
// Numbers are exact where float64 allows it and reproducible always: Compute sums the
// quantities in a canonical order (so the order of the input never changes a digit),
// shares and ratios are correctly rounded, and flags are decided by exact rational
// comparison (see flags.go). Callers get exact results by passing whole units
// (seats, seconds, cents) whose total stays below 2⁵³.
package equity

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Attributes by which members are grouped, in the order the report lists them.
const (
	AttrBipocLed     = "bipoc_led"
	AttrMostImpacted = "most_impacted"
	AttrBudgetBand   = "budget_band"
)

// Attribute values. An empty BipocLed or BudgetBand means ValueNotSaid.
const (
	ValueYes     = "yes"
	ValueNo      = "no"
	ValueNotSaid = "not_said"

	BandUnder250k = "under_250k"
	Band250kTo1m  = "250k_1m"
	Band1mTo5m    = "1m_5m"
	BandOver5m    = "over_5m"
)

// Flag reasons carried by Group.FlagReason.
const (
	ReasonUnderRepresented = "under_represented"
	ReasonOverRepresented  = "over_represented"
)

// ErrInvalidMember is wrapped by every error Compute returns, so that callers can map
// it to their "invalid" error code with errors.Is.
var ErrInvalidMember = errors.New("equity: invalid member")

// Member is one current membership of the coalition with its quantity of the dimension.
type Member struct {
	OrganizationID string
	BipocLed       string // ValueYes, ValueNo or ValueNotSaid ("" means ValueNotSaid).
	MostImpacted   bool
	BudgetBand     string // One of the four bands or ValueNotSaid ("" means ValueNotSaid).
	Quantity       float64
}

// Group is one value of one attribute, with its share of members and of the quantity.
type Group struct {
	Attribute       string
	Value           string
	Members         int
	MembershipShare float64  // Members / all members.
	Quantity        float64  // The quantity summed over the group's members.
	Share           *float64 // Quantity / total; nil when the total is 0.
	Ratio           *float64 // Share / MembershipShare, 1 is parity; nil when the total is 0.
	Flag            bool     // The group is flagged; FlagReason says why (see flags.go).
	FlagReason      string   // "", ReasonUnderRepresented or ReasonOverRepresented.
	Centred         bool     // The group is one the report centres (BIPOC-led, most impacted, small budget).
}

// Concentration describes how unevenly the quantity is spread over all members,
// zeros included. Both fields are nil when there are no members or the total is 0.
type Concentration struct {
	Gini       *float64 // Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄), in [0, 1).
	Top20Share *float64 // Share of the total held by the ⌈0.2 n⌉ members with the most.
}

// OrgQuantity is one member organization's quantity.
type OrgQuantity struct {
	OrganizationID string
	Quantity       float64
}

// Report is the equity report for one dimension.
type Report struct {
	Members       int
	Total         float64
	Groups        []Group // bipoc_led, then most_impacted, then budget_band; empty groups omitted.
	Concentration Concentration
	Organizations []OrgQuantity // By quantity descending, then OrganizationID ascending.
}

// Compute builds the equity report of members. It returns an error wrapping
// ErrInvalidMember when an organization ID is empty or repeated, an attribute value is
// unknown, a quantity is negative, NaN or infinite, or the total overflows float64.
// Compute(nil) returns a report with no members, no groups and nil concentration.
func Compute(members []Member) (Report, error) {
	if len(members) == 0 {
		return Report{}, nil
	}
	rows, err := validate(members)
	if err != nil {
		return Report{}, err
	}
	// The canonical order fixes the order of every sum, so the result does not depend
	// on the order of the input.
	slices.SortFunc(rows, func(a, b row) int {
		if c := cmp.Compare(b.Quantity, a.Quantity); c != 0 {
			return c
		}
		return cmp.Compare(a.OrganizationID, b.OrganizationID)
	})
	t := tally(rows)
	if math.IsInf(t.total, 0) {
		return Report{}, fmt.Errorf("%w: the quantities sum beyond the float64 range", ErrInvalidMember)
	}
	orgs := make([]OrgQuantity, len(rows))
	for i, r := range rows {
		orgs[i] = r.OrgQuantity
	}
	return Report{
		Members:       len(rows),
		Total:         t.total,
		Groups:        t.groups(),
		Concentration: concentration(orgs, t.total),
		Organizations: orgs,
	}, nil
}

// row is a validated member: its attributes resolved to indexes into groupDefs.
type row struct {
	OrgQuantity
	cells [3]uint8
}

// validate checks every member and resolves its attribute values.
func validate(members []Member) ([]row, error) {
	rows := make([]row, len(members))
	seen := make(map[string]struct{}, len(members))
	for i, m := range members {
		if m.OrganizationID == "" {
			return nil, fmt.Errorf("%w: member %d has no organization ID", ErrInvalidMember, i)
		}
		if _, dup := seen[m.OrganizationID]; dup {
			return nil, fmt.Errorf("%w: organization %q is listed twice", ErrInvalidMember, m.OrganizationID)
		}
		seen[m.OrganizationID] = struct{}{}
		q := m.Quantity
		if math.IsNaN(q) || math.IsInf(q, 0) || q < 0 {
			return nil, fmt.Errorf("%w: organization %q has quantity %v; want a finite number >= 0", ErrInvalidMember, m.OrganizationID, q)
		}
		if q == 0 {
			q = 0 // Turns -0 into 0, so it never shows as "-0".
		}
		cells, err := resolve(m)
		if err != nil {
			return nil, err
		}
		rows[i] = row{OrgQuantity{m.OrganizationID, q}, cells}
	}
	return rows, nil
}
