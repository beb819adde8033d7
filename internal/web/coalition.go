package web

import (
	"html/template"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerCoalitions(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/new", h.coalitionNew)
	r.HandleFunc("POST /coalitions/new", h.coalitionCreate)
	r.HandleFunc("GET /coalitions/{id}", h.coalitionShow)
	r.HandleFunc("GET /coalitions/{id}/edit", h.coalitionEdit)
	r.HandleFunc("POST /coalitions/{id}/edit", h.coalitionUpdate)
}

// coalitionOverview is the coalition's home page: its charter, the way to every section,
// and the leadership equity summary.
type coalitionOverview struct {
	Coalition        *domain.Coalition
	MemberCount      int
	CanEdit          bool
	CanManageMembers bool
	Equity           template.HTML
	Timeline         *app.Timeline
	Momentum         *momentumView
}

func (h *Handler) coalitionShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, perm, err := h.app.Coalition(ctx, httpx.User(ctx), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	n, err := h.currentMemberCount(r, c.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	// The summary is a convenience: if it cannot be computed, the rest of the page still
	// serves the coalition, and the error is logged.
	eq, err := h.equitySummary(r, c.ID)
	if err != nil {
		h.opts.Log.Error("equity summary", "request_id", httpx.RequestID(ctx), "coalition", c.ID, "err", err)
	}
	d := coalitionOverview{Coalition: c, MemberCount: n, Equity: eq,
		CanEdit: perm.Can(app.EditCoalition), CanManageMembers: perm.Can(app.ManageMembers)}
	if d.Timeline, err = h.app.Timeline(ctx, httpx.User(ctx), c.ID); err != nil {
		h.opts.Log.Error("timeline", "request_id", httpx.RequestID(ctx), "coalition", c.ID, "err", err)
	}
	d.Momentum = h.coalitionMomentum(r, c.ID)
	p := h.page(r, "coalition.title", d)
	p.Title = c.Name
	h.render(w, r, http.StatusOK, "coalition_show", p)
}

// requireSignIn sends an anonymous visitor to the sign-in page for pages that show a form
// before any use case runs. It decides nothing else: the use case authorizes the action.
func (h *Handler) requireSignIn(w http.ResponseWriter, r *http.Request) bool {
	if httpx.User(r.Context()) != nil {
		return true
	}
	h.fail(w, r, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue."))
	return false
}
