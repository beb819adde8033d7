package web

import (
	"net/http"
	"strconv"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/store"
)

func (h *Handler) registerTasks(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/tasks", h.tasksShow)
	r.HandleFunc("POST /coalitions/{id}/tasks", h.taskCreate)
	r.HandleFunc("POST /coalitions/{id}/tasks/{task_id}/status", h.taskStatus)
	r.HandleFunc("GET /coalitions/{id}/tasks/{task_id}/edit", h.taskEdit)
	r.HandleFunc("POST /coalitions/{id}/tasks/{task_id}/edit", h.taskUpdate)
}

// taskFormView is the page that changes a task: its title, workstream, owner, due date,
// status and description.
type taskFormView struct {
	*workBase
	Task     *domain.Task
	Statuses []string
}

func (h *Handler) loadTaskForm(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	t, err := h.app.Task(r.Context(), httpx.User(r.Context()), b.Coalition.ID, r.PathValue("task_id"))
	if err != nil {
		return nil, "", err
	}
	if !b.CanTasks {
		return nil, "", domain.Errorf(domain.EFORBIDDEN, "Your role in this coalition does not allow this.")
	}
	return &taskFormView{workBase: b, Task: t, Statuses: domain.TaskStatuses}, t.Title, nil
}

// taskEdit handles GET /coalitions/{id}/tasks/{task_id}/edit.
func (h *Handler) taskEdit(w http.ResponseWriter, r *http.Request) {
	data, title, err := h.loadTaskForm(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "work.tasks.edit_title", data)
	p.Title = p.T("work.tasks.edit_title") + " · " + title
	h.render(w, r, http.StatusOK, "task_edit", p)
}

// taskUpdate handles POST /coalitions/{id}/tasks/{task_id}/edit. A refused change shows
// the form again with what was typed; if someone changed the task meanwhile, the form
// names the version now saved, so that a second save knowingly replaces it.
func (h *Handler) taskUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	t, err := h.app.UpdateTask(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("task_id"), taskInputFromForm(r), version)
	if err != nil {
		if domain.ErrorCode(err) == domain.EPRECONDITION {
			err = &domain.Error{Code: domain.EPRECONDITION, Message: h.requestLocalizer(r).T("work.tasks.stale")}
		}
		h.workFormError(w, r, "task_edit", "work.tasks.edit_title", h.loadTaskForm, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.tasks.updated", "Title", t.Title))
	http.Redirect(w, r, coalitionPath(r, "/tasks#task-"+t.ID), http.StatusSeeOther)
}

// tasksView is the data of the tasks page: the viewer's organizations' tasks first, then
// the coalition's, filtered by workstream and status.
type tasksView struct {
	*workBase
	Mine, All        []taskRow
	HasOrganizations bool
	Statuses         []string
	Workstream       string // filter
	Status           string // filter
	Overdue          int
}

// taskRow is a task as a row, with whether it is overdue.
type taskRow struct {
	domain.Task
	Overdue bool
}

func (h *Handler) loadTasks(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	ctx, user := r.Context(), httpx.User(r.Context())
	v := &tasksView{workBase: b, Statuses: domain.TaskStatuses, Workstream: r.URL.Query().Get("workstream"), Status: r.URL.Query().Get("status")}
	if v.Status != "" && !domain.OneOf(v.Status, domain.TaskStatuses) {
		v.Status = ""
	}
	mine, err := h.app.MyMemberships(ctx, user, b.Coalition.ID)
	if err != nil {
		return nil, "", err
	}
	v.HasOrganizations = len(mine) > 0
	rows := func(q app.TaskQuery) ([]taskRow, error) {
		list, err := h.app.Tasks(ctx, user, b.Coalition.ID, q)
		out := make([]taskRow, 0, len(list))
		for _, t := range list {
			out = append(out, taskRow{Task: t, Overdue: t.Overdue(b.Today)})
		}
		return out, err
	}
	if v.HasOrganizations {
		if v.Mine, err = rows(app.TaskQuery{Mine: true}); err != nil {
			return nil, "", err
		}
	}
	if v.All, err = rows(app.TaskQuery{TaskFilter: store.TaskFilter{WorkstreamID: v.Workstream, Status: v.Status}}); err != nil {
		return nil, "", err
	}
	for _, t := range v.All {
		if t.Overdue {
			v.Overdue++
		}
	}
	return v, "", nil
}

func (h *Handler) tasksShow(w http.ResponseWriter, r *http.Request) {
	h.showWorkPage(w, r, "tasks", "work.tasks.title", h.loadTasks)
}

func (h *Handler) tasksError(w http.ResponseWriter, r *http.Request, err error) {
	h.workFormError(w, r, "tasks", "work.tasks.title", h.loadTasks, err)
}

func taskInputFromForm(r *http.Request) app.TaskInput {
	f := r.PostForm
	return app.TaskInput{WorkstreamID: f.Get("workstream_id"), Title: f.Get("title"), Description: f.Get("description"),
		OwnerOrgID: f.Get("owner_organization_id"), OwnerPersonID: f.Get("owner_person_id"), DueOn: f.Get("due_on"), Status: f.Get("status")}
}

// taskCreate handles POST /coalitions/{id}/tasks.
func (h *Handler) taskCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	t, err := h.app.CreateTask(r.Context(), httpx.User(r.Context()), r.PathValue("id"), taskInputFromForm(r))
	if err != nil {
		h.tasksError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.tasks.created", "Title", t.Title))
	http.Redirect(w, r, coalitionPath(r, "/tasks#task-"+t.ID), http.StatusSeeOther)
}

// taskStatus handles POST /coalitions/{id}/tasks/{task_id}/status.
func (h *Handler) taskStatus(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	version, err := strconv.Atoi(r.PostForm.Get("version"))
	if err != nil {
		version = 0
	}
	t, err := h.app.SetTaskStatus(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("task_id"), r.PostForm.Get("status"), version)
	if err != nil {
		h.tasksError(w, r, err)
		return
	}
	loc := h.requestLocalizer(r)
	h.flash(r, loc.T("work.tasks.status_changed", "Title", t.Title, "Status", loc.T("work.status."+t.Status)))
	http.Redirect(w, r, coalitionPath(r, "/tasks#task-"+t.ID), http.StatusSeeOther)
}
