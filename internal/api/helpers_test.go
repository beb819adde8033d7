package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store/storetest"
)

// env is a running Braid server over a fresh database, with API tokens by actor name.
type env struct {
	t      testing.TB
	app    *app.App
	srv    *server.Server
	http   *httptest.Server
	tokens map[string]string
	users  map[string]*domain.User
}

func newEnv(t testing.TB) *env {
	t.Helper()
	a := app.New(storetest.MustOpenDB(t), nil)
	a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
	srv, err := server.New(a, server.Config{Log: discardLog()})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return &env{t: t, app: a, srv: srv, http: hs, tokens: map[string]string{}, users: map[string]*domain.User{}}
}

// user creates an account and an API token for it, remembered under name.
func (e *env) user(name string) *domain.User { return e.account(name, false) }

// admin creates a deployment administrator's account and API token.
func (e *env) admin(name string) *domain.User { return e.account(name, true) }

func (e *env) account(name string, admin bool) *domain.User {
	e.t.Helper()
	ctx := context.Background()
	u, err := e.app.CreateUser(ctx, app.NewAccount{Name: name, Email: name + "@example.org", Password: "correct horse battery"}, admin)
	if err != nil {
		e.t.Fatal(err)
	}
	tok, err := e.app.CreateAPIToken(ctx, u, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	e.users[name], e.tokens[name] = u, tok.Token
	return u
}

// coalition creates a coalition coordinated by actor.
func (e *env) coalition(actor *domain.User, name string, public bool) *domain.Coalition {
	e.t.Helper()
	c, err := e.app.CreateCoalition(context.Background(), actor, domain.Coalition{Name: name, Goal: "Win " + name, Public: public})
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// join invites an organization to c (by coordinator) and has member accept for it.
func (e *env) join(coordinator, member *domain.User, c *domain.Coalition, org, role string, mostImpacted bool) *domain.Membership {
	e.t.Helper()
	ctx := context.Background()
	inv, err := e.app.Invite(ctx, coordinator, c.ID, domain.Invitation{OrganizationName: org, Role: role, MostImpacted: mostImpacted})
	if err != nil {
		e.t.Fatal(err)
	}
	m, _, err := e.app.AcceptInvitation(ctx, member, inv.Token, app.Acceptance{})
	if err != nil {
		e.t.Fatal(err)
	}
	return m
}

// response is what a request returned.
type response struct {
	status int
	header http.Header
	body   string
}

func (r response) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("response is not JSON (%v): %.300s", err, r.body)
	}
}

// do sends a request as actor ("" for anonymous) with an optional body and headers.
func (e *env) do(method, path, actor string, body io.Reader, headers map[string]string) response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.http.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if actor != "" {
		tok, ok := e.tokens[actor]
		if !ok {
			e.t.Fatalf("unknown actor %q", actor)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := e.http.Client().Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

// inProcess serves a request without a network connection. The server stops reading an
// over-long body and closes the connection, which a real client may see as a reset
// before it reads the response.
func (e *env) inProcess(method, path, actor string, body io.Reader) response {
	return e.inProcessWith(method, path, actor, body, nil)
}

func (e *env) inProcessWith(method, path, actor string, body io.Reader, headers map[string]string) response {
	req := httptest.NewRequest(method, path, body)
	req.Header.Set("Content-Type", "application/json")
	if actor != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[actor])
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, req)
	return response{status: w.Code, header: w.Header(), body: w.Body.String()}
}

func (e *env) get(path, actor string) response { return e.do(http.MethodGet, path, actor, nil, nil) }

func (e *env) send(method, path, actor, body string, headers map[string]string) response {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	return e.do(method, path, actor, r, headers)
}

// repeat is an endless reader of one byte, for bodies too large to hold in memory.
type repeat byte

func (b repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}
