package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func TestAccount(t *testing.T) {
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina Coordinator", "amina@example.org")
	co := newTestCoalition(t, site, amina, "Housing Justice", false)
	m := addTestMember(t, site, amina, amina, co.ID, "Twin Cities Tenants", domain.RoleAnchor)
	c := signIn(t, site, "amina@example.org", testPassword)

	res := c.get("/account")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Amina Coordinator", "amina@example.org", `<a href="/organizations/`+m.OrganizationID+`">Twin Cities Tenants</a>`,
		"You have no API tokens.", `<label for="f-name">`)

	res = c.post("/account/tokens", url.Values{"name": {"spreadsheet sync"}})
	wantStatus(t, res, http.StatusOK)
	token := regexp.MustCompile(`value="(brd_[A-Za-z0-9_-]+)"`).FindStringSubmatch(res.Body)
	if token == nil {
		t.Fatalf("no token shown\n%s", res.Body)
	}
	wantBody(t, res, "shown only this once", "<strong>spreadsheet sync</strong>", "never used")
	if u, err := site.App.UserByAPIToken(context.Background(), token[1]); err != nil || u.ID != amina.ID {
		t.Fatalf("token does not work: %v", err)
	}
	res = c.get("/account")
	wantNoBody(t, res, token[1])

	res = c.post("/account/tokens", url.Values{"name": {" "}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-name" class="error">This field is required.`)

	tokens, err := site.App.ListAPITokens(context.Background(), amina)
	if err != nil || len(tokens) != 1 {
		t.Fatalf("tokens %v, %v", tokens, err)
	}
	// Someone else cannot revoke it, nor see that it exists.
	newTestUser(t, site, "Bao", "bao@example.org")
	wantStatus(t, signIn(t, site, "bao@example.org", testPassword).post("/account/tokens/"+tokens[0].ID+"/delete", nil), http.StatusNotFound)

	res = c.post("/account/tokens/"+tokens[0].ID+"/delete", nil)
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	wantBody(t, res, "The token is revoked.", "You have no API tokens.")
	if _, err := site.App.UserByAPIToken(context.Background(), token[1]); err == nil {
		t.Fatal("a revoked token still works")
	}

	anon := anonymous(t, site)
	wantSignInRedirect(t, anon.get("/account"), "/account")
	wantSignInRedirect(t, anon.post("/account/tokens", url.Values{"name": {"x"}}), "/account/tokens")
}

// TestSignInPage checks the sign-in form that the sign-in redirects of these pages lead
// to, with the page to come back to.
func TestSignInPage(t *testing.T) {
	site := newTestSite(t)
	res := anonymous(t, site).get("/login?next=" + url.QueryEscape("/invitations/inv_x"))
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<label for="f-email">`, `<label for="f-password">`, `name="next" value="/invitations/inv_x"`)
}
