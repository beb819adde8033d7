package web

import (
	"html/template"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerLetters(r *httpx.Router) {
	const one = "/coalitions/{id}/sign-on-letters/{letter_id}"
	r.HandleFunc("GET /coalitions/{id}/sign-on-letters", h.lettersShow)
	r.HandleFunc("POST /coalitions/{id}/sign-on-letters", h.letterForm("letters", func(r *http.Request) (string, error) {
		l, err := h.app.CreateLetter(r.Context(), httpx.User(r.Context()), r.PathValue("id"), letterText(r))
		if err != nil {
			return "", err
		}
		return l.ID, nil
	}))
	r.HandleFunc("GET "+one, h.letterShow)
	r.HandleFunc("POST "+one+"/edit", h.letterForm("letter", func(r *http.Request) (string, error) {
		_, err := h.app.UpdateLetter(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("letter_id"), letterText(r), postedVersion(r))
		return r.PathValue("letter_id"), err
	}))
	r.HandleFunc("POST "+one+"/open", h.letterForm("letter", func(r *http.Request) (string, error) {
		_, err := h.app.OpenLetter(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("letter_id"), postedVersion(r))
		return r.PathValue("letter_id"), err
	}))
	r.HandleFunc("POST "+one+"/close", h.letterForm("letter", func(r *http.Request) (string, error) {
		_, err := h.app.CloseLetter(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("letter_id"), postedVersion(r))
		return r.PathValue("letter_id"), err
	}))
	r.HandleFunc("POST "+one+"/signatures", h.letterForm("letter", func(r *http.Request) (string, error) {
		_, err := h.app.SignAsMember(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("letter_id"), r.PostForm.Get("organization_id"))
		return r.PathValue("letter_id"), err
	}))
	r.HandleFunc("POST "+one+"/signatures/{signature_id}/withdraw", h.letterForm("letter", func(r *http.Request) (string, error) {
		err := h.app.WithdrawSignature(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("letter_id"), r.PathValue("signature_id"))
		return r.PathValue("letter_id"), err
	}))
	h.registerPublicLetters(r)
}

func letterText(r *http.Request) app.LetterText {
	return app.LetterText{Title: r.PostForm.Get("title"), Body: r.PostForm.Get("body")}
}

// lettersView is a coalition's letters, and the form to draft one for organizers.
type lettersView struct {
	Coalition *domain.Coalition
	Letters   []domain.SignOnLetter
	CanManage bool
}

// letterView is one letter inside the coalition.
type letterView struct {
	Coalition *domain.Coalition
	*app.LetterRecord
	Body       template.HTML
	PublicLink string
}

func (h *Handler) loadLetters(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	list, err := h.app.Letters(ctx, user, c.ID)
	if err != nil {
		return err
	}
	p.Data = &lettersView{Coalition: c, Letters: list, CanManage: perm.Can(app.ManageLetters)}
	p.Title = p.T("letter.list_title", "Coalition", c.Name)
	return nil
}

func (h *Handler) loadLetter(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	rec, err := h.app.Letter(ctx, user, c.ID, r.PathValue("letter_id"))
	if err != nil {
		return err
	}
	v := &letterView{Coalition: c, LetterRecord: rec, Body: markdown(rec.Letter.Body)}
	if rec.Letter.Status != domain.LetterDraft {
		v.PublicLink = h.absoluteURL(r, "/sign-on-letters/"+rec.Letter.ID)
	}
	p.Data = v
	p.Title = rec.Letter.Title
	return nil
}

func (h *Handler) lettersShow(w http.ResponseWriter, r *http.Request) {
	h.showLoaded(w, r, "letters", "letter.title", h.loadLetters)
}

func (h *Handler) letterShow(w http.ResponseWriter, r *http.Request) {
	h.showLoaded(w, r, "letter", "letter.title", h.loadLetter)
}

// showLoaded renders a page whose data a loader fills in, or the loader's error.
func (h *Handler) showLoaded(w http.ResponseWriter, r *http.Request, name, title string, load func(*http.Request, *Page) error) {
	p := h.page(r, title, nil)
	if err := load(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, name, p)
}

// letterForm handles a form of the letter pages: run the change, then go to the letter's
// page, or show page (letters or letter) again with the error and the typed values.
func (h *Handler) letterForm(page string, change func(*http.Request) (string, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.parseForm(w, r) {
			return
		}
		id, err := change(r)
		if err != nil {
			load := h.loadLetters
			if page == "letter" {
				load = h.loadLetter
			}
			h.refuseForm(w, r, page, "letter.title", load, err)
			return
		}
		h.flash(r, h.requestLocalizer(r).T("letter.saved"))
		http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/sign-on-letters/"+url.PathEscape(id), http.StatusSeeOther)
	}
}
