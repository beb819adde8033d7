package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// roles are the actors of the authorization matrix, in the order of its columns:
//   - anon: nobody signed in;
//   - outsider: coordinator of coalition B, representative of an organization there, and
//     nothing in coalition A;
//   - observer: access role observer in A, representing no organization;
//   - member: representative of Org One, a member organization of A;
//   - nonrep: representative of Org Two, also in A, but not of Org One (whose id the
//     organization routes use);
//   - facil: access role facilitator in A, representing no organization;
//   - coord: coordinator of A (who created it);
//   - admin: deployment administrator with no role in A.
var roles = []string{"anon", "outsider", "observer", "member", "nonrep", "facil", "coord", "admin"}

const testPassword = "correct horse battery"

// fixture is a server over a fresh database holding coalitions A and B, with an account,
// an API token, a spare token (to revoke) and a browser session for every role.
type fixture struct {
	app     *app.App
	srv     *server.Server
	users   map[string]*domain.User
	tokens  map[string]string // bearer token by role
	spare   map[string]string // id of a second token by role, for the revoke routes
	cookies map[string]string // "braid_session=…" by role
	a, b    *domain.Coalition
	// m1 is Org One's membership of A (with its organization), represented by member;
	// Org Two's is represented by nonrep.
	m1        *domain.Membership
	principle *domain.Principle // a principle of A with one version
	invite    string            // an open invitation token of A
	// ids holds the records features add to the fixture, by the name of the path
	// parameter that takes them ("task_id" fills {task_id}).
	ids map[string]string

	mu   sync.Mutex
	done map[string]bool // preparations made once per fixture, by name (see once)
}

// once runs prepare the first time a cell asks for the preparation called name on this
// fixture, and never again: cells sharing a fixture may need the same state.
func (f *fixture) once(name string, prepare func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.done[name] {
		prepare()
		f.done[name] = true
	}
}

// fixtureSetups are the features' additions to the fixture, run in order after the
// foundation's records exist and before the server starts. Each adds records of A (and,
// where useful, of B) and names them in f.ids. A feature registers its setup in an init
// function in its authz_<feature>_test.go.
var fixtureSetups []func(t testing.TB, f *fixture)

// template is the fixture every test starts from: built once per test binary, its
// database kept as the bytes of a SQLite file. A fresh fixture is a copy of that file, a
// new server over it and new sessions: about a tenth of the cost of building the records
// again (the matrix builds hundreds), and the same records, ids and tokens every time.
var template struct {
	once sync.Once
	f    *fixture // records and credentials; app, srv and cookies belong to each copy
	raw  []byte   // the database file
}

// newFixture returns a server over a fresh copy of the template database, with a
// browser session for every role.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	template.once.Do(func() { template.f, template.raw = buildTemplate(t) })
	if template.f == nil {
		t.Fatal("the fixture template failed to build (see the first test that asked for it)")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "braid.db")
	if err := os.WriteFile(path, template.raw, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	t0 := template.f
	f := fixture{users: t0.users, tokens: t0.tokens, spare: t0.spare, a: t0.a, b: t0.b, m1: t0.m1,
		principle: t0.principle, invite: t0.invite, done: map[string]bool{}}
	f.app = newApp(db)
	f.ids, f.cookies = maps.Clone(t0.ids), map[string]string{}
	f.srv, err = server.New(f.app, server.Config{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range roles[1:] {
		f.cookies[role] = f.signIn(t, role)
	}
	return &f
}

func newApp(db *store.DB) *app.App {
	a := app.New(db, slog.New(slog.DiscardHandler))
	a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
	return a
}

// buildTemplate creates the fixture's records in a fresh database and returns them with
// a copy of the database file.
func buildTemplate(t testing.TB) (*fixture, []byte) {
	t.Helper()
	ctx := context.Background()
	db := storetest.MustOpenDB(t)
	a := newApp(db)
	f := &fixture{app: a, users: map[string]*domain.User{}, tokens: map[string]string{}, spare: map[string]string{}, ids: map[string]string{}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, role := range append(roles[1:], "brep") {
		u, err := a.CreateUser(ctx, app.NewAccount{Name: role, Email: role + "@example.org", Password: testPassword}, role == "admin")
		must(err)
		f.users[role] = u
		auth, err := a.CreateAPIToken(ctx, u, "auth")
		must(err)
		spare, err := a.CreateAPIToken(ctx, u, "spare")
		must(err)
		f.tokens[role], f.spare[role] = auth.Token, spare.ID
	}
	f.spare["anon"] = f.spare["coord"]

	// Coalition A: public, two member organizations, a principle, an open invitation.
	var err error
	f.a, err = a.CreateCoalition(ctx, f.users["coord"], domain.Coalition{Name: "Coalition A", Goal: "Win A", Public: true})
	must(err)
	f.m1 = f.join(t, "coord", "member", f.a, "Org One")
	f.join(t, "coord", "nonrep", f.a, "Org Two")
	must(db.Write(ctx, func(tx *store.Tx) error {
		if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: f.a.ID, UserID: f.users["observer"].ID, Role: domain.AccessObserver}); err != nil {
			return err
		}
		return tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: f.a.ID, UserID: f.users["facil"].ID, Role: domain.AccessFacilitator})
	}))
	f.principle, err = a.CreatePrinciple(ctx, f.users["coord"], f.a.ID, app.PrincipleText{Title: "Share power", Body: "Decide together."})
	must(err)
	inv, err := a.Invite(ctx, f.users["coord"], f.a.ID, domain.Invitation{OrganizationName: "Newcomers"})
	must(err)
	f.invite = inv.Token

	// Coalition B, coordinated by the outsider, likewise.
	f.b, err = a.CreateCoalition(ctx, f.users["outsider"], domain.Coalition{Name: "Coalition B", Goal: "Win B"})
	must(err)
	f.join(t, "outsider", "outsider", f.b, "Org B1")
	f.join(t, "outsider", "brep", f.b, "Org B2")
	_, err = a.CreatePrinciple(ctx, f.users["outsider"], f.b.ID, app.PrincipleText{Title: "Show up", Body: "Every time."})
	must(err)
	_, err = a.Invite(ctx, f.users["outsider"], f.b.ID, domain.Invitation{OrganizationName: "B newcomers"})
	must(err)

	for _, setup := range fixtureSetups {
		setup(t, f)
	}

	// Read back what updates must name in If-Match and version fields.
	f.a, _, err = a.Coalition(ctx, f.users["coord"], f.a.ID)
	must(err)
	f.m1, err = a.Membership(ctx, f.users["coord"], f.a.ID, f.m1.ID)
	must(err)

	copyPath := filepath.Join(t.TempDir(), "template.db")
	must(db.Backup(ctx, copyPath))
	raw, err := os.ReadFile(copyPath)
	must(err)
	f.app = nil
	return f, raw
}

// join invites an organization to c and has rep accept for it, becoming its representative.
func (f *fixture) join(t testing.TB, coordinator, rep string, c *domain.Coalition, org string) *domain.Membership {
	t.Helper()
	ctx := context.Background()
	inv, err := f.app.Invite(ctx, f.users[coordinator], c.ID, domain.Invitation{OrganizationName: org})
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := f.app.AcceptInvitation(ctx, f.users[rep], inv.Token, app.Acceptance{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// signIn posts the sign-in form as a browser would and returns the session cookie.
func (f *fixture) signIn(t testing.TB, role string) string {
	t.Helper()
	form := url.Values{"email": {role + "@example.org"}, "password": {testPassword}, "next": {"/"}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == "braid_session" && rec.Code == http.StatusSeeOther {
			return c.Name + "=" + c.Value
		}
	}
	t.Fatalf("sign in as %s: status %d, no session cookie", role, rec.Code)
	return ""
}

// request builds the request of a matrix entry for role: the route's pattern with A's
// ids filled in, its body (url.Values as a form, []byte as raw JSON, anything else
// encoded as JSON), If-Match for updates, and the role's credentials: a bearer token
// for the API and the session cookie for everything else.
func (f *fixture) request(t testing.TB, e entry, role string) *http.Request {
	t.Helper()
	method, path, _ := strings.Cut(e.route, " ")
	id := f.a.ID
	switch {
	case strings.Contains(path, "/organizations/{id}"):
		id = f.m1.OrganizationID
	case strings.HasPrefix(path, "/account/tokens/{id}"):
		id = f.spare[role]
	}
	params := []string{}
	if e.params != nil {
		for name, v := range e.params(f) {
			params = append(params, "{"+name+"}", v)
		}
	}
	for name, v := range f.ids {
		params = append(params, "{"+name+"}", v)
	}
	path = strings.NewReplacer(params...).Replace(path + e.query)
	path = strings.NewReplacer("{$}", "", "{id}", id, "{membership_id}", f.m1.ID, "{principle_id}", f.principle.ID,
		"{token}", f.invite, "{token_id}", f.spare[role], "{user_id}", f.users["observer"].ID, "{slug}", f.a.Slug, "{hash}", "0", "{path...}", "app.css").Replace(path)
	var body io.Reader
	contentType := ""
	if e.body != nil {
		switch b := e.body(f, role).(type) {
		case url.Values:
			body, contentType = strings.NewReader(b.Encode()), "application/x-www-form-urlencoded"
		case []byte:
			body, contentType = bytes.NewReader(b), "application/json"
		case rawBody:
			body, contentType = bytes.NewReader(b.data), b.contentType
		case fileUpload:
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			fw, err := mw.CreateFormFile(b.field, b.name)
			if err != nil {
				t.Fatal(err)
			}
			fw.Write(b.content)
			mw.Close()
			body, contentType = &buf, mw.FormDataContentType()
		default:
			raw, err := json.Marshal(b)
			if err != nil {
				t.Fatal(err)
			}
			body, contentType = bytes.NewReader(raw), "application/json"
		}
	}
	req := httptest.NewRequest(method, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if method != http.MethodGet {
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	if e.etag != nil {
		req.Header.Set("If-Match", `"`+itoa(e.etag(f))+`"`)
	}
	switch {
	case role == "anon":
	case e.api():
		req.Header.Set("Authorization", "Bearer "+f.tokens[role])
	default:
		req.Header.Set("Cookie", f.cookies[role])
	}
	return req
}

// rawBody is a request body sent as is, with its content type.
type rawBody struct {
	contentType string
	data        []byte
}

// fileUpload is a multipart form with one file, as a browser uploads it.
type fileUpload struct {
	field, name string
	content     []byte
}

// importBundle is a small valid bundle of a coalition that is not in the deployment yet.
func importBundle(*fixture, string) any {
	now := time.Now().UTC()
	raw, err := bundle.Encode(bundle.New(bundle.Contents{Coalition: domain.Coalition{ID: store.NewID(), Slug: "imported",
		Name: "Imported", Goal: "Win again", Phase: "forming", CreatedAt: now, UpdatedAt: now}}, now))
	if err != nil {
		panic(err)
	}
	return raw
}
