package server_test

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// queueWorld is a coalition with a meeting, a coordinator and a member (with API tokens),
// created through one app.
type queueWorld struct {
	coalition, meeting    string
	coord, member         *domain.User
	coordToken, memberTok string
}

func newQueueWorld(tb testing.TB, a *app.App) *queueWorld {
	tb.Helper()
	ctx := context.Background()
	w := &queueWorld{}
	var err error
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	w.coord, err = a.CreateUser(ctx, app.NewAccount{Name: "Coral", Email: "coral@example.org", Password: testPassword}, false)
	must(err)
	w.member, err = a.CreateUser(ctx, app.NewAccount{Name: "Rosa", Email: "rosa@example.org", Password: testPassword}, false)
	must(err)
	c, err := a.CreateCoalition(ctx, w.coord, domain.Coalition{Name: "Housing", Goal: "Homes"})
	must(err)
	inv, err := a.Invite(ctx, w.coord, c.ID, domain.Invitation{OrganizationName: "Tenants United"})
	must(err)
	_, _, err = a.AcceptInvitation(ctx, w.member, inv.Token, app.Acceptance{})
	must(err)
	start := time.Now().UTC().Truncate(time.Minute)
	m, err := a.CreateMeeting(ctx, w.coord, c.ID, app.MeetingInput{Title: "Assembly", Kind: domain.MeetingKindMeeting, StartsAt: start, EndsAt: start.Add(time.Hour)})
	must(err)
	w.coalition, w.meeting = c.ID, m.ID
	tok, err := a.CreateAPIToken(ctx, w.coord, "test")
	must(err)
	w.coordToken = tok.Token
	tok, err = a.CreateAPIToken(ctx, w.member, "test")
	must(err)
	w.memberTok = tok.Token
	return w
}

func (w *queueWorld) eventsPath() string {
	return "/api/v1/coalitions/" + w.coalition + "/meetings/" + w.meeting + "/speaking-queue/events"
}

// sseListener is a bare-bones client of an event stream: one connection, one goroutine,
// sending each event's data line to events.
type sseListener struct {
	conn   net.Conn
	events chan string
}

// listen connects to the stream at base+path with a bearer token and waits for its first
// event, so the listener is subscribed when it returns.
func listen(tb testing.TB, base, path, token string) *sseListener {
	tb.Helper()
	host := strings.TrimPrefix(base, "http://")
	conn, err := net.Dial("tcp", host)
	if err != nil {
		tb.Fatal(err)
	}
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nAccept: text/event-stream\r\n\r\n", path, host, token)
	l := &sseListener{conn: conn, events: make(chan string, 4)}
	r := bufio.NewReaderSize(conn, 512)
	status, err := r.ReadString('\n')
	if err != nil || !strings.Contains(status, " 200 ") {
		tb.Fatalf("stream: %q %v", status, err)
	}
	go func() {
		defer close(l.events)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				l.events <- strings.TrimSpace(data)
			}
		}
	}()
	select {
	case <-l.events:
	case <-time.After(5 * time.Second):
		tb.Fatal("no first event")
	}
	tb.Cleanup(l.close)
	return l
}

func (l *sseListener) close() { l.conn.Close() }

// wait returns the next event's data within timeout, or fails.
func (l *sseListener) wait(tb testing.TB, timeout time.Duration) string {
	tb.Helper()
	select {
	case ev, ok := <-l.events:
		if !ok {
			tb.Fatal("the stream ended")
		}
		return ev
	case <-time.After(timeout):
		tb.Fatalf("no event within %v", timeout)
	}
	return ""
}

// serve starts a `braid serve`-like server over its own connection pool to dsn.
func serve(tb testing.TB, dsn string) (*app.App, string) {
	tb.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	a := newApp(db)
	return a, startServer(tb, a)
}

// startServer serves a's server over HTTP until the test ends and returns its address.
func startServer(tb testing.TB, a *app.App) string {
	tb.Helper()
	srv, err := server.New(a, server.Config{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	tb.Cleanup(ts.Close)
	return ts.URL
}

// TestSpeakingQueueAcrossProcesses runs two servers, each with its own connection pool and
// listening connection, on one PostgreSQL database: a change made through the first
// reaches a listener of the second within a second, through LISTEN/NOTIFY.
func TestSpeakingQueueAcrossProcesses(t *testing.T) {
	dsn := storetest.FreshSchema(t)
	a1, url1 := serve(t, dsn)
	a2, url2 := serve(t, dsn)
	w := newQueueWorld(t, a1)
	onTwo := listen(t, url2, w.eventsPath(), w.memberTok)
	onOne := listen(t, url1, w.eventsPath(), w.memberTok)

	req, _ := http.NewRequest(http.MethodPost, url1+"/api/v1/coalitions/"+w.coalition+"/meetings/"+w.meeting+"/speaking-queue", nil)
	req.Header.Set("Authorization", "Bearer "+w.coordToken)
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("open through the first process: %v %v", res.StatusCode, err)
	}
	res.Body.Close()
	if got := onTwo.wait(t, time.Second); got != `{"version":1,"status":"open"}` {
		t.Fatalf("the second process's listener got %s", got)
	}
	t.Logf("change through process 1 reached a listener of process 2 in %v", time.Since(start))
	if got := onOne.wait(t, time.Second); got != `{"version":1,"status":"open"}` {
		t.Fatalf("the first process's own listener got %s", got)
	}
	// And back: a hand raised through the second reaches a listener of the first.
	if _, _, err := a2.RaiseHand(context.Background(), w.member, w.coalition, w.meeting, ""); err != nil {
		t.Fatal(err)
	}
	if got := onOne.wait(t, time.Second); got != `{"version":2,"status":"open"}` {
		t.Fatalf("raise through the second process: %s", got)
	}
}

// TestSpeakingQueueStreamsEndOnShutdown stops a server that has a listener connected: the
// stream ends at once, so the graceful shutdown does not wait for the client.
func TestSpeakingQueueStreamsEndOnShutdown(t *testing.T) {
	a := newApp(storetest.MustOpenDB(t))
	w := newQueueWorld(t, a)
	srv, err := server.New(a, server.Config{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	l := listen(t, "http://"+ln.Addr().String(), w.eventsPath(), w.memberTok)
	start := time.Now()
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop within 5 s with a live listener connected")
	}
	t.Logf("stopped in %v", time.Since(start))
	if _, ok := <-l.events; ok {
		t.Error("the stream sent more after shutdown")
	}
	if n := a.DB().Live().Listeners(); n != 0 {
		t.Errorf("%d listeners after shutdown", n)
	}
}
