package web_test

import (
	"net/url"
	"testing"

	"github.com/braid-org/braid/internal/server"
)

// TestInvitationLinkUsesBaseURL checks that behind a proxy (BRAID_BASE_URL set) the
// single-use link shown to the coordinator carries the public address, not the
// internal host the request arrived on.
func TestInvitationLinkUsesBaseURL(t *testing.T) {
	site := newTestSiteWith(t, server.Config{BaseURL: "https://braid.example.org/"})
	coord := newTestUser(t, site, "Amina", "amina@example.org")
	c := newTestCoalition(t, site, coord, "Housing", true)
	res := signIn(t, site, "amina@example.org", testPassword).post("/coalitions/"+c.ID+"/invitations",
		url.Values{"organization_name": {"Riders Union"}, "role": {"member"}})
	wantStatus(t, res, 200)
	wantBody(t, res, `aria-describedby="invitation-link-help">https://braid.example.org/invitations/inv_`)
}
