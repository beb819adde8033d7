package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// TaskInput is what a person sets on a task.
type TaskInput struct {
	WorkstreamID  string `json:"workstream_id"`
	Title         string `json:"title"`
	Description   string `json:"description"`
	OwnerOrgID    string `json:"owner_organization_id"`
	OwnerPersonID string `json:"owner_person_id"`
	DueOn         string `json:"due_on"`
	Status        string `json:"status"`
}

// TaskQuery filters a task list. Mine keeps the tasks of organizations the actor
// represents.
type TaskQuery struct {
	store.TaskFilter
	Mine bool
}

func (in TaskInput) task() domain.Task {
	t := domain.Task{WorkstreamID: in.WorkstreamID, Title: in.Title, Description: in.Description, OwnerOrgID: in.OwnerOrgID,
		OwnerPersonID: in.OwnerPersonID, DueOn: in.DueOn, Status: in.Status}
	if t.Status == "" {
		t.Status = domain.TaskOpen
	}
	return t
}

// Tasks returns a coalition's tasks, filtered.
func (a *App) Tasks(ctx context.Context, actor Actor, coalitionID string, q TaskQuery) ([]domain.Task, error) {
	var out []domain.Task
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if !q.Mine {
			out, err = tx.ListTasks(ctx, p.Coalition.ID, q.TaskFilter)
			return err
		}
		orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
		if err != nil {
			return err
		}
		out = []domain.Task{}
		for _, o := range orgs {
			if q.OrganizationID != "" && q.OrganizationID != o.ID {
				continue
			}
			f := q.TaskFilter
			f.OrganizationID = o.ID
			list, err := tx.ListTasks(ctx, p.Coalition.ID, f)
			if err != nil {
				return err
			}
			out = append(out, list...)
		}
		return nil
	})
	return out, err
}

// Task returns one task of a coalition.
func (a *App) Task(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Task, error) {
	var t *domain.Task
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		t, err = tx.FindTask(ctx, p.Coalition.ID, id)
		return err
	})
	return t, err
}

// CreateTask adds a task. Its workstream must be the coalition's and its owner a current
// member organization (EINVALID otherwise, and nothing is written).
func (a *App) CreateTask(ctx context.Context, actor Actor, coalitionID string, in TaskInput) (*domain.Task, error) {
	t := in.task()
	if err := t.Validate(); err != nil {
		return nil, err
	}
	var out *domain.Task
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageTasks)
		if err != nil {
			return err
		}
		out, err = createTask(ctx, tx, p.Coalition.ID, actor.ID, t)
		return err
	})
	return out, err
}

// createTask checks a validated task against the database and inserts it with its audit entry.
func createTask(ctx context.Context, tx *store.Tx, coalitionID, actorID string, t domain.Task) (*domain.Task, error) {
	if err := checkTaskRefs(ctx, tx, coalitionID, &t); err != nil {
		return nil, err
	}
	t.CoalitionID, t.CreatedBy = coalitionID, actorID
	if t.Status == domain.TaskDone {
		now := tx.Now
		t.DoneAt = &now
	}
	if err := tx.CreateTask(ctx, &t); err != nil {
		return nil, err
	}
	if err := tx.Audit(ctx, coalitionID, actorID, "task.create", "task", t.ID, taskFields(&t)); err != nil {
		return nil, err
	}
	return tx.FindTask(ctx, coalitionID, t.ID)
}

func checkTaskRefs(ctx context.Context, tx *store.Tx, coalitionID string, t *domain.Task) error {
	if _, err := tx.FindWorkstream(ctx, coalitionID, t.WorkstreamID); domain.ErrorCode(err) == domain.ENOTFOUND {
		return fieldError("workstream_id", "Choose one of the coalition's workstreams.")
	} else if err != nil {
		return err
	}
	if err := checkMemberOrg(ctx, tx, coalitionID, "owner_organization_id", t.OwnerOrgID); err != nil {
		return err
	}
	return checkPerson(ctx, tx, "owner_person_id", t.OwnerPersonID, t.OwnerOrgID)
}

// UpdateTask changes a task still at expectVersion. Moving it to done stamps the time it
// was done (which the tasks_led dimension counts); moving it out of done clears it.
func (a *App) UpdateTask(ctx context.Context, actor Actor, coalitionID, id string, in TaskInput, expectVersion int) (*domain.Task, error) {
	t := in.task()
	if err := t.Validate(); err != nil {
		return nil, err
	}
	var out *domain.Task
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageTasks)
		if err != nil {
			return err
		}
		before, err := tx.FindTask(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		if err := checkTaskRefs(ctx, tx, p.Coalition.ID, &t); err != nil {
			return err
		}
		t.ID, t.CoalitionID, t.DoneAt = before.ID, before.CoalitionID, before.DoneAt
		t.DoneAt = doneAt(before, t.Status, tx.Now)
		if err := tx.UpdateTask(ctx, &t, expectVersion); err != nil {
			return err
		}
		if err := tx.Audit(ctx, p.Coalition.ID, actor.ID, "task.update", "task", id, diff(taskFields(before), taskFields(&t))); err != nil {
			return err
		}
		out, err = tx.FindTask(ctx, p.Coalition.ID, id)
		return err
	})
	return out, err
}

// SetTaskStatus moves a task to a status, keeping everything else.
func (a *App) SetTaskStatus(ctx context.Context, actor Actor, coalitionID, id, status string, expectVersion int) (*domain.Task, error) {
	t, err := a.Task(ctx, actor, coalitionID, id)
	if err != nil {
		return nil, err
	}
	return a.UpdateTask(ctx, actor, coalitionID, id, TaskInput{WorkstreamID: t.WorkstreamID, Title: t.Title, Description: t.Description,
		OwnerOrgID: t.OwnerOrgID, OwnerPersonID: t.OwnerPersonID, DueOn: t.DueOn, Status: status}, expectVersion)
}

func doneAt(before *domain.Task, status string, now time.Time) *time.Time {
	switch {
	case status != domain.TaskDone:
		return nil
	case before.Status == domain.TaskDone && before.DoneAt != nil:
		return before.DoneAt
	}
	return &now
}

func taskFields(t *domain.Task) map[string]any {
	return map[string]any{"workstream_id": t.WorkstreamID, "title": t.Title, "description": t.Description,
		"owner_organization_id": t.OwnerOrgID, "owner_person_id": t.OwnerPersonID, "due_on": t.DueOn, "status": t.Status}
}
