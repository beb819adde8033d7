package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

func TestAuditLog(t *testing.T) {
	site := newTestSite(t)
	ctx := context.Background()
	amina := newTestUser(t, site, "Amina Coordinator", "amina@example.org")
	bao := newTestUser(t, site, "Bao", "bao@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	edit := *co
	edit.Goal, edit.Public, edit.IssueAreas = "Homes for all", true, []string{"housing", "health"}
	if _, err := site.App.UpdateCoalition(ctx, amina, edit, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.MovePhase(ctx, amina, co.ID, app.PhaseMove{ToPhase: "campaign", Learned: "Listening first", CarryForward: "The base"}); err != nil {
		t.Fatal(err)
	}
	m := addTestMember(t, site, amina, amina, co.ID, "Hmong Tenants United", domain.RoleSteering)
	org := *m.Organization
	org.Visibility = domain.Visibility{Listed: true, Fields: []string{"mission", "languages"}}
	org.Skills = []domain.Skill{{Name: "Door knocking", Level: "can_teach"}, {Name: "Translation", Level: "learning"}}
	org.Kind, org.BudgetBand, org.BipocLed = "community_group", domain.BudgetUnder250k, "yes"
	saved, err := site.App.UpdateOrganization(ctx, amina, org, org.Version)
	if err != nil {
		t.Fatal(err)
	}
	// Unlisting changes one setting: the entry shows that one alone.
	saved.Visibility.Listed = false
	if _, err := site.App.UpdateOrganization(ctx, amina, *saved, saved.Version); err != nil {
		t.Fatal(err)
	}
	addTestMember(t, site, amina, bao, co.ID, "Somali Youth Voices", domain.RoleMember)
	if err := site.App.SetAccessRole(ctx, amina, co.ID, bao.ID, domain.AccessFacilitator); err != nil {
		t.Fatal(err)
	}
	c := signIn(t, site, "amina@example.org", testPassword)
	path := "/coalitions/" + co.ID + "/audit"

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	changed := ` <span aria-hidden="true">→</span><span class="visually-hidden">changed to</span> `
	wantBody(t, res, "Amina Coordinator", "Changed the coalition", "Created the coalition", "Moved to another phase",
		`<strong>Goal:</strong> Goal of Housing Justice`+changed+`Homes for all`,
		`<strong>Public page:</strong> No`+changed+`Yes`, `<strong>Issue areas:</strong> housing`+changed+`housing, health`,
		`<strong>Phase:</strong> Forming`+changed+`Campaign`,
		"Joined the coalition", "<strong>Role:</strong> Steering committee", "<strong>Organization:</strong> Hmong Tenants United",
		// The public profile settings: the field names in words, one line per setting.
		`<strong>Public fields:</strong> —`+changed+`Mission, Languages</li>`,
		`<strong>Listed publicly:</strong> No`+changed+`Yes</li>`,
		`<ul class="changes"><li><strong>Listed publicly:</strong> Yes`+changed+`No</li></ul>`,
		`<strong>Skills:</strong> —`+changed+`Door knocking (can teach), Translation (learning)</li>`,
		`<strong>Kind:</strong> Nonprofit`+changed+`Community group</li>`,
		`<strong>Annual budget:</strong> Not said`+changed+`Under $250k</li>`,
		`<strong>BIPOC-led:</strong> Not said`+changed+`Yes</li>`,
		// An access role, in the access roles' words rather than a membership's.
		"Changed someone&#39;s access role", `<td data-label="Subject">Person</td>`,
		`<strong>Role:</strong> Member`+changed+`Facilitator</li>`)
	// No record ids, and no raw codes or JSON left.
	wantNoBody(t, res, "invitation id", "Invitation:", "Public profile:", "issue_areas", "can_teach", "community_group",
		"under_250k", "not_said", "Level:", "(Name", "&#34;", "(Public")
	if n := strings.Count(res.Body, "<strong>Public fields:</strong>"); n != 1 {
		t.Errorf("the public fields are shown %d times, want once (only the first update changed them)", n)
	}
	if strings.Index(res.Body, "Changed the coalition") > strings.Index(res.Body, "Created the coalition") {
		t.Error("the log is not newest first")
	}
	wantNoBody(t, res, "Older entries")

	other := newTestUser(t, site, "Carmen", "carmen@example.org")
	newTestCoalition(t, site, other, "Elsewhere", false)
	wantStatus(t, signIn(t, site, "carmen@example.org", testPassword).get(path), http.StatusNotFound)
	wantSignInRedirect(t, anonymous(t, site).get(path), path)
}

// TestAuditLogSpanish checks that the changes read in the reader's language, vocabulary
// and field names included.
func TestAuditLogSpanish(t *testing.T) {
	site := newTestSite(t)
	ctx := context.Background()
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	m := addTestMember(t, site, amina, amina, co.ID, "Hmong Tenants United", domain.RoleSteering)
	org := *m.Organization
	org.Visibility = domain.Visibility{Listed: true, Fields: []string{"languages"}}
	org.Skills = []domain.Skill{{Name: "Tocar puertas", Level: "can_teach"}}
	if _, err := site.App.UpdateOrganization(ctx, amina, org, org.Version); err != nil {
		t.Fatal(err)
	}
	res := withLanguage(signIn(t, site, "amina@example.org", testPassword), "es").get("/coalitions/" + co.ID + "/audit")
	wantStatus(t, res, http.StatusOK)
	changed := ` <span aria-hidden="true">→</span><span class="visually-hidden">cambió a</span> `
	wantBody(t, res, `<html lang="es"`, "Cambió el perfil de una organización",
		`<strong>Campos públicos:</strong> —`+changed+`Idiomas</li>`,
		`<strong>En la lista pública:</strong> No`+changed+`Sí</li>`,
		`<strong>Habilidades:</strong> —`+changed+`Tocar puertas (puede enseñar)</li>`,
		`<strong>Rol:</strong> Comité directivo`)
}

func TestAuditLogPages(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	for v := 1; v <= 50; v++ {
		edit := *co
		edit.Goal = fmt.Sprintf("Goal number %d", v)
		if _, err := site.App.UpdateCoalition(context.Background(), amina, edit, v); err != nil {
			t.Fatal(err)
		}
	}
	c := signIn(t, site, "amina@example.org", testPassword)
	res := c.get("/coalitions/" + co.ID + "/audit")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Goal number 50", "Older entries")
	wantNoBody(t, res, "Created the coalition", "Newest entries")
	older := regexp.MustCompile(`href="(/coalitions/[^"]+/audit\?before=\d+)"`).FindStringSubmatch(res.Body)
	if older == nil {
		t.Fatal("no link to older entries")
	}
	res = c.get(older[1])
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Created the coalition", "Newest entries")
	wantNoBody(t, res, "Goal number 50", "Older entries")
}
