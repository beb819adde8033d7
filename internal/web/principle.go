package web

import (
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerPrinciples(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/principles", h.principlesShow)
	r.HandleFunc("POST /coalitions/{id}/principles", h.principleCreate)
	r.HandleFunc("POST /coalitions/{id}/principles/{principle_id}/versions", h.principleRevise)
	r.HandleFunc("POST /coalitions/{id}/adoptions", h.adoptionCreate)
}

// principlesShow handles GET /coalitions/{id}/principles.
func (h *Handler) principlesShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "principle.title", nil)
	view, err := h.loadPrinciples(r, p.Localizer)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = p.T("principle.title_of", "Coalition", view.Coalition.Name)
	h.render(w, r, http.StatusOK, "principles", p)
}

// principleCreate handles POST /coalitions/{id}/principles.
func (h *Handler) principleCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	text := app.PrincipleText{Title: r.PostForm.Get("title"), Body: r.PostForm.Get("body")}
	pr, err := h.app.CreatePrinciple(r.Context(), httpx.User(r.Context()), r.PathValue("id"), text)
	if err != nil {
		h.principlesError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("principle.created", "Title", pr.Current.Title))
	h.backToPrinciples(w, r, "p-"+pr.ID)
}

// principleRevise handles POST /coalitions/{id}/principles/{principle_id}/versions.
func (h *Handler) principleRevise(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	text := app.PrincipleText{Title: r.PostForm.Get("title"), Body: r.PostForm.Get("body")}
	pid := r.PathValue("principle_id")
	v, err := h.app.RevisePrinciple(r.Context(), httpx.User(r.Context()), r.PathValue("id"), pid, text)
	if err != nil {
		h.principlesError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("principle.revised", "Title", v.Title, "Version", v.Version))
	h.backToPrinciples(w, r, "p-"+pid)
}

// adoptionCreate handles POST /coalitions/{id}/adoptions.
func (h *Handler) adoptionCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	_, err := h.app.Adopt(r.Context(), httpx.User(r.Context()), r.PathValue("id"),
		r.PostForm.Get("membership_id"), r.PostForm.Get("principle_version_id"))
	if err != nil {
		h.principlesError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("principle.adopted"))
	h.backToPrinciples(w, r, "")
}

// principlesError shows the principles page again with the message of a failed form
// (422 invalid text, 403 role too weak, 409 already adopted), or fails the request.
func (h *Handler) principlesError(w http.ResponseWriter, r *http.Request, err error) {
	p := h.page(r, "principle.title", nil)
	view, verr := h.loadPrinciples(r, p.Localizer)
	if verr != nil {
		h.fail(w, r, verr)
		return
	}
	p.Data = view
	p.Title = p.T("principle.title_of", "Coalition", view.Coalition.Name)
	if domain.ErrorCode(err) == domain.ECONFLICT && r.PostForm.Has("principle_version_id") {
		err = &domain.Error{Code: domain.ECONFLICT, Message: p.T("principle.error.already_adopted")}
	}
	if !h.formError(w, r, "principles", p, err) {
		h.fail(w, r, err)
	}
}

func (h *Handler) backToPrinciples(w http.ResponseWriter, r *http.Request, anchor string) {
	target := "/coalitions/" + url.PathEscape(r.PathValue("id")) + "/principles"
	if anchor != "" {
		target += "#" + anchor
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
