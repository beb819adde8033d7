package api_test

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/server"
)

// stream is an open server-sent event stream.
type stream struct {
	t      *testing.T
	res    *http.Response
	lines  chan string
	cancel context.CancelFunc
}

// openStream subscribes to url as actor's token; it fails the test unless the answer is 200.
func openStream(t *testing.T, url, token string) *stream {
	t.Helper()
	s, status := tryStream(t, url, token)
	if status != http.StatusOK {
		t.Fatalf("events: status %d", status)
	}
	return s
}

func tryStream(t *testing.T, url, token string) (*stream, int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		res.Body.Close()
		cancel()
		return nil, res.StatusCode
	}
	s := &stream{t: t, res: res, lines: make(chan string, 64), cancel: cancel}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
	}()
	t.Cleanup(s.close)
	return s, http.StatusOK
}

func (s *stream) close() { s.cancel(); s.res.Body.Close() }

// next returns the next event's data, or "ping" for a heartbeat, within timeout.
func (s *stream) next(timeout time.Duration) string {
	s.t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case line, ok := <-s.lines:
			if !ok {
				return "(end)"
			}
			switch {
			case strings.HasPrefix(line, ":"):
				return "ping"
			case strings.HasPrefix(line, "data: "):
				return strings.TrimPrefix(line, "data: ")
			}
		case <-deadline:
			s.t.Fatalf("no event within %v", timeout)
		}
	}
}

// TestSpeakingQueueEvents follows a queue live: the first event is the current state, a
// change arrives within a second, heartbeats keep coming, once=true ends the stream.
func TestSpeakingQueueEvents(t *testing.T) {
	f := newQueueFixture(t)
	srv, err := server.New(f.app, server.Config{Log: discardLog(), LiveHeartbeat: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close) // after the streams' own cleanups, which close them
	events := hs.URL + f.base + "/events"
	s := openStream(t, events, f.tokens["rep"])
	if got := s.next(time.Second); got != `{"version":0,"status":"none"}` {
		t.Fatalf("first event %s", got)
	}
	f.send("POST", f.base, "coord", "", nil)
	for got := s.next(time.Second); got != `{"version":1,"status":"open"}`; got = s.next(time.Second) {
		if got != "ping" {
			t.Fatalf("after opening: %s", got)
		}
	}
	if got := s.next(time.Second); got != "ping" {
		t.Fatalf("want a heartbeat, got %s", got)
	}
	once, _ := tryStream(t, events+"?once=true", f.tokens["coord"])
	if got := once.next(time.Second); got != `{"version":1,"status":"open"}` {
		t.Fatalf("once: %s", got)
	}
	if got := once.next(time.Second); got != "(end)" {
		t.Fatalf("once did not end: %s", got)
	}
	if _, status := tryStream(t, hs.URL+"/api/v1/coalitions/"+f.b.ID+"/meetings/"+f.otherMeeting+"/speaking-queue/events", f.tokens["rep"]); status != 404 {
		t.Fatalf("another coalition's stream: %d", status)
	}
}

// TestSpeakingQueueEvents_LimitAndLeaks fills the per-process listener cap, checks the
// next listener is refused with 429, then disconnects every client and checks that the
// server let go of each subscription and goroutine.
func TestSpeakingQueueEvents_LimitAndLeaks(t *testing.T) {
	f := newQueueFixture(t)
	live := f.app.DB().Live()
	before := runtime.NumGoroutine()
	live.Max = 20
	var streams []*stream
	for range 20 {
		s := openStream(t, f.http.URL+f.base+"/events", f.tokens["rep"])
		s.next(time.Second)
		streams = append(streams, s)
	}
	if n := live.Listeners(); n != 20 {
		t.Fatalf("%d listeners, want 20", n)
	}
	if _, status := tryStream(t, f.http.URL+f.base+"/events", f.tokens["rep"]); status != http.StatusTooManyRequests {
		t.Fatalf("over the cap: status %d, want 429", status)
	}
	for _, s := range streams {
		s.close()
	}
	f.http.CloseClientConnections()
	deadline := time.Now().Add(3 * time.Second)
	for live.Listeners() != 0 || runtime.NumGoroutine() > before+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("after disconnecting: %d listeners, %d goroutines (%d before)\n%s", live.Listeners(), runtime.NumGoroutine(), before,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The cap freed up: a new listener is welcome again.
	s := openStream(t, f.http.URL+f.base+"/events", f.tokens["rep"])
	s.next(time.Second)
}
