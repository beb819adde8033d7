package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerSkills(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/skills", h.skillsShow)
	r.HandleFunc("POST /coalitions/{id}/skill-needs", h.skillNeedsSave)
	r.HandleFunc("GET /skill-vocabulary", h.skillVocabularyShow)
	r.HandleFunc("POST /skill-vocabulary", h.skillTermAdd)
}

// skillsView is the data of the skills matrix page.
type skillsView struct {
	Coalition *domain.Coalition
	Matrix    *app.SkillMatrix
	CanEdit   bool
	Needed    map[string]bool // by skill key
	Choices   []formChoice    // the vocabulary, ticked where needed
	Others    string          // needed skills outside the vocabulary, one per line
	Evenness  string
}

func (h *Handler) loadSkills(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	m, err := h.app.SkillMatrix(ctx, user, c.ID)
	if err != nil {
		return err
	}
	v := &skillsView{Coalition: c, Matrix: m, CanEdit: perm.Can(app.EditCoalition), Needed: map[string]bool{}, Evenness: "—"}
	inVocab := map[string]bool{}
	for _, s := range m.Vocabulary {
		inVocab[health.SkillKey(s)] = true
	}
	var others []string
	for _, n := range m.Needs {
		v.Needed[health.SkillKey(n)] = true
		if !inVocab[health.SkillKey(n)] {
			others = append(others, n)
		}
	}
	v.Others = strings.Join(others, "\n")
	for _, s := range m.Vocabulary {
		v.Choices = append(v.Choices, formChoice{Value: s, Label: s, Selected: v.Needed[health.SkillKey(s)]})
	}
	if e := m.Diversity.Evenness; e != nil {
		v.Evenness = fmt.Sprintf("%.2f", *e)
	}
	p.Data = v
	p.Title = p.T("skills.title_of", "Coalition", c.Name)
	return nil
}

// skillsShow handles GET /coalitions/{id}/skills.
func (h *Handler) skillsShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "skills.title", nil)
	if err := h.loadSkills(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "skills", p)
}

// skillNeedsSave handles POST /coalitions/{id}/skill-needs: ticked vocabulary skills
// ("skills") plus others, one per line ("others").
func (h *Handler) skillNeedsSave(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	skills := append([]string{}, r.PostForm["skills"]...)
	skills = append(skills, strings.Split(r.PostForm.Get("others"), "\n")...)
	if _, err := h.app.SetSkillNeeds(r.Context(), httpx.User(r.Context()), r.PathValue("id"), skills); err != nil {
		p := h.page(r, "skills.title", nil)
		if lerr := h.loadSkills(r, p); lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		if !h.formError(w, r, "skills", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, h.requestLocalizer(r).T("skills.saved"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/skills", http.StatusSeeOther)
}
