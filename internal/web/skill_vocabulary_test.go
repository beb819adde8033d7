package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// The shared vocabulary: everyone signed in reads it; an administrator adds a term, which
// a repeated or empty name is refused at the form; others may not add.
func TestSkillVocabularyPage(t *testing.T) {
	site := newTestSite(t)
	newTestUser(t, site, "Amina", "amina@example.org")
	member := signIn(t, site, "amina@example.org", testPassword)
	res := member.get("/skill-vocabulary")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Shared skill vocabulary", "Only the deployment&#39;s administrators can add skills.")
	wantStatus(t, member.post("/skill-vocabulary", url.Values{"name": {"Tenant law"}}), http.StatusForbidden)
	wantSignInRedirect(t, anonymous(t, site).get("/skill-vocabulary"), "/skill-vocabulary")

	if _, err := site.App.CreateUser(t.Context(), app.NewAccount{Name: "Admin", Email: "admin@example.org", Password: testPassword}, true); err != nil {
		t.Fatal(err)
	}
	a := signIn(t, site, "admin@example.org", testPassword)
	res = a.post("/skill-vocabulary", url.Values{"name": {"Tenant law"}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, a.get("/skill-vocabulary"), "The skill was added to the vocabulary.", "<li>Tenant law</li>")
	res = a.post("/skill-vocabulary", url.Values{"name": {"tenant law"}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, `value="tenant law"`)
	wantStatus(t, a.post("/skill-vocabulary", url.Values{"name": {"  "}}), http.StatusUnprocessableEntity)
}
