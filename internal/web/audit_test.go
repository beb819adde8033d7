package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func TestAuditLog(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina Coordinator", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	edit := *co
	edit.Goal, edit.Public, edit.IssueAreas = "Homes for all", true, []string{"housing", "health"}
	if _, err := site.App.UpdateCoalition(context.Background(), amina, edit, 1); err != nil {
		t.Fatal(err)
	}
	m := addTestMember(t, site, amina, amina, co.ID, "Hmong Tenants United", domain.RoleSteering)
	org := *m.Organization
	org.Visibility = domain.Visibility{Listed: true, Fields: []string{"mission", "languages"}}
	if _, err := site.App.UpdateOrganization(context.Background(), amina, org, org.Version); err != nil {
		t.Fatal(err)
	}
	c := signIn(t, site, "amina@example.org", testPassword)
	path := "/coalitions/" + co.ID + "/audit"

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Amina Coordinator", "Changed the coalition", "Created the coalition",
		`<strong>Goal:</strong> Goal of Housing Justice <span aria-hidden="true">→</span><span class="visually-hidden">changed to</span> Homes for all`,
		`<strong>Public page:</strong> No <span aria-hidden="true">→</span>`, "housing, health",
		"Joined the coalition", "<strong>Role:</strong> Steering committee", "<strong>Organization:</strong> Hmong Tenants United",
		"<strong>Public profile:</strong>", "Listed publicly: No) <span aria-hidden=\"true\">→</span>",
		"(Public fields: mission, languages; Listed publicly: Yes)")
	wantNoBody(t, res, "invitation id", "Invitation:")
	if strings.Index(res.Body, "Changed the coalition") > strings.Index(res.Body, "Created the coalition") {
		t.Error("the log is not newest first")
	}
	wantNoBody(t, res, "Older entries")

	other := newTestUser(t, site, "Carmen", "carmen@example.org")
	newTestCoalition(t, site, other, "Elsewhere", false)
	wantStatus(t, signIn(t, site, "carmen@example.org", testPassword).get(path), http.StatusNotFound)
	wantSignInRedirect(t, anonymous(t, site).get(path), path)
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
