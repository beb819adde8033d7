package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerWorkstreams(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/workstreams", h.workstreamsShow)
	r.HandleFunc("POST /coalitions/{id}/workstreams", h.workstreamCreate)
	r.HandleFunc("POST /coalitions/{id}/workstreams/{workstream_id}/members", h.seatAdd)
	r.HandleFunc("POST /coalitions/{id}/workstreams/{workstream_id}/members/{seat_id}/delete", h.seatRemove)
	r.HandleFunc("GET /coalitions/{id}/roles", h.rolesShow)
	h.registerTasks(r)
	h.registerMeetings(r)
}

// workstreamsView is the data of the workstreams page.
type workstreamsView struct {
	*workBase
	Roles []string
}

func (h *Handler) loadWorkstreams(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	return &workstreamsView{workBase: b, Roles: domain.WorkstreamRoles}, "", nil
}

func (h *Handler) workstreamsShow(w http.ResponseWriter, r *http.Request) {
	h.showWorkPage(w, r, "workstreams", "work.workstreams.title", h.loadWorkstreams)
}

func (h *Handler) workstreamsError(w http.ResponseWriter, r *http.Request, err error) {
	h.workFormError(w, r, "workstreams", "work.workstreams.title", h.loadWorkstreams, err)
}

// workstreamCreate handles POST /coalitions/{id}/workstreams.
func (h *Handler) workstreamCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ws, err := h.app.CreateWorkstream(r.Context(), httpx.User(r.Context()), r.PathValue("id"),
		app.WorkstreamText{Name: r.PostForm.Get("name"), Description: r.PostForm.Get("description")})
	if err != nil {
		h.workstreamsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.workstreams.created", "Name", ws.Name))
	http.Redirect(w, r, coalitionPath(r, "/workstreams#ws-"+ws.ID), http.StatusSeeOther)
}

// seatAdd handles POST /coalitions/{id}/workstreams/{workstream_id}/members.
func (h *Handler) seatAdd(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	wsID := r.PathValue("workstream_id")
	_, err := h.app.AddSeat(r.Context(), httpx.User(r.Context()), r.PathValue("id"), wsID, app.Seat{
		OrganizationID: r.PostForm.Get("organization_id"), PersonID: r.PostForm.Get("person_id"), Role: r.PostForm.Get("role")})
	if err != nil {
		h.workstreamsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.workstreams.seat_added"))
	http.Redirect(w, r, coalitionPath(r, "/workstreams#ws-"+wsID), http.StatusSeeOther)
}

// seatRemove handles POST /coalitions/{id}/workstreams/{workstream_id}/members/{seat_id}/delete.
func (h *Handler) seatRemove(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	wsID := r.PathValue("workstream_id")
	if err := h.app.RemoveSeat(r.Context(), httpx.User(r.Context()), r.PathValue("id"), wsID, r.PathValue("seat_id")); err != nil {
		h.workstreamsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.workstreams.seat_removed"))
	http.Redirect(w, r, coalitionPath(r, "/workstreams#ws-"+wsID), http.StatusSeeOther)
}

// rolesView is the one-page roles and responsibilities view.
type rolesView struct {
	*workBase
	Streams       []streamRoles
	Organizations []orgRoles
}

// streamRoles is who leads and who is in one workstream, with what needs attention.
type streamRoles struct {
	ID, Name, Description     string
	Leads, CoLeads, Members   []string
	NoLead, SingleOrg, NoSeat bool
}

// orgRoles is what one member organization leads and is part of.
type orgRoles struct {
	Name                     string
	Leads, CoLeads, MemberOf []string
}

func (h *Handler) loadRoles(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	v := &rolesView{workBase: b}
	byOrg := map[string]*orgRoles{}
	for _, m := range b.Members {
		byOrg[m.Value] = &orgRoles{Name: m.Label}
	}
	for _, ws := range b.Workstreams {
		s := streamRoles{ID: ws.ID, Name: ws.Name, Description: ws.Description}
		for _, seat := range ws.Members {
			label := seat.OrganizationName
			if seat.PersonName != "" {
				label += " (" + seat.PersonName + ")"
			}
			o := byOrg[seat.OrganizationID]
			switch seat.Role {
			case domain.RoleLead:
				s.Leads = append(s.Leads, label)
				if o != nil {
					o.Leads = append(o.Leads, ws.Name)
				}
			case domain.RoleCoLead:
				s.CoLeads = append(s.CoLeads, label)
				if o != nil {
					o.CoLeads = append(o.CoLeads, ws.Name)
				}
			default:
				s.Members = append(s.Members, label)
				if o != nil {
					o.MemberOf = append(o.MemberOf, ws.Name)
				}
			}
		}
		n := ws.Organizations()
		s.NoSeat, s.NoLead, s.SingleOrg = n == 0, len(ws.Leads()) == 0, n == 1
		v.Streams = append(v.Streams, s)
	}
	for _, m := range b.Members {
		v.Organizations = append(v.Organizations, *byOrg[m.Value])
	}
	return v, "", nil
}

func (h *Handler) rolesShow(w http.ResponseWriter, r *http.Request) {
	h.showWorkPage(w, r, "roles", "work.roles.title", h.loadRoles)
}
