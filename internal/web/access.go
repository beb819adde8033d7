package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerAccess(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/access", h.accessList)
	r.HandleFunc("POST /coalitions/{id}/access/{user_id}", h.accessUpdate)
}

// accessPage lists the people with access to a coalition and their roles; coordinators
// get a form per person to change the role.
type accessPage struct {
	Coalition *domain.Coalition
	People    []accessPerson
	Roles     []string
	CanManage bool
	// Failed is the person whose change was refused: their form shows the error and the
	// role that was chosen.
	Failed string
}

// accessPerson is one person with access. Email is empty unless the viewer coordinates.
type accessPerson struct {
	UserID, Name, Email, Role string
	// Self marks the viewer's own row.
	Self bool
}

// loadAccess reads the coalition, the viewer's permission and the people with access.
func (h *Handler) loadAccess(r *http.Request) (*accessPage, error) {
	ctx, u := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, u, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	list, err := h.app.Access(ctx, u, c.ID)
	if err != nil {
		return nil, err
	}
	d := &accessPage{Coalition: c, Roles: domain.AccessRoles, CanManage: perm.Can(app.ManageMembers)}
	for _, a := range list {
		d.People = append(d.People, accessPerson{UserID: a.UserID, Name: a.UserName, Email: a.UserEmail, Role: a.Role,
			Self: u != nil && a.UserID == u.ID})
	}
	return d, nil
}

func (h *Handler) accessList(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadAccess(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "access.title", d)
	p.Title = p.T("access.title_of", "Coalition", d.Coalition.Name)
	h.render(w, r, http.StatusOK, "access", p)
}

// accessUpdate changes one person's role. A refused change (the last coordinator
// stepping down, an unknown role) shows the page again with the error at that person's
// form; anything else (not signed in, not a coordinator, no such person) is an error page.
func (h *Handler) accessUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	cid, uid, role := r.PathValue("id"), r.PathValue("user_id"), r.PostForm.Get("role")
	err := h.app.SetAccessRole(ctx, u, cid, uid, role)
	code := domain.ErrorCode(err)
	if err != nil && code != domain.ECONFLICT && code != domain.EINVALID {
		h.fail(w, r, err)
		return
	}
	// Reading the list also tells a visitor without access that the coalition does not
	// exist, before any error about the form is shown.
	d, lerr := h.loadAccess(r)
	if lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	p := h.page(r, "access.title", d)
	p.Title = p.T("access.title_of", "Coalition", d.Coalition.Name)
	if err != nil {
		h.accessRefused(w, r, p, uid, err)
		return
	}
	h.flash(r, p.T("access.saved", "Name", personName(d, uid), "Role", p.T("access.role."+role)))
	http.Redirect(w, r, "/coalitions/"+d.Coalition.ID+"/access", http.StatusSeeOther)
}

// accessRefused shows the page again after app refused to change uid's role (err is
// EINVALID or ECONFLICT): whose role was not changed at the top, and why at their form.
func (h *Handler) accessRefused(w http.ResponseWriter, r *http.Request, p *Page, uid string, err error) {
	d := p.Data.(*accessPage)
	// app checks the role before the permission: someone who may not change roles
	// learns that, not that the role was unknown.
	if !d.CanManage {
		if _, aerr := h.app.Authorize(r.Context(), httpx.User(r.Context()), d.Coalition.ID, app.ManageMembers); aerr != nil {
			err = aerr
		}
		h.fail(w, r, err)
		return
	}
	name := personName(d, uid)
	if name == "" {
		h.fail(w, r, domain.NotFound("Person with access"))
		return
	}
	d.Failed = uid
	code, why := domain.ErrorCode(err), p.T("access.bad_role")
	if code == domain.ECONFLICT {
		why = p.T("access.last_coordinator")
	}
	err = &domain.Error{Code: code, Message: p.T("access.not_changed", "Name", name),
		Fields: []domain.FieldError{{Field: "role", Message: why}}}
	if !h.formError(w, r, "access", p, err) {
		h.fail(w, r, err)
	}
}

// personName returns the name of the person with access whose user id is uid.
func personName(d *accessPage, uid string) string {
	for _, x := range d.People {
		if x.UserID == uid {
			return x.Name
		}
	}
	return ""
}
