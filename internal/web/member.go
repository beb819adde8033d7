package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerMembers(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/members", h.memberList)
	r.HandleFunc("GET /coalitions/{id}/members/{membership_id}", h.memberEdit)
	r.HandleFunc("POST /coalitions/{id}/members/{membership_id}", h.memberUpdate)
}

// memberRoster is one page of a coalition's roster.
type memberRoster struct {
	Coalition  *domain.Coalition
	Members    []domain.Membership
	NextCursor string
	// Paged is true past the first page, to offer a way back to it.
	Paged     bool
	CanManage bool
}

// memberPageSize keeps a roster page light on a phone and a slow connection.
const memberPageSize = 50

func (h *Handler) memberList(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	cursor := r.URL.Query().Get("cursor")
	page, err := h.app.Members(ctx, u, c.ID, cursor, memberPageSize)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := memberRoster{Coalition: c, Members: page.Items, NextCursor: page.NextCursor, Paged: cursor != "",
		CanManage: perm.Can(app.ManageMembers)}
	p := h.page(r, "member.title", d)
	p.Title = p.T("member.title_of", "Coalition", c.Name)
	h.render(w, r, http.StatusOK, "member_list", p)
}

// currentMemberCount counts the memberships that have not left.
func (h *Handler) currentMemberCount(r *http.Request, coalitionID string) (int, error) {
	return h.app.MemberCount(r.Context(), httpx.User(r.Context()), coalitionID)
}
