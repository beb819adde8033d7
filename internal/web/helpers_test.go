package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store/storetest"
)

// testPassword is long enough for app's rule (10 characters).
const testPassword = "correct horse battery"

// testSite is the whole stack (app, server, web UI) on a fresh SQLite database, served by
// httptest.
type testSite struct {
	App *app.App
	URL string
}

func newTestSite(t *testing.T) *testSite {
	t.Helper()
	return newTestSiteWith(t, server.Config{})
}

// newTestSiteWith is newTestSite with server settings (the log is always the test's).
func newTestSiteWith(t *testing.T, cfg server.Config) *testSite {
	t.Helper()
	// The server's log is shown only when the test fails.
	logs := &testLog{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	log := slog.New(slog.NewTextHandler(logs, nil))
	a := app.New(storetest.MustOpenDB(t), log)
	a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
	cfg.Log = log
	srv, err := server.New(a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testSite{App: a, URL: ts.URL}
}

// testLog collects the server's log; the server writes to it from many goroutines.
type testLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *testLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// testClient is a browser without JavaScript: it keeps cookies and does not follow
// redirects, so that tests can check where a response sends the person.
type testClient struct {
	t    *testing.T
	site *testSite
	http *http.Client
}

// testResponse is a response read whole.
type testResponse struct {
	Status   int
	Body     string
	Location string
}

func anonymous(t *testing.T, site *testSite) *testClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &testClient{t: t, site: site, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// newTestUser creates an account with testPassword.
func newTestUser(t *testing.T, site *testSite, name, email string) *domain.User {
	t.Helper()
	u, err := site.App.CreateUser(context.Background(), app.NewAccount{Name: name, Email: email, Password: testPassword}, false)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// signIn signs in through the login form and returns the signed-in client.
func signIn(t *testing.T, site *testSite, email, password string) *testClient {
	t.Helper()
	c := anonymous(t, site)
	res := c.post("/login", url.Values{"email": {email}, "password": {password}, "next": {"/"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("sign in as %s: status %d\n%s", email, res.Status, res.Body)
	}
	return c
}

func (c *testClient) do(req *http.Request) *testResponse {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return &testResponse{Status: res.StatusCode, Body: string(b), Location: res.Header.Get("Location")}
}

func (c *testClient) get(path string) *testResponse {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.site.URL+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

// post submits a form the way a browser does, from the same origin.
func (c *testClient) post(path string, form url.Values) *testResponse {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.site.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

// newTestCoalition creates a coalition whose coordinator is u.
func newTestCoalition(t *testing.T, site *testSite, u *domain.User, name string, public bool) *domain.Coalition {
	t.Helper()
	c, err := site.App.CreateCoalition(context.Background(), u, domain.Coalition{Name: name, Goal: "Goal of " + name,
		IssueAreas: []string{"housing"}, Public: public})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// addTestMember invites an organization and accepts for it as rep, who becomes its
// representative; it returns the membership with its organization.
func addTestMember(t *testing.T, site *testSite, coordinator, rep *domain.User, coalitionID, orgName, role string) *domain.Membership {
	t.Helper()
	ctx := context.Background()
	inv, err := site.App.Invite(ctx, coordinator, coalitionID, domain.Invitation{OrganizationName: orgName, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := site.App.AcceptInvitation(ctx, rep, inv.Token, app.Acceptance{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// wantStatus fails the test unless res has the status.
func wantStatus(t *testing.T, res *testResponse, status int) {
	t.Helper()
	if res.Status != status {
		t.Fatalf("status %d, want %d; location %q\n%s", res.Status, status, res.Location, res.Body)
	}
}

// wantBody fails the test unless the body contains every fragment.
func wantBody(t *testing.T, res *testResponse, fragments ...string) {
	t.Helper()
	for _, f := range fragments {
		if !strings.Contains(res.Body, f) {
			t.Errorf("body lacks %q\n%s", f, res.Body)
		}
	}
}

// wantNoBody fails the test if the body contains any of the fragments.
func wantNoBody(t *testing.T, res *testResponse, fragments ...string) {
	t.Helper()
	for _, f := range fragments {
		if strings.Contains(res.Body, f) {
			t.Errorf("body has %q but should not\n%s", f, res.Body)
		}
	}
}

// wantSignInRedirect checks that an anonymous request is sent to the sign-in page and back.
func wantSignInRedirect(t *testing.T, res *testResponse, path string) {
	t.Helper()
	want := "/login?next=" + url.QueryEscape(path)
	if res.Status != http.StatusSeeOther || res.Location != want {
		t.Fatalf("got %d to %q, want 303 to %q", res.Status, res.Location, want)
	}
}
