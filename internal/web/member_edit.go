package web

import (
	"net/http"
	"strconv"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// memberForm is the coordinator's form for one membership.
type memberForm struct {
	Coalition  *domain.Coalition
	Membership *domain.Membership
	Roles      []string
	Statuses   []string
	// Saved is the stored membership, shown next to the form after a stale edit.
	Saved *domain.Membership
}

func (h *Handler) memberEdit(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), httpx.User(r.Context())
	perm, err := h.app.Authorize(ctx, u, r.PathValue("id"), app.ManageMembers)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	m, err := h.app.Membership(ctx, u, perm.Coalition.ID, r.PathValue("membership_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := memberForm{Coalition: perm.Coalition, Membership: m, Roles: domain.MembershipRoles, Statuses: domain.MembershipStatuses}
	p := h.page(r, "member.edit_title", d)
	p.Title = p.T("member.edit_title_of", "Organization", m.Organization.Name)
	h.render(w, r, http.StatusOK, "member_edit", p)
}

func (h *Handler) memberUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	cid, mid := r.PathValue("id"), r.PathValue("membership_id")
	f := r.PostForm
	ch := app.MembershipChange{Role: f.Get("role"), MostImpacted: f.Get("most_impacted") != "",
		Status: f.Get("status"), StatusReason: f.Get("status_reason")}
	m, err := h.app.UpdateMembership(ctx, u, cid, mid, ch, postedVersion(r))
	p := h.page(r, "member.edit_title", nil)
	if err == nil {
		h.flash(r, p.T("member.saved", "Organization", m.Organization.Name))
		http.Redirect(w, r, "/coalitions/"+m.CoalitionID+"/members", http.StatusSeeOther)
		return
	}
	// The form needs the coalition and organization names; reading them also tells a
	// visitor without access that the page does not exist.
	c, _, cerr := h.app.Coalition(ctx, u, cid)
	if cerr != nil {
		h.fail(w, r, cerr)
		return
	}
	saved, serr := h.app.Membership(ctx, u, c.ID, mid)
	if serr != nil {
		h.fail(w, r, serr)
		return
	}
	d := memberForm{Coalition: c, Membership: saved, Roles: domain.MembershipRoles, Statuses: domain.MembershipStatuses}
	if domain.ErrorCode(err) == domain.EPRECONDITION {
		d.Saved = saved
		r.PostForm.Set("version", strconv.Itoa(saved.Version))
		err = &domain.Error{Code: domain.EPRECONDITION, Message: p.T("member.stale")}
	}
	p.Data = d
	p.Title = p.T("member.edit_title_of", "Organization", saved.Organization.Name)
	if !h.formError(w, r, "member_edit", p, err) {
		h.fail(w, r, err)
	}
}
