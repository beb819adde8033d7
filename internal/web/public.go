package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerPublic(r *httpx.Router) {
	r.HandleFunc("GET /c/{slug}", h.publicCoalition)
}

// publicPage is a coalition's public page: only what members chose to show.
type publicPage struct {
	Coalition     *domain.Coalition
	Members       []publicMember
	UnlistedCount int
	Principles    []domain.Principle
	Wins          []app.PublicWin
	Letters       []app.PublicLetterLink
}

type publicMember struct {
	Name   string
	Role   string
	Fields []publicField
}

// publicField is one profile field an organization made public, ready to show.
type publicField struct {
	Label string
	Text  string
	// Link is set for a website that may be shown as a link.
	Link string
}

func (h *Handler) publicCoalition(w http.ResponseWriter, r *http.Request) {
	pc, err := h.app.PublicCoalitionPage(r.Context(), r.PathValue("slug"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "public.title", nil)
	p.Title = pc.Coalition.Name
	d := publicPage{Coalition: pc.Coalition, UnlistedCount: pc.UnlistedCount, Principles: pc.Principles, Wins: pc.Wins, Letters: pc.Letters}
	for _, m := range pc.Members {
		d.Members = append(d.Members, publicMemberView(p.Localizer, m))
	}
	p.Data = d
	h.render(w, r, http.StatusOK, "public_coalition", p)
}

func publicMemberView(loc *i18n.Localizer, m app.PublicOrganization) publicMember {
	out := publicMember{Name: m.Name, Role: m.Role}
	for _, f := range m.FieldList() {
		pf := publicField{Label: loc.T("public.field." + f), Text: publicFieldText(loc, f, m.Fields[f])}
		if pf.Text == "" {
			continue
		}
		if f == "website" && (strings.HasPrefix(pf.Text, "https://") || strings.HasPrefix(pf.Text, "http://")) {
			pf.Link = pf.Text
		}
		out.Fields = append(out.Fields, pf)
	}
	return out
}

// publicFieldText renders one public profile value in the reader's language.
func publicFieldText(loc *i18n.Localizer, field string, v any) string {
	switch x := v.(type) {
	case string:
		switch field {
		case "kind":
			return loc.T("common.kind." + x)
		case "budget_band":
			return loc.T("common.budget." + x)
		case "bipoc_led":
			return loc.T("common.bipoc." + x)
		}
		return x
	case []string:
		return strings.Join(x, ", ")
	case []domain.Skill:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = loc.T("public.skill", "Name", s.Name, "Level", loc.T("common.skill."+s.Level))
		}
		return strings.Join(parts, ", ")
	case int:
		return strconv.Itoa(x)
	}
	return ""
}
