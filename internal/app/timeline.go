package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PhasePeriod is one stretch of a coalition's life in one phase, with the wins dated in it.
type PhasePeriod struct {
	Phase string `json:"phase"`
	// From is the day the coalition entered the phase; "" for the phase it started in.
	From string `json:"from"`
	// To is the day it moved on; "" for the current phase.
	To string `json:"to"`
	// Left is the move out of this phase, whose retrospective looks back on it; absent for
	// the current phase.
	Left *domain.PhaseChange `json:"left,omitempty"`
	// Wins are those dated on or after From and before To, newest first.
	Wins []domain.Win `json:"wins"`
}

// Timeline is a coalition's phases and wins together, oldest phase first.
type Timeline struct {
	Periods []PhasePeriod `json:"periods"`
}

// NewestFirst returns the periods newest first, for pages that start with today.
func (t Timeline) NewestFirst() []PhasePeriod {
	out := make([]PhasePeriod, len(t.Periods))
	for i, p := range t.Periods {
		out[len(t.Periods)-1-i] = p
	}
	return out
}

// Timeline returns a coalition's phases, each with its wins.
func (a *App) Timeline(ctx context.Context, actor Actor, coalitionID string) (*Timeline, error) {
	var out *Timeline
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		moves, err := tx.ListPhaseChanges(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		wins, err := tx.ListWins(ctx, p.Coalition.ID, false)
		if err != nil {
			return err
		}
		out = buildTimeline(p.Coalition.Phase, moves, wins)
		return nil
	})
	return out, err
}

// buildTimeline splits the history into periods at each move and puts each win (newest
// first) into the period its date falls in. A win dated on the day of a move belongs to
// the phase entered that day.
func buildTimeline(current string, moves []domain.PhaseChange, wins []domain.Win) *Timeline {
	first := current
	if len(moves) > 0 {
		first = moves[0].FromPhase
	}
	periods := []PhasePeriod{{Phase: first}}
	for i := range moves {
		m := moves[i]
		last := &periods[len(periods)-1]
		last.To, last.Left = m.On, &m
		periods = append(periods, PhasePeriod{Phase: m.ToPhase, From: m.On})
	}
	for i := range periods {
		periods[i].Wins = []domain.Win{}
	}
	for _, w := range wins {
		// The last period whose start is not after the win's day holds it.
		k := 0
		for i := range periods {
			if periods[i].From <= w.Date {
				k = i
			}
		}
		periods[k].Wins = append(periods[k].Wins, w)
	}
	return &Timeline{Periods: periods}
}
