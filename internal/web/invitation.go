package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerInvitations(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/invitations", h.invitationList)
	r.HandleFunc("POST /coalitions/{id}/invitations", h.invitationCreate)
	r.HandleFunc("GET /invitations/{token}", h.invitationShow)
	r.HandleFunc("POST /invitations/{token}", h.invitationAccept)
}

// invitationRow is one invitation with its state: used, open or expired.
type invitationRow struct {
	domain.Invitation
	State string
}

// invitationsPage lists a coalition's invitations with the form to invite another
// organization. Link is the new invitation's URL, shown once right after creating it.
type invitationsPage struct {
	Coalition   *domain.Coalition
	Invitations []invitationRow
	Roles       []string
	Link        string
	LinkFor     string
}

// loadInvitations reads the coalition and its invitations (ManageMembers in app).
func (h *Handler) loadInvitations(r *http.Request) (*invitationsPage, error) {
	ctx, u := r.Context(), httpx.User(r.Context())
	perm, err := h.app.Authorize(ctx, u, r.PathValue("id"), app.ManageMembers)
	if err != nil {
		return nil, err
	}
	list, err := h.app.Invitations(ctx, u, perm.Coalition.ID)
	if err != nil {
		return nil, err
	}
	d := &invitationsPage{Coalition: perm.Coalition, Roles: domain.MembershipRoles}
	now := time.Now()
	for _, inv := range list {
		state := "open"
		if inv.AcceptedAt != nil {
			state = "used"
		} else if now.After(inv.ExpiresAt) {
			state = "expired"
		}
		d.Invitations = append(d.Invitations, invitationRow{Invitation: inv, State: state})
	}
	return d, nil
}

func (h *Handler) invitationList(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadInvitations(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "invitation.title", d)
	p.Title = p.T("invitation.title_of", "Coalition", d.Coalition.Name)
	h.render(w, r, http.StatusOK, "invitation_list", p)
}

func (h *Handler) invitationCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	f := r.PostForm
	in := domain.Invitation{OrganizationName: strings.TrimSpace(f.Get("organization_name")),
		Email: strings.TrimSpace(f.Get("email")), Role: f.Get("role"), MostImpacted: f.Get("most_impacted") != ""}
	inv, err := h.app.Invite(ctx, u, r.PathValue("id"), in)
	d, lerr := h.loadInvitations(r)
	if lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	p := h.page(r, "invitation.title", d)
	p.Title = p.T("invitation.title_of", "Coalition", d.Coalition.Name)
	if err != nil {
		if !h.formError(w, r, "invitation_list", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	// The token is shown now and never again: only its hash is stored.
	d.Link, d.LinkFor = h.absoluteURL(r, "/invitations/"+inv.Token), inv.OrganizationName
	h.render(w, r, http.StatusOK, "invitation_list", p)
}

// absoluteURL builds a link for sharing outside Braid, from the public address the server
// put in the request's context (the configured base URL, or the request's own host).
func (h *Handler) absoluteURL(r *http.Request, path string) string {
	return httpx.Origin(r.Context()) + path
}
