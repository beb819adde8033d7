package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerOrganizations(r *httpx.Router) {
	r.HandleFunc("GET /organizations/{id}", h.organizationShow)
	r.HandleFunc("GET /organizations/{id}/edit", h.organizationEdit)
	r.HandleFunc("POST /organizations/{id}/edit", h.organizationSave)
}

// formChoice is one option of a select, radio group or checkbox group.
type formChoice struct {
	Value, Label string
	Selected     bool
}

// orgProfile is the data of the profile page.
type orgProfile struct {
	Org     *domain.Organization
	CanEdit bool
	Listed  bool
	Rows    []profileRow
	// From is the coalition whose member list led here, for the way back.
	From *domain.Coalition
	// Thanks are the thanks it received from the coalitions the viewer shares with it.
	Thanks []domain.Thanks
}

// profileRow is one attribute of the profile with whether the public may see it.
type profileRow struct {
	Label     string
	Public    bool
	Text      string   // a single value ("" shows "not given")
	Multiline bool     // Text keeps its line breaks
	List      []string // several values
	Link      string   // a safe http(s) URL for the website
}

// organizationShow handles GET /organizations/{id}.
func (h *Handler) organizationShow(w http.ResponseWriter, r *http.Request) {
	if !h.requireSignIn(w, r) {
		return
	}
	org, canEdit, err := h.app.Organization(r.Context(), httpx.User(r.Context()), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "org.title", nil)
	p.Title = org.Name
	thanks, err := h.app.ThanksReceived(r.Context(), httpx.User(r.Context()), org.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = orgProfile{Org: org, CanEdit: canEdit, Listed: org.Visibility.Listed, Rows: profileRows(p.Localizer, org),
		From: h.referringCoalition(r), Thanks: thanks}
	h.render(w, r, http.StatusOK, "organization_show", p)
}

// referringCoalition returns the coalition named by ?from= (the member list adds it to
// its links) when the viewer may see it, and nil otherwise: the query is only a hint,
// so a coalition the viewer has no access to, or none at all, just leaves out the link.
func (h *Handler) referringCoalition(r *http.Request) *domain.Coalition {
	from := r.URL.Query().Get("from")
	if from == "" {
		return nil
	}
	ctx := r.Context()
	c, _, err := h.app.Coalition(ctx, httpx.User(ctx), from)
	if err != nil {
		if domain.ErrorCode(err) == domain.EINTERNAL {
			h.opts.Log.Error("referring coalition", "request_id", httpx.RequestID(ctx), "err", err)
		}
		return nil
	}
	return c
}

// profileRows lists every attribute of the profile in the order of the edit form.
func profileRows(loc *i18n.Localizer, o *domain.Organization) []profileRow {
	row := func(field string) profileRow {
		return profileRow{Label: loc.T("org.field." + field), Public: o.Visibility.Shows(field)}
	}
	kind, mission, website := row("kind"), row("mission"), row("website")
	kind.Text = loc.T("org.kind." + o.Kind)
	mission.Text, mission.Multiline = o.Mission, true
	website.Text, website.Link = o.Website, websiteLink(o.Website)
	geos, issues, langs := row("geographies"), row("issue_areas"), row("languages")
	geos.List, issues.List, langs.List = o.Geographies, o.IssueAreas, o.Languages
	skills := row("skills")
	for _, s := range o.Skills {
		skills.List = append(skills.List, loc.T("org.skill_with_level", "Skill", s.Name, "Level", loc.T("org.level."+s.Level)))
	}
	band, staff, bipoc, identity := row("budget_band"), row("staff_size"), row("bipoc_led"), row("identity")
	band.Text = loc.T("org.band." + o.BudgetBand)
	staff.Text = strconv.Itoa(o.StaffSize)
	bipoc.Text = loc.T("org.bipoc." + o.BipocLed)
	identity.Text, identity.Multiline = o.Identity, true
	return []profileRow{kind, mission, website, geos, issues, skills, langs, band, staff, bipoc, identity}
}

// websiteLink returns an http(s) URL for a website as typed ("example.org" gets
// https://), or "" when it is not a web address; other schemes are never linked.
func websiteLink(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
