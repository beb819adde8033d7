package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/httpx"
)

// skillVocabularyView is the deployment's shared skill vocabulary: Braid's own terms and
// those its administrators added, with the form to add one for administrators.
type skillVocabularyView struct {
	Terms   []string
	CanEdit bool
	From    string // the coalition whose skills page linked here, to go back to
}

func (h *Handler) loadSkillVocabulary(r *http.Request, p *Page) error {
	terms, err := h.app.SkillVocabulary(r.Context())
	if err != nil {
		return err
	}
	u := httpx.User(r.Context())
	p.Data = &skillVocabularyView{Terms: terms, CanEdit: u != nil && u.Admin, From: r.URL.Query().Get("from")}
	return nil
}

func (h *Handler) skillVocabularyShow(w http.ResponseWriter, r *http.Request) {
	if !h.requireSignIn(w, r) {
		return
	}
	h.showLoaded(w, r, "skill_vocabulary", "skills.vocabulary.title", h.loadSkillVocabulary)
}

// skillTermAdd handles the administrators' form that adds a term.
func (h *Handler) skillTermAdd(w http.ResponseWriter, r *http.Request) {
	if !h.requireSignIn(w, r) || !h.parseForm(w, r) {
		return
	}
	if err := h.app.AddSkillTerm(r.Context(), httpx.User(r.Context()), r.PostForm.Get("name")); err != nil {
		h.refuseForm(w, r, "skill_vocabulary", "skills.vocabulary.title", h.loadSkillVocabulary, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("skills.vocabulary.added"))
	http.Redirect(w, r, "/skill-vocabulary", http.StatusSeeOther)
}
