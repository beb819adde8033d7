package web

import (
	"encoding/csv"
	"html/template"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// The public side of sign-on letters: the page anyone with the link sees, the form an
// organization outside the coalition signs with, the signers as CSV, and the pages the
// emailed links open. Emailed links only show a button: following a link changes nothing
// (mail scanners open links), pressing the button does.
func (h *Handler) registerPublicLetters(r *httpx.Router) {
	r.HandleFunc("GET /sign-on-letters/{letter_id}", h.publicLetterShow)
	r.HandleFunc("POST /sign-on-letters/{letter_id}/signatures", h.publicLetterSign)
	r.HandleFunc("GET /sign-on-letters/{letter_id}/signers.csv", h.publicLetterCSV)
	r.HandleFunc("GET /signatures/confirm", h.signatureLinkShow("confirm"))
	r.HandleFunc("POST /signatures/confirm", h.signatureLinkDo("confirm"))
	r.HandleFunc("GET /signatures/withdraw", h.signatureLinkShow("withdraw"))
	r.HandleFunc("POST /signatures/withdraw", h.signatureLinkDo("withdraw"))
}

// publicLetterView is the public page of a letter.
type publicLetterView struct {
	*app.PublicLetter
	Body template.HTML
	Sent bool // a signature was just submitted: say to check email
}

func (h *Handler) loadPublicLetter(r *http.Request, p *Page) error {
	l, err := h.app.PublicLetter(r.Context(), r.PathValue("letter_id"))
	if err != nil {
		return err
	}
	p.Data = &publicLetterView{PublicLetter: l, Body: markdown(l.Body), Sent: r.URL.Query().Get("sent") == "1"}
	p.Title = l.Title
	return nil
}

func (h *Handler) publicLetterShow(w http.ResponseWriter, r *http.Request) {
	h.showLoaded(w, r, "letter_public", "letter.title", h.loadPublicLetter)
}

// publicLetterSign handles the public signing form. A filled "website" field (hidden from
// people, filled by bots) is accepted and dropped.
func (h *Handler) publicLetterSign(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	id := r.PathValue("letter_id")
	done := "/sign-on-letters/" + url.PathEscape(id) + "?sent=1#signed"
	if r.PostForm.Get("website") != "" {
		http.Redirect(w, r, done, http.StatusSeeOther)
		return
	}
	f := r.PostForm
	_, err := h.app.SignFromOutside(r.Context(), id, domain.Signature{OrganizationName: f.Get("organization_name"), City: f.Get("city"),
		IssueArea: f.Get("issue_area"), ContactName: f.Get("contact_name"), ContactEmail: f.Get("contact_email")}, httpx.Origin(r.Context()))
	if err != nil {
		h.refuseForm(w, r, "letter_public", "letter.title", h.loadPublicLetter, err)
		return
	}
	http.Redirect(w, r, done, http.StatusSeeOther)
}

// publicLetterCSV serves the confirmed signers as CSV: no contacts, ever.
func (h *Handler) publicLetterCSV(w http.ResponseWriter, r *http.Request) {
	l, err := h.app.PublicLetter(r.Context(), r.PathValue("letter_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="signers.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"organization", "city", "issue_area", "signed_on", "coalition_member"})
	for _, s := range l.Signers {
		member := "no"
		if s.Member {
			member = "yes"
		}
		cw.Write([]string{csvSafe(s.OrganizationName), csvSafe(s.City), csvSafe(s.IssueArea), s.SignedOn, member})
	}
	cw.Flush()
}

// signatureLinkView is the page an emailed link opens.
type signatureLinkView struct {
	Action    string // confirm or withdraw
	Token     string
	Signature *domain.Signature
	Letter    *app.PublicLetter
	Done      bool
}

func (h *Handler) signatureLinkShow(action string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := r.URL.Query().Get("token")
		g, l, err := h.app.SignatureByToken(r.Context(), token)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		p := h.page(r, "letter.link_title."+action, &signatureLinkView{Action: action, Token: token, Signature: g, Letter: l})
		h.render(w, r, http.StatusOK, "signature_link", p)
	}
}

func (h *Handler) signatureLinkDo(action string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.parseForm(w, r) {
			return
		}
		token := r.PostForm.Get("token")
		var err error
		if action == "confirm" {
			_, err = h.app.ConfirmSignature(r.Context(), token)
		} else {
			_, err = h.app.WithdrawSignatureByLink(r.Context(), token)
		}
		g, l, lerr := h.app.SignatureByToken(r.Context(), token)
		if lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		p := h.page(r, "letter.link_title."+action, &signatureLinkView{Action: action, Token: token, Signature: g, Letter: l, Done: err == nil})
		if err != nil && !h.formError(w, r, "signature_link", p, err) {
			h.fail(w, r, err)
			return
		}
		if err == nil {
			h.render(w, r, http.StatusOK, "signature_link", p)
		}
	}
}
