package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

const meetingCols = `m.id, m.coalition_id, m.title, m.kind, m.starts_at, m.ends_at, m.time_zone, m.place, m.link, m.languages,
	m.interpretation, m.access_notes, m.notes, m.created_by, m.version, m.created_at, m.updated_at`

func scanMeeting(row interface{ Scan(...any) error }) (*domain.Meeting, error) {
	var m domain.Meeting
	err := row.Scan(&m.ID, &m.CoalitionID, &m.Title, &m.Kind, timeCol{&m.StartsAt}, timeCol{&m.EndsAt}, &m.TimeZone, &m.Place, &m.Link,
		jsonCol{&m.Languages}, &m.Interpretation, &m.AccessNotes, &m.Notes, &m.CreatedBy, &m.Version, timeCol{&m.CreatedAt}, timeCol{&m.UpdatedAt})
	if m.Languages == nil {
		m.Languages = []string{}
	}
	return &m, err
}

// CreateMeeting inserts a meeting and its agenda.
func (tx *Tx) CreateMeeting(ctx context.Context, m *domain.Meeting) error {
	if m.ID == "" {
		m.ID = NewID()
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = tx.Now
	}
	if m.UpdatedAt.IsZero() {
		m.UpdatedAt = m.CreatedAt
	}
	if m.Version == 0 {
		m.Version = 1
	}
	if _, err := tx.insertOne(ctx, meetingInsert, meetingRow(m)); err != nil {
		return err
	}
	return tx.replaceAgenda(ctx, m)
}

// meetingInsert and meetingRow are shared by CreateMeeting and the bulk InsertMeetings.
const meetingInsert = `INSERT INTO meetings (id, coalition_id, title, kind, starts_at, ends_at, time_zone, place, link, languages,
	interpretation, access_notes, notes, created_by, version, created_at, updated_at)`

func meetingRow(m *domain.Meeting) []any {
	return []any{m.ID, m.CoalitionID, m.Title, m.Kind, formatTime(m.StartsAt), formatTime(m.EndsAt), m.TimeZone, m.Place, m.Link,
		jsonCol{m.Languages}, m.Interpretation, m.AccessNotes, m.Notes, m.CreatedBy, m.Version, formatTime(m.CreatedAt), formatTime(m.UpdatedAt)}
}

const agendaInsert = `INSERT INTO agenda_items (id, meeting_id, position, title, presenter, minutes)`

func agendaRow(meetingID string, a *domain.AgendaItem) []any {
	return []any{a.ID, meetingID, a.Position, a.Title, a.Presenter, a.Minutes}
}

// UpdateMeeting saves a meeting and replaces its agenda if the version still matches
// (EPRECONDITION).
func (tx *Tx) UpdateMeeting(ctx context.Context, m *domain.Meeting, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE meetings SET title = $1, kind = $2, starts_at = $3, ends_at = $4, time_zone = $5, place = $6, link = $7,
		languages = $8, interpretation = $9, access_notes = $10, notes = $11, version = version + 1, updated_at = $12
		WHERE id = $13 AND coalition_id = $14 AND version = $15`,
		m.Title, m.Kind, formatTime(m.StartsAt), formatTime(m.EndsAt), m.TimeZone, m.Place, m.Link, jsonCol{m.Languages},
		m.Interpretation, m.AccessNotes, m.Notes, formatTime(tx.Now), m.ID, m.CoalitionID, expectVersion)
	if err := mustAffect(res, err, "Meeting"); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if _, ferr := tx.FindMeeting(ctx, m.CoalitionID, m.ID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this meeting; reload to see their change.")
		}
		return err
	}
	m.Version, m.UpdatedAt = expectVersion+1, tx.Now
	return tx.replaceAgenda(ctx, m)
}

func (tx *Tx) replaceAgenda(ctx context.Context, m *domain.Meeting) error {
	if _, err := tx.exec(ctx, `DELETE FROM agenda_items WHERE meeting_id = $1`, m.ID); err != nil {
		return err
	}
	for i := range m.Agenda {
		a := &m.Agenda[i]
		if a.ID == "" {
			a.ID = NewID()
		}
		a.Position = i + 1
		if _, err := tx.insertOne(ctx, agendaInsert, agendaRow(m.ID, a)); err != nil {
			return err
		}
	}
	return nil
}

// FindMeeting returns a meeting of the coalition with its agenda (ENOTFOUND).
func (tx *Tx) FindMeeting(ctx context.Context, coalitionID, id string) (*domain.Meeting, error) {
	m, err := scanMeeting(tx.queryRow(ctx, `SELECT `+meetingCols+` FROM meetings m WHERE m.id = $1 AND m.coalition_id = $2`, id, coalitionID))
	if err != nil {
		return nil, notFound(err, "Meeting")
	}
	rows, err := tx.query(ctx, `SELECT id, position, title, presenter, minutes FROM agenda_items WHERE meeting_id = $1 ORDER BY position`, m.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m.Agenda = []domain.AgendaItem{}
	for rows.Next() {
		var a domain.AgendaItem
		if err := rows.Scan(&a.ID, &a.Position, &a.Title, &a.Presenter, &a.Minutes); err != nil {
			return nil, err
		}
		m.Agenda = append(m.Agenda, a)
	}
	return m, rows.Err()
}

// ListMeetings returns a coalition's meetings starting within [from, to] (nil bounds are
// open), earliest first, without their agendas.
func (tx *Tx) ListMeetings(ctx context.Context, coalitionID string, from, to *time.Time) ([]domain.Meeting, error) {
	q, args := periodBounds(`SELECT `+meetingCols+` FROM meetings m WHERE m.coalition_id = $1`, []any{coalitionID}, "m.starts_at", from, to)
	rows, err := tx.query(ctx, q+` ORDER BY m.starts_at, m.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Meeting{}
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *m)
	}
	return out, rows.Err()
}

// AddDecision notes a decision of a meeting.
func (tx *Tx) AddDecision(ctx context.Context, d *domain.Decision) error {
	if d.ID == "" {
		d.ID = NewID()
	}
	if d.CreatedAt.IsZero() {
		d.CreatedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, decisionInsert, decisionRow(d))
	return err
}

const decisionInsert = `INSERT INTO decisions (id, meeting_id, text, created_at)`

func decisionRow(d *domain.Decision) []any {
	return []any{d.ID, d.MeetingID, d.Text, formatTime(d.CreatedAt)}
}

// ListDecisions returns a meeting's decisions in the order they were noted.
func (tx *Tx) ListDecisions(ctx context.Context, meetingID string) ([]domain.Decision, error) {
	rows, err := tx.query(ctx, `SELECT id, meeting_id, text, created_at FROM decisions WHERE meeting_id = $1 ORDER BY created_at, id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Decision{}
	for rows.Next() {
		var d domain.Decision
		if err := rows.Scan(&d.ID, &d.MeetingID, &d.Text, timeCol{&d.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// AddActionItem records a follow-up agreed at a meeting.
func (tx *Tx) AddActionItem(ctx context.Context, a *domain.ActionItem) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, actionItemInsert, actionItemRow(a))
	return err
}

const actionItemInsert = `INSERT INTO action_items (id, meeting_id, text, workstream_id, owner_org_id, due_on, task_id, created_at)`

func actionItemRow(a *domain.ActionItem) []any {
	return []any{a.ID, a.MeetingID, a.Text, nullString(a.WorkstreamID), nullString(a.OwnerOrgID), nullString(a.DueOn),
		nullString(a.TaskID), formatTime(a.CreatedAt)}
}

const actionItemCols = `id, meeting_id, text, COALESCE(workstream_id, ''), COALESCE(owner_org_id, ''), COALESCE(due_on, ''), COALESCE(task_id, ''), created_at`

func scanActionItem(row interface{ Scan(...any) error }) (*domain.ActionItem, error) {
	var a domain.ActionItem
	err := row.Scan(&a.ID, &a.MeetingID, &a.Text, &a.WorkstreamID, &a.OwnerOrgID, &a.DueOn, &a.TaskID, timeCol{&a.CreatedAt})
	return &a, err
}

// FindActionItem returns an action item of a meeting (ENOTFOUND).
func (tx *Tx) FindActionItem(ctx context.Context, meetingID, id string) (*domain.ActionItem, error) {
	a, err := scanActionItem(tx.queryRow(ctx, `SELECT `+actionItemCols+` FROM action_items WHERE id = $1 AND meeting_id = $2`, id, meetingID))
	return a, notFound(err, "Action item")
}

// ListActionItems returns a meeting's action items in the order they were agreed.
func (tx *Tx) ListActionItems(ctx context.Context, meetingID string) ([]domain.ActionItem, error) {
	rows, err := tx.query(ctx, `SELECT `+actionItemCols+` FROM action_items WHERE meeting_id = $1 ORDER BY created_at, id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.ActionItem{}
	for rows.Next() {
		a, err := scanActionItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}

// LinkActionItemTask records the task an action item became; ECONFLICT when it already
// became one (the update only touches an item without a task).
func (tx *Tx) LinkActionItemTask(ctx context.Context, meetingID, id, taskID string) error {
	res, err := tx.exec(ctx, `UPDATE action_items SET task_id = $1 WHERE id = $2 AND meeting_id = $3 AND task_id IS NULL`, taskID, id, meetingID)
	if err := mustAffect(res, err, "Action item"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			if _, ferr := tx.FindActionItem(ctx, meetingID, id); ferr == nil {
				return domain.Errorf(domain.ECONFLICT, "This action item is already a task.")
			}
		}
		return err
	}
	return nil
}
