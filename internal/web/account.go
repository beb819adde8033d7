package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerAccount(r *httpx.Router) {
	r.HandleFunc("GET /account", h.accountShow)
	r.HandleFunc("POST /account/tokens", h.accountTokenCreate)
	r.HandleFunc("POST /account/tokens/{id}/delete", h.accountTokenRevoke)
}

// accountPage is the signed-in person's own page. NewToken is shown once, right after
// it is created: only its hash is stored.
type accountPage struct {
	User          *domain.User
	Organizations []domain.Organization
	Tokens        []domain.APIToken
	NewToken      *domain.APIToken
}

func (h *Handler) loadAccount(r *http.Request) (*accountPage, error) {
	ctx, u := r.Context(), httpx.User(r.Context())
	orgs, err := h.app.MyOrganizations(ctx, u)
	if err != nil {
		return nil, err
	}
	tokens, err := h.app.ListAPITokens(ctx, u)
	if err != nil {
		return nil, err
	}
	return &accountPage{User: u, Organizations: orgs, Tokens: tokens}, nil
}

func (h *Handler) accountShow(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadAccount(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "account", h.page(r, "account.title", d))
}

func (h *Handler) accountTokenCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	t, err := h.app.CreateAPIToken(ctx, httpx.User(ctx), r.PostForm.Get("name"))
	d, lerr := h.loadAccount(r)
	if lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	p := h.page(r, "account.title", d)
	if err != nil {
		if !h.formError(w, r, "account", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	d.NewToken = t
	h.render(w, r, http.StatusOK, "account", p)
}

func (h *Handler) accountTokenRevoke(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := h.app.RevokeAPIToken(ctx, httpx.User(ctx), r.PathValue("id")); err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "account.title", nil)
	h.flash(r, p.T("account.token_revoked"))
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
