package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// workBase is what every clarity page (workstreams, roles, tasks, meetings) needs: the
// coalition, what the viewer may do, and the choices its forms offer.
type workBase struct {
	Coalition      *domain.Coalition
	CanWorkstreams bool
	CanTasks       bool
	CanMeetings    bool
	CanAttend      bool
	Members        []option // current member organizations
	Workstreams    []domain.Workstream
	// WorkstreamOptions are the workstreams as choices of a select.
	WorkstreamOptions []option
	People            []option // "person id" → "name (organization)"
	Today             string
}

// loadWorkBase gathers the shared data through the use cases, which authorize.
func (h *Handler) loadWorkBase(r *http.Request) (*workBase, error) {
	ctx, user, id := r.Context(), httpx.User(r.Context()), r.PathValue("id")
	c, perm, err := h.app.Coalition(ctx, user, id)
	if err != nil {
		return nil, err
	}
	b := &workBase{Coalition: c, CanWorkstreams: perm.Can(app.ManageWorkstreams), CanTasks: perm.Can(app.ManageTasks),
		CanMeetings: perm.Can(app.ManageMeetings), CanAttend: perm.Can(app.RecordAttendance), Today: time.Now().UTC().Format(domain.DateLayout)}
	page, err := h.app.Members(ctx, user, c.ID, "", 200)
	if err != nil {
		return nil, err
	}
	for _, m := range page.Items {
		if m.Counts() && m.Organization != nil {
			b.Members = append(b.Members, option{m.OrganizationID, m.Organization.Name})
		}
	}
	if b.Workstreams, err = h.app.Workstreams(ctx, user, c.ID); err != nil {
		return nil, err
	}
	for _, ws := range b.Workstreams {
		b.WorkstreamOptions = append(b.WorkstreamOptions, option{ws.ID, ws.Name})
	}
	people, err := h.app.CoalitionPeople(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	orgName := map[string]string{}
	for _, m := range b.Members {
		orgName[m.Value] = m.Label
	}
	for _, p := range people {
		if name, ok := orgName[p.OrganizationID]; ok {
			b.People = append(b.People, option{p.Person.ID, p.Name + " (" + name + ")"})
		}
	}
	return b, nil
}

// coalitionPath is the path of a coalition's page under /coalitions/{id}.
func coalitionPath(r *http.Request, rest string) string {
	return "/coalitions/" + url.PathEscape(r.PathValue("id")) + rest
}

// showWorkPage renders a clarity page from its loader, or the loader's error.
func (h *Handler) showWorkPage(w http.ResponseWriter, r *http.Request, name, title string, load func(*http.Request) (any, string, error)) {
	data, heading, err := load(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, title, data)
	if heading != "" {
		p.Title = heading
	}
	h.render(w, r, http.StatusOK, name, p)
}

// workFormError shows a clarity page again with a failed form's message and values,
// or fails the request when the error is not about the form.
func (h *Handler) workFormError(w http.ResponseWriter, r *http.Request, name, title string, load func(*http.Request) (any, string, error), err error) {
	data, heading, lerr := load(r)
	if lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	p := h.page(r, title, data)
	if heading != "" {
		p.Title = heading
	}
	if !h.formError(w, r, name, p, err) {
		h.fail(w, r, err)
	}
}
