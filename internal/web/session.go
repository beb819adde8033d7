package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerSession(r *httpx.Router) {
	r.HandleFunc("GET /{$}", h.home)
	r.HandleFunc("GET /login", h.loginForm)
	r.HandleFunc("POST /login", h.login)
	r.HandleFunc("POST /logout", h.logout)
	r.HandleFunc("POST /language", h.setLanguage)
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "login.title", nil)
	p.Form["next"] = safeNext(r.URL.Query().Get("next"))
	h.render(w, r, http.StatusOK, "login", p)
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	u, err := h.app.Authenticate(r.Context(), r.PostForm.Get("email"), r.PostForm.Get("password"), httpx.ClientIP(r))
	if err != nil {
		if !h.formError(w, r, "login", h.page(r, "login.title", nil), err) {
			h.fail(w, r, err)
		}
		return
	}
	if err := h.signIn(r, u.ID); err != nil {
		h.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, safeNext(r.PostForm.Get("next")), http.StatusSeeOther)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if err := h.opts.Sessions.Destroy(r.Context()); err != nil {
		h.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// setLanguage remembers the chosen language: on the account when signed in, and in a
// cookie so that it also holds for visitors.
func (h *Handler) setLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.FormValue("lang")
	if !h.catalog.Supported(lang) {
		http.Error(w, "Unknown language", http.StatusBadRequest)
		return
	}
	if u := httpx.User(r.Context()); u != nil {
		if err := h.app.SetLocale(r.Context(), u, lang); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: "braid_lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.opts.Sessions.Cookie.Secure})
	http.Redirect(w, r, safeNext(r.FormValue("next")), http.StatusSeeOther)
}

// homeData is the home page: public coalitions for everyone, one's own when signed in.
type homeData struct {
	Mine   any
	Public any
}

func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var d homeData
	if u := httpx.User(ctx); u != nil {
		page, err := h.app.Coalitions(ctx, u, "", 200)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.Mine = page.Items
	}
	pub, err := h.app.PublicCoalitions(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Public = pub
	h.render(w, r, http.StatusOK, "home", h.page(r, "home.title", d))
}
