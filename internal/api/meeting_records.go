package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewDecision notes a decision taken at a meeting.
type NewDecision struct {
	Text string `json:"text" minLength:"1" maxLength:"20000"`
}

// NewActionItem is a follow-up agreed at a meeting.
type NewActionItem struct {
	Text         string `json:"text" minLength:"1" maxLength:"200"`
	WorkstreamID string `json:"workstream_id,omitempty" maxLength:"64"`
	OwnerOrgID   string `json:"owner_organization_id,omitempty" maxLength:"64"`
	DueOn        string `json:"due_on,omitempty" maxLength:"10" doc:"YYYY-MM-DD."`
}

// ActionItemTask completes an action item into a task; omitted fields come from the item.
type ActionItemTask struct {
	WorkstreamID  string     `json:"workstream_id,omitempty" maxLength:"64"`
	Title         string     `json:"title,omitempty" maxLength:"200" doc:"The action item's text when omitted."`
	Description   string     `json:"description,omitempty" maxLength:"20000"`
	OwnerOrgID    string     `json:"owner_organization_id,omitempty" maxLength:"64"`
	OwnerPersonID string     `json:"owner_person_id,omitempty" maxLength:"64"`
	DueOn         string     `json:"due_on,omitempty" maxLength:"10"`
	Status        taskStatus `json:"status,omitempty"`
}

// NewAttendance records who attended.
type NewAttendance struct {
	OrganizationID string `json:"organization_id" maxLength:"64" doc:"A member organization."`
	PersonID       string `json:"person_id,omitempty" maxLength:"64" doc:"A person affiliated with it, if named."`
}

// TurnoutInput is how many people a member organization brought to an event.
type TurnoutInput struct {
	OrganizationID string `json:"organization_id" maxLength:"64"`
	People         int    `json:"people" minimum:"0" maximum:"1000000" doc:"0 clears the record."`
}

func (x *API) registerMeetingRecords() {
	huma.Register(x.huma, operation("add-decision", http.MethodPost, "/coalitions/{id}/meetings/{meeting_id}/decisions", "Note a decision of a meeting", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.addDecision)
	huma.Register(x.huma, operation("add-action-item", http.MethodPost, "/coalitions/{id}/meetings/{meeting_id}/action-items", "Add an action item to a meeting", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.addActionItem)
	huma.Register(x.huma, operation("action-item-to-task", http.MethodPost, "/coalitions/{id}/meetings/{meeting_id}/action-items/{action_item_id}/task", "Turn an action item into a task", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.actionItemToTask)
	huma.Register(x.huma, operation("record-attendance", http.MethodPost, "/coalitions/{id}/meetings/{meeting_id}/attendance", "Record that an organization (and a person of it) attended", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.recordAttendance)
	huma.Register(x.huma, operation("remove-attendance", http.MethodDelete, "/coalitions/{id}/meetings/{meeting_id}/attendance/{attendance_id}", "Remove an attendance record", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.removeAttendance)
	huma.Register(x.huma, operation("set-turnout", http.MethodPost, "/coalitions/{id}/meetings/{meeting_id}/turnout", "Record an organization's turnout to an event", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.setTurnout)
}

func (x *API) addDecision(ctx context.Context, in *struct {
	MeetingPath
	Body NewDecision
}) (*struct{ Body *domain.Decision }, error) {
	d, err := x.app.AddDecision(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.Body.Text)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Decision }{d}, nil
}

func (x *API) addActionItem(ctx context.Context, in *struct {
	MeetingPath
	Body NewActionItem
}) (*struct{ Body *domain.ActionItem }, error) {
	a, err := x.app.AddActionItem(ctx, httpx.User(ctx), in.ID, in.MeetingID, app.ActionItemInput(in.Body))
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.ActionItem }{a}, nil
}

func (x *API) actionItemToTask(ctx context.Context, in *struct {
	MeetingPath
	ActionItemID string `path:"action_item_id" maxLength:"64"`
	Body         ActionItemTask
}) (*createdTask, error) {
	b := in.Body
	t, err := x.app.ActionItemToTask(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.ActionItemID, app.TaskInput{WorkstreamID: b.WorkstreamID,
		Title: b.Title, Description: b.Description, OwnerOrgID: b.OwnerOrgID, OwnerPersonID: b.OwnerPersonID, DueOn: b.DueOn, Status: string(b.Status)})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return newCreatedTask(t), nil
}

func (x *API) recordAttendance(ctx context.Context, in *struct {
	MeetingPath
	Body NewAttendance
}) (*struct{ Body *domain.Attendance }, error) {
	a, err := x.app.RecordAttendance(ctx, httpx.User(ctx), in.ID, in.MeetingID, app.AttendanceInput(in.Body))
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Attendance }{a}, nil
}

func (x *API) removeAttendance(ctx context.Context, in *struct {
	MeetingPath
	AttendanceID string `path:"attendance_id" maxLength:"64"`
}) (*struct{}, error) {
	if err := x.app.RemoveAttendance(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.AttendanceID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}

func (x *API) setTurnout(ctx context.Context, in *struct {
	MeetingPath
	Body TurnoutInput
}) (*struct{ Body *domain.Turnout }, error) {
	t, err := x.app.SetTurnout(ctx, httpx.User(ctx), in.ID, in.MeetingID, domain.Turnout{OrganizationID: in.Body.OrganizationID, People: in.Body.People})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Turnout }{t}, nil
}
