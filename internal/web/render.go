package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

//go:embed templates
var templateFiles embed.FS

// Page is what every template receives. Handlers put their own data in Data.
type Page struct {
	*i18n.Localizer
	Title     string
	User      *domain.User
	Languages []i18n.Language
	Path      string
	Flash     string
	// Form holds submitted values to show again after an error; Errors the message per field.
	Form   map[string]string
	Errors map[string]string
	// Error is a message for the whole form or page.
	Error string
	Data  any
}

// FieldError returns the error for a field, "" if none.
func (p *Page) FieldError(field string) string { return p.Errors[field] }

// Value returns a submitted value, or def when the form was not submitted.
func (p *Page) Value(field, def string) string {
	if v, ok := p.Form[field]; ok {
		return v
	}
	return def
}

// parseTemplates parses the layout and partials once, then each page on its own clone.
func (h *Handler) parseTemplates() error {
	funcs := template.FuncMap{
		"asset": h.assets.URL,
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02")
		},
		"datetime": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 MST") },
		"join":     strings.Join,
		"kb":       func(n int) float64 { return float64(n) / 1024 },
		"pct":      func(f float64) string { return fmt.Sprintf("%.1f%%", f*100) },
		"fixed":    func(f float64, digits int) string { return fmt.Sprintf("%.*f", digits, f) },
		"has":      func(list []string, v string) bool { return domain.OneOf(v, list) },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
	}
	base, err := template.New("layout").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return err
	}
	pages, err := fs.Glob(templateFiles, "templates/pages/*.html")
	if err != nil {
		return err
	}
	h.pages = map[string]*template.Template{}
	for _, p := range pages {
		t, err := template.Must(base.Clone()).ParseFS(templateFiles, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/pages/"), ".html")
		h.pages[name] = t
	}
	return nil
}

// requestLocalizer picks the reader's language among those offered: the account's
// setting, then the cookie, then Accept-Language. A setting for a language no longer
// offered is passed over, so the cookie still counts.
func (h *Handler) requestLocalizer(r *http.Request) *i18n.Localizer {
	pref := ""
	if u := httpx.User(r.Context()); u != nil {
		pref = u.Locale
	}
	if !h.catalog.Supported(pref) {
		if c, err := r.Cookie("braid_lang"); err == nil {
			pref = c.Value
		}
	}
	return h.catalog.For(h.catalog.Pick(pref, r))
}

// page returns a Page for the request with the localizer and user filled in.
func (h *Handler) page(r *http.Request, title string, data any) *Page {
	u := httpx.User(r.Context())
	loc := h.requestLocalizer(r)
	p := &Page{Localizer: loc, User: u, Languages: h.catalog.Offered, Path: r.URL.RequestURI(), Data: data,
		Form: map[string]string{}, Errors: map[string]string{}}
	p.Title = loc.T(title)
	p.Flash = h.opts.Sessions.PopString(r.Context(), "flash")
	return p
}

// render writes a page template with status. Rendering goes to a buffer first so that a
// template error becomes a clean 500 rather than half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, p *Page) {
	t, ok := h.pages[name]
	if !ok {
		h.serverError(w, r, fmt.Errorf("no template %q", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// flash stores a one-time message shown on the next page.
func (h *Handler) flash(r *http.Request, msg string) { h.opts.Sessions.Put(r.Context(), "flash", msg) }

// fail renders an error from a use case: sign-in for 401, a page with the message for
// 403/404/409/412/429, and a logged 500 for anything else.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := domain.ErrorCode(err)
	switch code {
	case domain.EUNAUTHORIZED:
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	case domain.EINTERNAL:
		h.serverError(w, r, err)
		return
	}
	p := h.page(r, "error.title", nil)
	p.Error = domain.ErrorMessage(err)
	h.render(w, r, httpx.Status(code), "error", p)
}

func (h *Handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	h.opts.Log.Error("web", "request_id", httpx.RequestID(r.Context()), "path", r.URL.Path, "err", err)
	http.Error(w, "Something went wrong on our side. The error has been logged.", http.StatusInternalServerError)
}

// formError shows a form again with its field errors and the values the person typed.
// It returns false when err is not a form error (the caller then calls fail).
func (h *Handler) formError(w http.ResponseWriter, r *http.Request, name string, p *Page, err error) bool {
	code := domain.ErrorCode(err)
	if code != domain.EINVALID && code != domain.ECONFLICT && code != domain.EPRECONDITION && code != domain.EFORBIDDEN && code != domain.ETOOMANY && !(code == domain.EUNAUTHORIZED && name == "login") {
		return false
	}
	for k, vs := range r.PostForm {
		if len(vs) > 0 && k != "password" {
			p.Form[k] = vs[0]
		}
	}
	for _, f := range domain.ErrorFields(err) {
		p.Errors[f.Field] = f.Message
	}
	p.Error = domain.ErrorMessage(err)
	h.render(w, r, httpx.Status(code), name, p)
	return true
}

// refuseForm shows page name again after a refused form: reloaded by load, with the
// typed values and err's messages at their fields. An error that is not about the form
// (forbidden, not found, internal) fails the request instead: the page may not even be
// visible to this person.
func (h *Handler) refuseForm(w http.ResponseWriter, r *http.Request, name, title string, load func(*http.Request, *Page) error, err error) {
	if code := domain.ErrorCode(err); code == domain.EFORBIDDEN || code == domain.ENOTFOUND {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, title, nil)
	if lerr := load(r, p); lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	if !h.formError(w, r, name, p, err) {
		h.fail(w, r, err)
	}
}

// parseForm reads a submitted form. A body over the server's limit gets 413 and any
// other unreadable form 400, each as a page in the person's language.
func (h *Handler) parseForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	if err == nil {
		return true
	}
	status, msg := http.StatusBadRequest, "error.bad_form"
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		status, msg = http.StatusRequestEntityTooLarge, "error.too_large"
	}
	p := h.page(r, "error.title", nil)
	p.Error = p.T(msg)
	h.render(w, r, status, "error", p)
	return false
}
