package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

const taskCols = `t.id, t.coalition_id, t.workstream_id, w.name, t.title, t.description, t.owner_org_id, o.name,
	t.owner_person_id, COALESCE(t.due_on, ''), t.status, COALESCE(t.meeting_id, ''), t.done_at, t.created_by, t.version, t.created_at, t.updated_at`

const taskFrom = ` FROM tasks t JOIN workstreams w ON w.id = t.workstream_id JOIN organizations o ON o.id = t.owner_org_id`

func scanTask(row interface{ Scan(...any) error }) (*domain.Task, error) {
	var t domain.Task
	err := row.Scan(&t.ID, &t.CoalitionID, &t.WorkstreamID, &t.WorkstreamName, &t.Title, &t.Description, &t.OwnerOrgID, &t.OwnerOrgName,
		&t.OwnerPersonID, &t.DueOn, &t.Status, &t.MeetingID, nullTimeCol{&t.DoneAt}, &t.CreatedBy, &t.Version, timeCol{&t.CreatedAt}, timeCol{&t.UpdatedAt})
	return &t, err
}

// CreateTask inserts a task.
func (tx *Tx) CreateTask(ctx context.Context, t *domain.Task) error {
	if t.ID == "" {
		t.ID = NewID()
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = tx.Now
	}
	if t.UpdatedAt.IsZero() {
		t.UpdatedAt = t.CreatedAt
	}
	if t.Version == 0 {
		t.Version = 1
	}
	_, err := tx.insertOne(ctx, taskInsert, taskRow(t))
	return err
}

// taskInsert and taskRow are shared by CreateTask and the bulk InsertTasks.
const taskInsert = `INSERT INTO tasks (id, coalition_id, workstream_id, title, description, owner_org_id, owner_person_id,
	due_on, status, meeting_id, done_at, created_by, version, created_at, updated_at)`

func taskRow(t *domain.Task) []any {
	return []any{t.ID, t.CoalitionID, t.WorkstreamID, t.Title, t.Description, t.OwnerOrgID, t.OwnerPersonID, nullString(t.DueOn), t.Status,
		nullString(t.MeetingID), formatTimePtr(t.DoneAt), t.CreatedBy, t.Version, formatTime(t.CreatedAt), formatTime(t.UpdatedAt)}
}

// FindTask returns a task of the coalition (ENOTFOUND, also for another coalition's).
func (tx *Tx) FindTask(ctx context.Context, coalitionID, id string) (*domain.Task, error) {
	t, err := scanTask(tx.queryRow(ctx, `SELECT `+taskCols+taskFrom+` WHERE t.id = $1 AND t.coalition_id = $2`, id, coalitionID))
	return t, notFound(err, "Task")
}

// UpdateTask saves a task's fields if the version still matches (EPRECONDITION).
func (tx *Tx) UpdateTask(ctx context.Context, t *domain.Task, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE tasks SET workstream_id = $1, title = $2, description = $3, owner_org_id = $4, owner_person_id = $5,
		due_on = $6, status = $7, done_at = $8, version = version + 1, updated_at = $9
		WHERE id = $10 AND coalition_id = $11 AND version = $12`,
		t.WorkstreamID, t.Title, t.Description, t.OwnerOrgID, t.OwnerPersonID, nullString(t.DueOn), t.Status, formatTimePtr(t.DoneAt),
		formatTime(tx.Now), t.ID, t.CoalitionID, expectVersion)
	if err := mustAffect(res, err, "Task"); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if _, ferr := tx.FindTask(ctx, t.CoalitionID, t.ID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this task; reload to see their change.")
		}
		return err
	}
	t.Version, t.UpdatedAt = expectVersion+1, tx.Now
	return nil
}

// TaskFilter narrows a task list; empty fields do not filter.
type TaskFilter struct {
	WorkstreamID   string
	OrganizationID string
	Status         string
	MeetingID      string
}

// ListTasks returns a coalition's tasks: by due date (undated last), then title.
func (tx *Tx) ListTasks(ctx context.Context, coalitionID string, f TaskFilter) ([]domain.Task, error) {
	q := `SELECT ` + taskCols + taskFrom + ` WHERE t.coalition_id = $1`
	args := []any{coalitionID}
	for _, c := range []struct{ col, v string }{{"t.workstream_id", f.WorkstreamID}, {"t.owner_org_id", f.OrganizationID},
		{"t.status", f.Status}, {"t.meeting_id", f.MeetingID}} {
		if c.v != "" {
			args = append(args, c.v)
			q += ` AND ` + c.col + ` = ` + placeholders(len(args), 1)
		}
	}
	q += ` ORDER BY CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, t.title, t.id`
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Task{}
	for rows.Next() {
		t, err := scanTask(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, rows.Err()
}

// CountTasksDone counts, per owning organization, the coalition's tasks whose status is
// done and which were marked done within [from, to] (nil bounds are open).
func (tx *Tx) CountTasksDone(ctx context.Context, coalitionID string, from, to *time.Time) (map[string]int, error) {
	q := `SELECT owner_org_id, COUNT(*) FROM tasks WHERE coalition_id = $1 AND status = 'done' AND done_at IS NOT NULL`
	args := []any{coalitionID}
	q, args = periodBounds(q, args, "done_at", from, to)
	return tx.countByOrg(ctx, q+` GROUP BY owner_org_id`, args...)
}

// periodBounds appends inclusive bounds on a stored time column.
func periodBounds(q string, args []any, col string, from, to *time.Time) (string, []any) {
	if from != nil {
		args = append(args, formatTime(*from))
		q += ` AND ` + col + ` >= ` + placeholders(len(args), 1)
	}
	if to != nil {
		args = append(args, formatTime(*to))
		q += ` AND ` + col + ` <= ` + placeholders(len(args), 1)
	}
	return q, args
}

func (tx *Tx) countByOrg(ctx context.Context, q string, args ...any) (map[string]int, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var org string
		var n int
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		out[org] = n
	}
	return out, rows.Err()
}

// TaskDoneTimes returns when each of the coalition's done tasks was marked done, for
// those marked done on or after from, earliest first.
func (tx *Tx) TaskDoneTimes(ctx context.Context, coalitionID string, from time.Time) ([]time.Time, error) {
	rows, err := tx.query(ctx, `SELECT done_at FROM tasks WHERE coalition_id = $1 AND status = 'done' AND done_at IS NOT NULL
		AND done_at >= $2 ORDER BY done_at`, coalitionID, formatTime(from))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []time.Time{}
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(timeCol{&t}); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
