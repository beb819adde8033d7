package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerSteppingBack(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/stepping-back", h.steppingBackShow)
	r.HandleFunc("POST /coalitions/{id}/stepping-back", h.steppingBackCreate)
	r.HandleFunc("POST /coalitions/{id}/stepping-back/{stepping_back_id}/return", h.steppingBackReturn)
}

// steppingBackView is the data of the stepping-back page.
type steppingBackView struct {
	Coalition   *domain.Coalition
	Now         time.Time
	Current     []domain.SteppingBack
	Past        []domain.SteppingBack
	Orgs        []domain.Membership // Organizations the viewer may step back for.
	CanManage   bool
	Mine        map[string]bool // Organization ids the viewer represents.
	Scopes      []string
	Reasons     []string
	Workstreams []option // for stepping back from one
}

func (h *Handler) loadSteppingBack(r *http.Request) (*steppingBackView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	list, err := h.app.SteppingBacks(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	mine, err := h.app.MyMemberships(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	v := &steppingBackView{Coalition: c, Now: time.Now(), CanManage: perm.Can(app.ManageMembers), Mine: map[string]bool{},
		Scopes: domain.SteppingBackScopes, Reasons: domain.SteppingBackReasons}
	streams, err := h.app.Workstreams(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	for _, ws := range streams {
		v.Workstreams = append(v.Workstreams, option{ws.ID, ws.Name})
	}
	for _, m := range mine {
		if m.Counts() {
			v.Orgs = append(v.Orgs, m)
			v.Mine[m.OrganizationID] = true
		}
	}
	for _, s := range list {
		if s.Active(v.Now) {
			v.Current = append(v.Current, s)
		} else {
			v.Past = append(v.Past, s)
		}
	}
	return v, nil
}

// steppingBackShow handles GET /coalitions/{id}/stepping-back.
func (h *Handler) steppingBackShow(w http.ResponseWriter, r *http.Request) {
	h.renderSteppingBack(w, r, http.StatusOK, nil)
}

func (h *Handler) renderSteppingBack(w http.ResponseWriter, r *http.Request, status int, formErr error) {
	p := h.page(r, "stepback.title", nil)
	view, err := h.loadSteppingBack(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	if formErr != nil {
		if !h.formError(w, r, "stepping_back", p, formErr) {
			h.fail(w, r, formErr)
		}
		return
	}
	h.render(w, r, status, "stepping_back", p)
}

// steppingBackCreate handles POST /coalitions/{id}/stepping-back.
func (h *Handler) steppingBackCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	in := app.SteppingBackInput{OrganizationID: f.Get("organization_id"), Scope: f.Get("scope"), WorkstreamID: f.Get("workstream_id"),
		Reason: f.Get("reason"), Note: f.Get("note")}
	if until := strings.TrimSpace(f.Get("until")); until != "" {
		t, err := time.Parse("2006-01-02", until)
		if err != nil {
			h.renderSteppingBack(w, r, 0, &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
				Fields: []domain.FieldError{{Field: "until", Message: "Choose a date."}}})
			return
		}
		in.Until = &t
	}
	if _, err := h.app.StepBack(r.Context(), httpx.User(r.Context()), r.PathValue("id"), in); err != nil {
		h.renderSteppingBack(w, r, 0, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("stepback.recorded"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/stepping-back", http.StatusSeeOther)
}

// steppingBackReturn handles POST /coalitions/{id}/stepping-back/{stepping_back_id}/return.
func (h *Handler) steppingBackReturn(w http.ResponseWriter, r *http.Request) {
	if _, err := h.app.ComeBack(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("stepping_back_id")); err != nil {
		h.renderSteppingBack(w, r, 0, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("stepback.returned"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/stepping-back", http.StatusSeeOther)
}
