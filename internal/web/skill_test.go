package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func TestSkillsPage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "sk")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	o := *alder.org
	o.Skills = []domain.Skill{{Name: "Lobbying", Level: "can_teach"}}
	if _, err := site.App.UpdateOrganization(t.Context(), alder.user, o, o.Version); err != nil {
		t.Fatal(err)
	}
	base := "/coalitions/" + w.coalition.ID
	coord := w.as("coord-sk@example.org")
	wantStatus(t, w.as("alder@example.org").post(base+"/skill-needs", url.Values{"skills": {"Lobbying"}}), http.StatusForbidden)
	res := coord.post(base+"/skill-needs", url.Values{"skills": {"Lobbying", "Fundraising"}, "others": {"Popular education\n\n"}})
	wantStatus(t, res, http.StatusSeeOther)
	page := coord.get(base + "/skills")
	wantBody(t, page, "H = −Σ pᵢ ln pᵢ", "Popular education</textarea>")
	if row := tableRow(t, page.Body, "Needs and who covers them", "Lobbying"); !strings.Contains(row, "Alder (can teach) 1 ⚑ single point of failure") {
		t.Errorf("lobbying row = %q", row)
	}
	if row := tableRow(t, page.Body, "Needs and who covers them", "Fundraising"); !strings.Contains(row, "gap: nobody has it") {
		t.Errorf("fundraising row = %q", row)
	}
}
