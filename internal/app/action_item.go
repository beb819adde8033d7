package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ActionItemInput is a follow-up agreed at a meeting. Workstream, owner and due date are
// optional until it becomes a task.
type ActionItemInput struct {
	Text         string `json:"text"`
	WorkstreamID string `json:"workstream_id"`
	OwnerOrgID   string `json:"owner_organization_id"`
	DueOn        string `json:"due_on"`
}

// AddActionItem records an action item of a meeting. A named owner must be a member and
// a named workstream the coalition's.
func (a *App) AddActionItem(ctx context.Context, actor Actor, coalitionID, meetingID string, in ActionItemInput) (*domain.ActionItem, error) {
	item := domain.ActionItem{Text: strings.TrimSpace(in.Text), WorkstreamID: strings.TrimSpace(in.WorkstreamID),
		OwnerOrgID: strings.TrimSpace(in.OwnerOrgID), DueOn: strings.TrimSpace(in.DueOn)}
	var v domain.Validation
	domain.CheckText(&v, "text", item.Text, 1, domain.MaxName)
	domain.CheckDate(&v, "due_on", item.DueOn)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, ManageMeetings)
		if err != nil {
			return err
		}
		if item.WorkstreamID != "" {
			if _, err := tx.FindWorkstream(ctx, p.Coalition.ID, item.WorkstreamID); domain.ErrorCode(err) == domain.ENOTFOUND {
				return fieldError("workstream_id", "Choose one of the coalition's workstreams.")
			} else if err != nil {
				return err
			}
		}
		if item.OwnerOrgID != "" {
			if err := checkMemberOrg(ctx, tx, p.Coalition.ID, "owner_organization_id", item.OwnerOrgID); err != nil {
				return err
			}
		}
		item.MeetingID = m.ID
		if err := tx.AddActionItem(ctx, &item); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.action_item", "meeting", m.ID,
			map[string]any{"text": item.Text, "workstream_id": item.WorkstreamID, "owner_organization_id": item.OwnerOrgID, "due_on": item.DueOn})
	})
	return &item, err
}

// ActionItemToTask turns an action item into a task of the meeting. Fields left empty
// in the input come from the action item (its text becomes the title). An item that
// already became a task is ECONFLICT; a task without a workstream or a member owner is
// EINVALID, and nothing is written.
func (a *App) ActionItemToTask(ctx context.Context, actor Actor, coalitionID, meetingID, itemID string, in TaskInput) (*domain.Task, error) {
	var out *domain.Task
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, ManageTasks)
		if err != nil {
			return err
		}
		item, err := tx.FindActionItem(ctx, m.ID, itemID)
		if err != nil {
			return err
		}
		if item.TaskID != "" {
			return domain.Errorf(domain.ECONFLICT, "This action item is already a task.")
		}
		t := in.task()
		t.Title = orDefault(t.Title, item.Text)
		t.WorkstreamID = orDefault(t.WorkstreamID, item.WorkstreamID)
		t.OwnerOrgID = orDefault(t.OwnerOrgID, item.OwnerOrgID)
		t.DueOn = orDefault(t.DueOn, item.DueOn)
		t.MeetingID = m.ID
		if err := t.Validate(); err != nil {
			return err
		}
		if out, err = createTask(ctx, tx, p.Coalition.ID, actor.ID, t); err != nil {
			return err
		}
		return tx.LinkActionItemTask(ctx, m.ID, item.ID, out.ID)
	})
	return out, err
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
