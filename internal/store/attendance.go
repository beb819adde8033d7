package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// AddAttendance records that a person of an organization (or the organization) attended
// a meeting; recording the same person and organization twice is ECONFLICT.
func (tx *Tx) AddAttendance(ctx context.Context, a *domain.Attendance) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	if a.RecordedAt.IsZero() {
		a.RecordedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, attendanceInsert, attendanceRow(a))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This attendance is already recorded.")
	}
	return err
}

const attendanceInsert = `INSERT INTO attendance (id, meeting_id, organization_id, person_id, recorded_by, recorded_at)`

func attendanceRow(a *domain.Attendance) []any {
	return []any{a.ID, a.MeetingID, a.OrganizationID, a.PersonID, a.RecordedBy, formatTime(a.RecordedAt)}
}

// RemoveAttendance deletes an attendance record of a meeting (ENOTFOUND).
func (tx *Tx) RemoveAttendance(ctx context.Context, meetingID, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM attendance WHERE id = $1 AND meeting_id = $2`, id, meetingID)
	return mustAffect(res, err, "Attendance")
}

// ListAttendance returns a meeting's attendance by organization and person name.
func (tx *Tx) ListAttendance(ctx context.Context, meetingID string) ([]domain.Attendance, error) {
	return tx.listAttendance(ctx, `a.meeting_id = $1`, meetingID)
}

// ListCoalitionAttendance returns the attendance at every meeting of a coalition.
func (tx *Tx) ListCoalitionAttendance(ctx context.Context, coalitionID string) ([]domain.Attendance, error) {
	return tx.listAttendance(ctx, `a.meeting_id IN (SELECT id FROM meetings WHERE coalition_id = $1)`, coalitionID)
}

func (tx *Tx) listAttendance(ctx context.Context, where, arg string) ([]domain.Attendance, error) {
	rows, err := tx.query(ctx, `SELECT a.id, a.meeting_id, a.organization_id, o.name, a.person_id, COALESCE(p.name, ''), a.recorded_by, a.recorded_at
		FROM attendance a JOIN organizations o ON o.id = a.organization_id LEFT JOIN people p ON p.id = a.person_id
		WHERE `+where+` ORDER BY a.meeting_id, o.name, COALESCE(p.name, ''), a.id`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Attendance{}
	for rows.Next() {
		var a domain.Attendance
		if err := rows.Scan(&a.ID, &a.MeetingID, &a.OrganizationID, &a.OrganizationName, &a.PersonID, &a.PersonName, &a.RecordedBy, timeCol{&a.RecordedAt}); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CountMeetingsAttended counts, per organization, the distinct meetings of the coalition
// starting within [from, to] (nil bounds are open) at which it has an attendance record.
func (tx *Tx) CountMeetingsAttended(ctx context.Context, coalitionID string, from, to *time.Time) (map[string]int, error) {
	q, args := periodBounds(`SELECT a.organization_id, COUNT(DISTINCT a.meeting_id) FROM attendance a JOIN meetings m ON m.id = a.meeting_id
		WHERE m.coalition_id = $1`, []any{coalitionID}, "m.starts_at", from, to)
	return tx.countByOrg(ctx, q+` GROUP BY a.organization_id`, args...)
}

// SetTurnout records how many people an organization turned out to an event; 0 removes
// the record.
func (tx *Tx) SetTurnout(ctx context.Context, t domain.Turnout) error {
	if t.People == 0 {
		_, err := tx.exec(ctx, `DELETE FROM turnout WHERE meeting_id = $1 AND organization_id = $2`, t.MeetingID, t.OrganizationID)
		return err
	}
	_, err := tx.exec(ctx, `INSERT INTO turnout (meeting_id, organization_id, people) VALUES ($1, $2, $3)
		ON CONFLICT (meeting_id, organization_id) DO UPDATE SET people = excluded.people`, t.MeetingID, t.OrganizationID, t.People)
	return err
}

// ListTurnout returns an event's turnout by organization name.
func (tx *Tx) ListTurnout(ctx context.Context, meetingID string) ([]domain.Turnout, error) {
	rows, err := tx.query(ctx, `SELECT t.meeting_id, t.organization_id, o.name, t.people FROM turnout t JOIN organizations o ON o.id = t.organization_id
		WHERE t.meeting_id = $1 ORDER BY o.name, t.organization_id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Turnout{}
	for rows.Next() {
		var t domain.Turnout
		if err := rows.Scan(&t.MeetingID, &t.OrganizationID, &t.OrganizationName, &t.People); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
