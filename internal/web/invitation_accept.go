package web

import (
	"net/http"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// invitationOrgOption is one choice of organization when accepting while signed in.
type invitationOrgOption struct{ Value, Label string }

// invitationAcceptPage is the page behind an invitation link.
type invitationAcceptPage struct {
	Token      string
	Coalition  *domain.Coalition
	Invitation *domain.Invitation
	SignedIn   bool
	// Options lists the organizations the person represents, after "create a new one".
	Options []invitationOrgOption
	// Chosen is the option selected at first: an organization of the invited name, if any.
	Chosen   string
	LoginURL string
}

// loadInvitationAccept reads an open invitation (ENOTFOUND unknown or expired, ECONFLICT
// used) and, for a signed-in person, the organizations they could accept for.
func (h *Handler) loadInvitationAccept(r *http.Request) (*invitationAcceptPage, error) {
	ctx, u := r.Context(), httpx.User(r.Context())
	token := r.PathValue("token")
	info, err := h.app.InvitationByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	d := &invitationAcceptPage{Token: token, Coalition: info.Coalition, Invitation: info.Invitation,
		SignedIn: u != nil, LoginURL: "/login?next=" + urlQueryEscape("/invitations/"+token)}
	if u == nil {
		return d, nil
	}
	orgs, err := h.app.MyOrganizations(ctx, u)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		d.Options = append(d.Options, invitationOrgOption{Value: o.ID, Label: o.Name})
		if strings.EqualFold(o.Name, info.Invitation.OrganizationName) {
			d.Chosen = o.ID
		}
	}
	return d, nil
}

func (h *Handler) invitationPage(r *http.Request, d *invitationAcceptPage) *Page {
	p := h.page(r, "invitation.accept_title", d)
	p.Title = p.T("invitation.accept_title_of", "Coalition", d.Coalition.Name)
	if d.SignedIn && len(d.Options) > 0 {
		d.Options = append([]invitationOrgOption{{Value: "", Label: p.T("invitation.new_organization")}}, d.Options...)
	}
	return p
}

func (h *Handler) invitationShow(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadInvitationAccept(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "invitation_accept", h.invitationPage(r, d))
}

func (h *Handler) invitationAccept(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	f := r.PostForm
	acc := app.Acceptance{
		Account:          app.NewAccount{Name: f.Get("name"), Email: f.Get("email"), Password: f.Get("password")},
		OrganizationID:   f.Get("organization_id"),
		OrganizationName: strings.TrimSpace(f.Get("organization_name")),
	}
	m, user, err := h.app.AcceptInvitation(ctx, u, r.PathValue("token"), acc)
	if err != nil {
		// A used, expired or unknown link gets its own page; other problems show the form again.
		d, lerr := h.loadInvitationAccept(r)
		if lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		if !h.formError(w, r, "invitation_accept", h.invitationPage(r, d), err) {
			h.fail(w, r, err)
		}
		return
	}
	if u == nil {
		if err := h.signIn(r, user.ID); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	p := h.page(r, "invitation.accept_title", nil)
	h.flash(r, p.T("invitation.welcome"))
	http.Redirect(w, r, "/organizations/"+m.OrganizationID+"/edit", http.StatusSeeOther)
}
