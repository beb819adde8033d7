package web_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestOversizedForm checks that a form body over the server's 1 MiB limit gets a 413
// page, not a 500, and that nothing is written.
func TestOversizedForm(t *testing.T) {
	site := newTestSite(t)
	coord := newTestUser(t, site, "Amina", "amina@example.org")
	client := signIn(t, site, "amina@example.org", testPassword)
	res := client.post("/coalitions/new", url.Values{"name": {"Huge"}, "goal": {strings.Repeat("x", 2<<20)}})
	wantStatus(t, res, 413)
	wantBody(t, res, "too large")
	page, err := site.App.Coalitions(t.Context(), coord, "", 10)
	if err != nil || len(page.Items) != 0 {
		t.Errorf("coalitions after a refused form: %v %v", page.Items, err)
	}
}
