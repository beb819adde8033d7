package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// Fixtures for the organization, principle and equity pages, on top of helpers_test.go.

// orgWorld is a coalition with its coordinator (coord-<tag>@example.org), to which tests
// add member organizations with the attributes the equity report groups by.
type orgWorld struct {
	t           *testing.T
	site        *testSite
	coordinator *domain.User
	coalition   *domain.Coalition
}

// orgMember is a member organization and its representative.
type orgMember struct {
	user       *domain.User
	membership *domain.Membership
	org        *domain.Organization
}

func newOrgWorld(t *testing.T, site *testSite, tag string) *orgWorld {
	t.Helper()
	u := newTestUser(t, site, "Coordinator "+tag, "coord-"+tag+"@example.org")
	return &orgWorld{t: t, site: site, coordinator: u, coalition: newTestCoalition(t, site, u, "Coalition "+tag, false)}
}

// addMember invites an organization with a role and the most-impacted flag, accepts as a
// new representative (<name in lower case>@example.org), then sets the BIPOC-led answer
// and the budget band.
func (w *orgWorld) addMember(name, role string, mostImpacted bool, bipoc, band string) orgMember {
	t := w.t
	t.Helper()
	ctx := context.Background()
	inv, err := w.site.App.Invite(ctx, w.coordinator, w.coalition.ID, domain.Invitation{OrganizationName: name, Role: role, MostImpacted: mostImpacted})
	if err != nil {
		t.Fatal(err)
	}
	rep := newTestUser(t, w.site, "Rep of "+name, strings.ToLower(name)+"@example.org")
	m, _, err := w.site.App.AcceptInvitation(ctx, rep, inv.Token, app.Acceptance{})
	if err != nil {
		t.Fatal(err)
	}
	org := *m.Organization
	org.BipocLed, org.BudgetBand = bipoc, band
	saved, err := w.site.App.UpdateOrganization(ctx, rep, org, org.Version)
	if err != nil {
		t.Fatal(err)
	}
	return orgMember{user: rep, membership: m, org: saved}
}

// as signs in as one of the world's people.
func (w *orgWorld) as(email string) *testClient { return signIn(w.t, w.site, email, testPassword) }

// withLanguage sets the language cookie, as the language switcher does.
func withLanguage(c *testClient, tag string) *testClient {
	u, _ := url.Parse(c.site.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "braid_lang", Value: tag, Path: "/"}})
	return c
}

var (
	orgTagRE   = regexp.MustCompile(`<[^>]*>`)
	orgSpaceRE = regexp.MustCompile(`\s+`)
)

// tableRow returns the text of the row headed label in the first table after the text
// marker, cells separated by single spaces ("BIPOC-led 2 50.0% 1 50.0% 1.00 None").
func tableRow(t *testing.T, body, marker, label string) string {
	t.Helper()
	i := strings.Index(body, marker)
	if i < 0 {
		t.Fatalf("no %q in the page", marker)
	}
	rest := body[i:]
	j := strings.Index(rest, `<th scope="row">`+label+`</th>`)
	if j < 0 {
		t.Fatalf("no row %q after %q", label, marker)
	}
	row := rest[j:]
	row = row[:strings.Index(row, "</tr>")]
	return strings.TrimSpace(orgSpaceRE.ReplaceAllString(orgTagRE.ReplaceAllString(row, " "), " "))
}
