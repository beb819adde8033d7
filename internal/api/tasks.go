package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/store"
	"github.com/danielgtaylor/huma/v2"
)

// TaskInput is a task as a person sets it.
type TaskInput struct {
	WorkstreamID  string     `json:"workstream_id" maxLength:"64"`
	Title         string     `json:"title" minLength:"1" maxLength:"200"`
	Description   string     `json:"description,omitempty" maxLength:"20000"`
	OwnerOrgID    string     `json:"owner_organization_id" maxLength:"64" doc:"A current member organization of the coalition."`
	OwnerPersonID string     `json:"owner_person_id,omitempty" maxLength:"64" doc:"A person affiliated with the owner organization."`
	DueOn         string     `json:"due_on,omitempty" maxLength:"10" doc:"YYYY-MM-DD."`
	Status        taskStatus `json:"status,omitempty" doc:"open when omitted."`
}

func (in TaskInput) app() app.TaskInput {
	return app.TaskInput{WorkstreamID: in.WorkstreamID, Title: in.Title, Description: in.Description, OwnerOrgID: in.OwnerOrgID,
		OwnerPersonID: in.OwnerPersonID, DueOn: in.DueOn, Status: string(in.Status)}
}

// TaskPath names a task of a coalition.
type TaskPath struct {
	CoalitionPath
	TaskID string `path:"task_id" maxLength:"64"`
}

type taskOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Task
}

type createdTask struct {
	ETag     string `header:"ETag" doc:"The version, for If-Match."`
	Location string `header:"Location"`
	Body     *domain.Task
}

func newCreatedTask(t *domain.Task) *createdTask {
	return &createdTask{ETag: etag(t.Version), Location: Prefix + "/coalitions/" + url.PathEscape(t.CoalitionID) + "/tasks/" + t.ID, Body: t}
}

func (x *API) registerTasks() {
	huma.Register(x.huma, operation("list-tasks", http.MethodGet, "/coalitions/{id}/tasks", "List tasks", "Tasks", signedIn,
		http.StatusNotFound), x.listTasks)
	huma.Register(x.huma, operation("create-task", http.MethodPost, "/coalitions/{id}/tasks", "Add a task", "Tasks", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createTask)
	huma.Register(x.huma, operation("get-task", http.MethodGet, "/coalitions/{id}/tasks/{task_id}", "Get a task", "Tasks", signedIn,
		http.StatusNotFound), x.getTask)
	huma.Register(x.huma, operation("update-task", http.MethodPut, "/coalitions/{id}/tasks/{task_id}", "Change a task (status, owner, due date…)", "Tasks", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateTask)
}

func (x *API) listTasks(ctx context.Context, in *struct {
	CoalitionPath
	WorkstreamID   string     `query:"workstream_id" maxLength:"64"`
	OrganizationID string     `query:"organization_id" maxLength:"64" doc:"Tasks owned by this organization."`
	Status         taskStatus `query:"status"`
	MeetingID      string     `query:"meeting_id" maxLength:"64" doc:"Tasks that came from this meeting's action items."`
	Mine           bool       `query:"mine" doc:"Only tasks of organizations you represent."`
}) (*struct{ Body []domain.Task }, error) {
	q := app.TaskQuery{TaskFilter: store.TaskFilter{WorkstreamID: in.WorkstreamID, OrganizationID: in.OrganizationID,
		Status: string(in.Status), MeetingID: in.MeetingID}, Mine: in.Mine}
	ts, err := x.app.Tasks(ctx, httpx.User(ctx), in.ID, q)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body []domain.Task }{orEmpty(ts)}, nil
}

func (x *API) createTask(ctx context.Context, in *struct {
	CoalitionPath
	Body TaskInput
}) (*createdTask, error) {
	t, err := x.app.CreateTask(ctx, httpx.User(ctx), in.ID, in.Body.app())
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return newCreatedTask(t), nil
}

func (x *API) getTask(ctx context.Context, in *TaskPath) (*taskOutput, error) {
	t, err := x.app.Task(ctx, httpx.User(ctx), in.ID, in.TaskID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &taskOutput{ETag: etag(t.Version), Body: t}, nil
}

func (x *API) updateTask(ctx context.Context, in *struct {
	TaskPath
	Precondition
	Body TaskInput
}) (*taskOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	t, err := x.app.UpdateTask(ctx, httpx.User(ctx), in.ID, in.TaskID, in.Body.app(), version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &taskOutput{ETag: etag(t.Version), Body: t}, nil
}
