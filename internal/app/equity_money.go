package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/store"
)

// dollarsAllocated is each member's allocations in the coalition's funds in the period,
// in minor units, net of corrections. Amounts in different currencies cannot be added:
// the dimension counts the coalition's main currency, the one in which it has allocated
// the most, and leaves allocations in other currencies out.
func dollarsAllocated(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	f, t := "", ""
	if from != nil {
		f = from.UTC().Format("2006-01-02T15:04:05.000000Z")
	}
	if to != nil {
		t = to.UTC().Format("2006-01-02T15:04:05.000000Z")
	}
	currency, err := tx.MainAllocationCurrency(ctx, coalitionID)
	if err != nil {
		return nil, err
	}
	sums, err := tx.AllocatedByOrganization(ctx, coalitionID, currency, f, t)
	return moneyPerMember(members, sums), err
}

// hoursContributed is each member's confirmed contributed time in the period, in hours
// (minutes / 60: shares and ratios are the same as in minutes).
func hoursContributed(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	f, t := "", ""
	if from != nil {
		f = from.UTC().Format(time.DateOnly)
	}
	if to != nil {
		t = to.UTC().Format(time.DateOnly)
	}
	sums, err := tx.ConfirmedMinutes(ctx, coalitionID, f, t)
	out := moneyPerMember(members, sums)
	for k, v := range out {
		out[k] = v / 60
	}
	return out, err
}

func moneyPerMember(members []domain.Membership, sums map[string]int64) map[string]float64 {
	out := make(map[string]float64, len(members))
	for _, m := range members {
		out[m.OrganizationID] = float64(sums[m.OrganizationID])
	}
	return out
}

// CompensationGroup is one group's compensation ratio: its share of the dollars
// allocated divided by its share of the hours contributed, with the four-fifths flag.
type CompensationGroup struct {
	Attribute  string   `json:"attribute"`
	Value      string   `json:"value"`
	Members    int      `json:"members"`
	Ratio      *float64 `json:"ratio"`
	Flag       bool     `json:"flag"`
	FlagReason string   `json:"flag_reason,omitempty"`
}

// Compensation returns the compensation ratio of every group of the coalition's current
// members, over all time. A centred group (BIPOC-led, most impacted, small budget) paid
// below four-fifths of its share of the work is flagged, as is an advantaged group paid
// above five-fourths; not_said groups never are.
func (a *App) Compensation(ctx context.Context, actor Actor, coalitionID string) ([]CompensationGroup, error) {
	dollars, err := a.EquityReport(ctx, actor, coalitionID, domain.DimensionDollars, nil, nil)
	if err != nil {
		return nil, err
	}
	hours, err := a.EquityReport(ctx, actor, coalitionID, domain.DimensionHours, nil, nil)
	if err != nil {
		return nil, err
	}
	return compensationGroups(dollars.Report, hours.Report)
}

// compensationGroups pairs the two reports group by group.
func compensationGroups(dollars, hours equity.Report) ([]CompensationGroup, error) {
	ratios, err := equity.CompensationRatios(dollars, hours)
	if err != nil {
		return nil, err
	}
	out := make([]CompensationGroup, len(ratios))
	for i, c := range ratios {
		g := dollars.Groups[i]
		out[i] = CompensationGroup{Attribute: c.Attribute, Value: c.Value, Members: g.Members, Ratio: c.Ratio}
		if c.Ratio == nil {
			continue
		}
		switch {
		case g.Centred && *c.Ratio < 0.8:
			out[i].Flag, out[i].FlagReason = true, equity.ReasonUnderRepresented
		case advantagedGroup(c.Attribute, c.Value) && *c.Ratio > 1.25:
			out[i].Flag, out[i].FlagReason = true, equity.ReasonOverRepresented
		}
	}
	return out, nil
}

// advantagedGroup names the groups PRODUCT.md calls advantaged.
func advantagedGroup(attr, value string) bool {
	switch attr {
	case equity.AttrBipocLed, equity.AttrMostImpacted:
		return value == "no"
	case equity.AttrBudgetBand:
		return value == domain.Budget1mTo5m || value == domain.BudgetOver5m
	}
	return false
}
