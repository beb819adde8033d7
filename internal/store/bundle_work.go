package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// Bulk writes and coalition-wide reads of the clarity and momentum records (workstreams,
// tasks, meetings, attendance, commitments, phase changes, wins) for bundle import and
// export. Records are written as given, ids, times and versions included; the INSERT
// column lists are those of the single-row Create methods.

// InsertWorkstreams inserts workstreams with their seats (Members).
func (tx *Tx) InsertWorkstreams(ctx context.Context, ws []domain.Workstream) error {
	var seats []*domain.WorkstreamMember
	for i := range ws {
		for j := range ws[i].Members {
			ws[i].Members[j].WorkstreamID = ws[i].ID
			seats = append(seats, &ws[i].Members[j])
		}
	}
	if err := tx.insertAll(ctx, workstreamInsert, len(ws), func(i int) []any { return workstreamRow(&ws[i]) }); err != nil {
		return err
	}
	return tx.insertAll(ctx, seatInsert, len(seats), func(i int) []any { return seatRow(seats[i]) })
}

// InsertTasks inserts tasks; their workstreams and meetings must exist.
func (tx *Tx) InsertTasks(ctx context.Context, ts []domain.Task) error {
	return tx.insertAll(ctx, taskInsert, len(ts), func(i int) []any { return taskRow(&ts[i]) })
}

// InsertMeetings inserts meetings with their agendas, positions as given.
func (tx *Tx) InsertMeetings(ctx context.Context, ms []domain.Meeting) error {
	type item struct {
		meetingID string
		a         *domain.AgendaItem
	}
	var agenda []item
	for i := range ms {
		for j := range ms[i].Agenda {
			agenda = append(agenda, item{ms[i].ID, &ms[i].Agenda[j]})
		}
	}
	if err := tx.insertAll(ctx, meetingInsert, len(ms), func(i int) []any { return meetingRow(&ms[i]) }); err != nil {
		return err
	}
	return tx.insertAll(ctx, agendaInsert, len(agenda), func(i int) []any { return agendaRow(agenda[i].meetingID, agenda[i].a) })
}

// InsertDecisions inserts decisions of meetings.
func (tx *Tx) InsertDecisions(ctx context.Context, ds []domain.Decision) error {
	return tx.insertAll(ctx, decisionInsert, len(ds), func(i int) []any { return decisionRow(&ds[i]) })
}

// InsertActionItems inserts action items; the tasks they name must exist.
func (tx *Tx) InsertActionItems(ctx context.Context, as []domain.ActionItem) error {
	return tx.insertAll(ctx, actionItemInsert, len(as), func(i int) []any { return actionItemRow(&as[i]) })
}

// InsertTurnout inserts the turnout of events (people above zero).
func (tx *Tx) InsertTurnout(ctx context.Context, ts []domain.Turnout) error {
	return tx.insertAll(ctx, `INSERT INTO turnout (meeting_id, organization_id, people)`, len(ts), func(i int) []any {
		return []any{ts[i].MeetingID, ts[i].OrganizationID, ts[i].People}
	})
}

// InsertAttendance inserts attendance records.
func (tx *Tx) InsertAttendance(ctx context.Context, as []domain.Attendance) error {
	return tx.insertAll(ctx, attendanceInsert, len(as), func(i int) []any { return attendanceRow(&as[i]) })
}

// InsertCommitments inserts commitments with their records.
func (tx *Tx) InsertCommitments(ctx context.Context, cs []domain.Commitment) error {
	var records []*domain.CommitmentRecord
	for i := range cs {
		for j := range cs[i].Records {
			cs[i].Records[j].CommitmentID = cs[i].ID
			records = append(records, &cs[i].Records[j])
		}
	}
	if err := tx.insertAll(ctx, commitmentInsert, len(cs), func(i int) []any { return commitmentRow(&cs[i]) }); err != nil {
		return err
	}
	return tx.insertAll(ctx, commitmentRecordInsert, len(records), func(i int) []any { return commitmentRecordRow(records[i]) })
}

// InsertPhaseChanges inserts phase changes without touching the coalition's phase.
func (tx *Tx) InsertPhaseChanges(ctx context.Context, ps []domain.PhaseChange) error {
	return tx.insertAll(ctx, phaseChangeInsert, len(ps), func(i int) []any { return phaseChangeRow(&ps[i]) })
}

// InsertWins inserts wins with their credits, in order.
func (tx *Tx) InsertWins(ctx context.Context, ws []domain.Win) error {
	var credits [][]any
	for i := range ws {
		for j, c := range ws[i].Credits {
			credits = append(credits, creditRow(ws[i].ID, j, c))
		}
	}
	if err := tx.insertAll(ctx, winInsert, len(ws), func(i int) []any { return winRow(&ws[i]) }); err != nil {
		return err
	}
	return tx.insertAll(ctx, creditInsert, len(credits), func(i int) []any { return credits[i] })
}

// MeetingRecords are the agendas, decisions, action items and turnout of a
// coalition's meetings.
type MeetingRecords struct {
	Agenda      map[string][]domain.AgendaItem // by meeting id, by position
	Decisions   []domain.Decision
	ActionItems []domain.ActionItem
	Turnout     []domain.Turnout
}

// ListMeetingRecords returns what was planned, decided and agreed at every meeting of a
// coalition, and the turnout of its events, in four queries.
func (tx *Tx) ListMeetingRecords(ctx context.Context, coalitionID string) (MeetingRecords, error) {
	out := MeetingRecords{Agenda: map[string][]domain.AgendaItem{}, Decisions: []domain.Decision{},
		ActionItems: []domain.ActionItem{}, Turnout: []domain.Turnout{}}
	const ofCoalition = ` IN (SELECT id FROM meetings WHERE coalition_id = $1)`
	err := tx.scanAll(ctx, `SELECT meeting_id, id, position, title, presenter, minutes FROM agenda_items WHERE meeting_id`+ofCoalition+`
		ORDER BY meeting_id, position`, coalitionID, func(scan func(...any) error) error {
		var meetingID string
		var a domain.AgendaItem
		err := scan(&meetingID, &a.ID, &a.Position, &a.Title, &a.Presenter, &a.Minutes)
		out.Agenda[meetingID] = append(out.Agenda[meetingID], a)
		return err
	})
	if err != nil {
		return out, err
	}
	err = tx.scanAll(ctx, `SELECT id, meeting_id, text, created_at FROM decisions WHERE meeting_id`+ofCoalition+` ORDER BY id`, coalitionID,
		func(scan func(...any) error) error {
			var d domain.Decision
			err := scan(&d.ID, &d.MeetingID, &d.Text, timeCol{&d.CreatedAt})
			out.Decisions = append(out.Decisions, d)
			return err
		})
	if err != nil {
		return out, err
	}
	err = tx.scanAll(ctx, `SELECT `+actionItemCols+` FROM action_items WHERE meeting_id`+ofCoalition+` ORDER BY id`, coalitionID,
		func(scan func(...any) error) error {
			a, err := scanActionItem(scanner(scan))
			out.ActionItems = append(out.ActionItems, *a)
			return err
		})
	if err != nil {
		return out, err
	}
	err = tx.scanAll(ctx, `SELECT meeting_id, organization_id, people FROM turnout WHERE meeting_id`+ofCoalition+`
		ORDER BY meeting_id, organization_id`, coalitionID, func(scan func(...any) error) error {
		var t domain.Turnout
		err := scan(&t.MeetingID, &t.OrganizationID, &t.People)
		out.Turnout = append(out.Turnout, t)
		return err
	})
	return out, err
}

// scanner adapts a scan function to the interface the scanX helpers take.
type scanner func(...any) error

func (s scanner) Scan(dest ...any) error { return s(dest...) }

// scanAll runs a query of one argument and calls each for every row with its Scan.
func (tx *Tx) scanAll(ctx context.Context, q, arg string, each func(scan func(...any) error) error) error {
	rows, err := tx.query(ctx, q, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
