package app

import (
	"context"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/store"
)

// workContents reads a coalition's work for its bundle.
func workContents(ctx context.Context, tx *store.Tx, coalitionID string) (bundle.WorkContents, error) {
	var w bundle.WorkContents
	var err error
	if w.Workstreams, err = tx.ListWorkstreams(ctx, coalitionID); err != nil {
		return w, err
	}
	if w.Tasks, err = tx.ListTasks(ctx, coalitionID, store.TaskFilter{}); err != nil {
		return w, err
	}
	if w.Meetings, err = tx.ListMeetings(ctx, coalitionID, nil, nil); err != nil {
		return w, err
	}
	records, err := tx.ListMeetingRecords(ctx, coalitionID)
	if err != nil {
		return w, err
	}
	for i := range w.Meetings {
		w.Meetings[i].Agenda = records.Agenda[w.Meetings[i].ID]
	}
	w.Decisions, w.ActionItems, w.Turnout = records.Decisions, records.ActionItems, records.Turnout
	if w.Attendance, err = tx.ListCoalitionAttendance(ctx, coalitionID); err != nil {
		return w, err
	}
	if w.Commitments, err = tx.ListCommitments(ctx, coalitionID); err != nil {
		return w, err
	}
	if w.PhaseChanges, err = tx.ListPhaseChanges(ctx, coalitionID); err != nil {
		return w, err
	}
	w.Wins, err = tx.ListWins(ctx, coalitionID, false)
	return w, err
}

// writeWork inserts a bundle's work, each record after those it refers to: meetings
// before the tasks that came from them, tasks before the action items that became them.
func writeWork(ctx context.Context, tx *store.Tx, w bundle.WorkContents) error {
	for _, insert := range []func() error{
		func() error { return tx.InsertWorkstreams(ctx, w.Workstreams) },
		func() error { return tx.InsertMeetings(ctx, w.Meetings) },
		func() error { return tx.InsertTasks(ctx, w.Tasks) },
		func() error { return tx.InsertDecisions(ctx, w.Decisions) },
		func() error { return tx.InsertActionItems(ctx, w.ActionItems) },
		func() error { return tx.InsertTurnout(ctx, w.Turnout) },
		func() error { return tx.InsertAttendance(ctx, w.Attendance) },
		func() error { return tx.InsertCommitments(ctx, w.Commitments) },
		func() error { return tx.InsertPhaseChanges(ctx, w.PhaseChanges) },
		func() error { return tx.InsertWins(ctx, w.Wins) },
	} {
		if err := insert(); err != nil {
			return err
		}
	}
	return nil
}

// workIDs adds the ids of the bundle's work records, with their paths, to ids.
func workIDs(b *bundle.Bundle, ids recordIDs) {
	for i, w := range b.Workstreams {
		ids.add("workstreams", w.ID, "/workstreams/%d/id", i)
		for j, s := range w.Seats {
			ids.add("workstream_members", s.ID, "/workstreams/%d/seats/%d/id", i, j)
		}
	}
	for i, t := range b.Tasks {
		ids.add("tasks", t.ID, "/tasks/%d/id", i)
	}
	for i, m := range b.Meetings {
		ids.add("meetings", m.ID, "/meetings/%d/id", i)
		for j, a := range m.Agenda {
			ids.add("agenda_items", a.ID, "/meetings/%d/agenda/%d/id", i, j)
		}
		for j, d := range m.Decisions {
			ids.add("decisions", d.ID, "/meetings/%d/decisions/%d/id", i, j)
		}
		for j, a := range m.ActionItems {
			ids.add("action_items", a.ID, "/meetings/%d/action_items/%d/id", i, j)
		}
	}
	for i, a := range b.Attendance {
		ids.add("attendance", a.ID, "/attendance/%d/id", i)
	}
	for i, c := range b.Commitments {
		ids.add("commitments", c.ID, "/commitments/%d/id", i)
		for j, r := range c.Records {
			ids.add("commitment_records", r.ID, "/commitments/%d/records/%d/id", i, j)
		}
	}
	for i, p := range b.PhaseChanges {
		ids.add("phase_changes", p.ID, "/phase_changes/%d/id", i)
	}
	for i, w := range b.Wins {
		ids.add("wins", w.ID, "/wins/%d/id", i)
	}
}
