package app

import (
	"context"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/store"
)

// A dimensionSource supplies one quantity per member organization for a period. New
// dimensions (speaking time, dollars, hours, credit) plug in by adding a source; the
// report's formula knows nothing about them.
type dimensionSource func(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error)

var dimensionSources = map[string]dimensionSource{
	domain.DimensionDollars:           dollarsAllocated,
	domain.DimensionHours:             hoursContributed,
	domain.DimensionLeadership:        leadershipSeats,
	domain.DimensionCredit:            winCredit,
	domain.DimensionHelpGiven:         helpGiven,
	domain.DimensionHelpReceived:      helpReceived,
	domain.DimensionProposalsAuthored: proposalsAuthored,
	domain.DimensionStances:           stancesTaken,
	domain.DimensionSpeakingTime:      speakingTime,
	domain.DimensionTasksLed:          tasksLed,
	domain.DimensionAttendance:        meetingsAttended,
}

// perMember gives every member of the period its count, 0 when it has none; counts of
// organizations that are not members are dropped.
func perMember[N int | float64](members []domain.Membership, counts map[string]N) map[string]float64 {
	out := make(map[string]float64, len(members))
	for _, m := range members {
		out[m.OrganizationID] = float64(counts[m.OrganizationID])
	}
	return out
}

// leadershipSeats counts one seat for each membership with role anchor or steering.
func leadershipSeats(_ context.Context, _ *store.Tx, _ string, members []domain.Membership, _, _ *time.Time) (map[string]float64, error) {
	out := make(map[string]float64, len(members))
	for _, m := range members {
		if domain.IsLeadershipRole(m.Role) {
			out[m.OrganizationID] = 1
		} else {
			out[m.OrganizationID] = 0
		}
	}
	return out, nil
}

// EquityReport is the equity report of one dimension for a coalition and period.
type EquityReport struct {
	CoalitionID string
	Dimension   string
	From, To    *time.Time
	equity.Report
	// Names maps organization ids to names for display.
	Names map[string]string
}

// EquityReport computes the report for a dimension over [from, to]; nil bounds are open.
// Members are the memberships not left as of the end of the period.
func (a *App) EquityReport(ctx context.Context, actor Actor, coalitionID, dimension string, from, to *time.Time) (*EquityReport, error) {
	source, ok := dimensionSources[dimension]
	if !ok {
		return nil, &domain.Error{Code: domain.EINVALID, Message: "Unknown dimension.",
			Fields: []domain.FieldError{{Field: "dimension", Message: "Choose one of: " + strings.Join(domain.Dimensions, ", ") + "."}}}
	}
	if from != nil && to != nil && to.Before(*from) {
		return nil, &domain.Error{Code: domain.EINVALID, Message: "The period ends before it starts.",
			Fields: []domain.FieldError{{Field: "to", Message: "Must not be before from."}}}
	}
	var rep *EquityReport
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		all, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		if err != nil {
			return err
		}
		members := membersAt(all, to)
		quantities, err := source(ctx, tx, p.Coalition.ID, members, from, to)
		if err != nil {
			return err
		}
		rep, err = buildReport(p.Coalition.ID, dimension, from, to, members, quantities)
		return err
	})
	return rep, err
}

// membersAt keeps the memberships that count at the end of the period: joined by then and
// not left by then (all current non-left memberships when the period is open).
func membersAt(all []domain.Membership, to *time.Time) []domain.Membership {
	var out []domain.Membership
	for _, m := range all {
		if to == nil {
			if m.Counts() {
				out = append(out, m)
			}
			continue
		}
		if m.JoinedAt.After(*to) || (m.LeftAt != nil && !m.LeftAt.After(*to)) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func buildReport(coalitionID, dimension string, from, to *time.Time, members []domain.Membership, q map[string]float64) (*EquityReport, error) {
	in := make([]equity.Member, 0, len(members))
	names := make(map[string]string, len(members))
	for _, m := range members {
		em := equity.Member{OrganizationID: m.OrganizationID, MostImpacted: m.MostImpacted, Quantity: q[m.OrganizationID]}
		if m.Organization != nil {
			em.BipocLed, em.BudgetBand = m.Organization.BipocLed, m.Organization.BudgetBand
			names[m.OrganizationID] = m.Organization.Name
		}
		in = append(in, em)
	}
	r, err := equity.Compute(in)
	if err != nil {
		return nil, err
	}
	return &EquityReport{CoalitionID: coalitionID, Dimension: dimension, From: from, To: to, Report: r, Names: names}, nil
}
