package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestSessionsAcrossProcesses runs two servers, each with its own connection pool, on one
// PostgreSQL database, as two `braid serve` processes behind a load balancer would be. A
// person who signs in through the first is signed in on the second, and signing out on
// the second ends the session on the first.
func TestSessionsAcrossProcesses(t *testing.T) {
	dsn := storetest.FreshSchema(t)
	ctx := context.Background()
	var urls []string
	for i := 0; i < 2; i++ {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		a := app.New(db, nil)
		a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
		if i == 0 {
			if _, err := a.CreateUser(ctx, app.NewAccount{Name: "Amina", Email: "amina@example.org", Password: "correct horse battery"}, false); err != nil {
				t.Fatal(err)
			}
		}
		srv, err := server.New(a, server.Config{Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv)
		t.Cleanup(ts.Close)
		urls = append(urls, ts.URL)
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(urls[0]+"/login", url.Values{"email": {"amina@example.org"}, "password": {"correct horse battery"}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in on the first process: %v %v", res.StatusCode, err)
	}
	res.Body.Close()
	// The cookie jar keys cookies by host; both test servers are on 127.0.0.1, so the
	// session cookie goes to the second one as a browser's would behind one address.
	body := get(t, client, urls[1]+"/")
	if !strings.Contains(body, "Amina") || !strings.Contains(body, `action="/logout"`) {
		t.Fatalf("the second process does not know the session:\n%.400s", body)
	}
	res, err = client.PostForm(urls[1]+"/logout", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if body := get(t, client, urls[0]+"/"); strings.Contains(body, `action="/logout"`) {
		t.Error("signed out on the second process but still signed in on the first")
	}
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}
