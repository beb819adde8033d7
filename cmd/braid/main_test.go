package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newMain(env map[string]string) (*Main, *syncBuffer, *syncBuffer) {
	out, errOut := &syncBuffer{}, &syncBuffer{}
	return &Main{Stdout: out, Stderr: errOut, Stdin: strings.NewReader(""), Getenv: func(k string) string { return env[k] }}, out, errOut
}

// run executes one command with a fresh Main and returns its standard output.
func run(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	m, out, _ := newMain(env)
	err := m.Run(context.Background(), args)
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return out.String(), err
}

// TestServeWithDemo starts `braid serve` with no flags but a temporary data folder, as a
// newcomer would, and checks the printed address, the demo sign-in, health, readiness,
// the home page, metrics, and a graceful stop.
func TestServeWithDemo(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"BRAID_DATA_DIR": filepath.Join(dir, "data"), "BRAID_ADDR": "127.0.0.1:0"}
	m, out, _ := newMain(env)
	ready := make(chan string, 1)
	m.ready = ready
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"serve"}) }()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("serve stopped early: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start within 60s")
	}
	if !strings.Contains(out.String(), "Braid is running at "+base) || !strings.Contains(out.String(), "coordinator@demo.braid.example / braid-demo-2026") {
		t.Errorf("start-up message lacks the address or demo sign-in:\n%s", out.String())
	}
	// Metrics come last: the request counters appear once a request has been counted.
	for _, c := range [][2]string{{"/healthz", "ok"}, {"/readyz", "ready"}, {"/", "Braid"}, {"/metrics", `braid_http_requests_total{method="GET",route="GET /healthz",status="200"} 1`}} {
		path, want := c[0], c[1]
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %d, want 200 containing %q", path, resp.StatusCode, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "braid.db")); err != nil {
		t.Errorf("no SQLite database in the data folder: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not shut down within 20s")
	}
	m.Close()
}

// TestCommands runs the administration commands against one SQLite database.
func TestCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"BRAID_DATABASE_URL": filepath.Join(dir, "braid.db"), "BRAID_PASSWORD": "a long enough password"}
	if out, err := run(t, env, "migrate"); err != nil || !strings.Contains(out, "schema version") {
		t.Fatalf("migrate: %v %q", err, out)
	}
	if out, err := run(t, env, "user", "create", "--email", "Ada@Example.org", "--name", "Ada", "--admin"); err != nil || !strings.Contains(out, "ada@example.org") || !strings.Contains(out, "(admin)") {
		t.Fatalf("user create: %v %q", err, out)
	}
	if _, err := run(t, env, "user", "create", "--email", "ada@example.org", "--name", "Ada again"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("duplicate user: got %v, want an 'already exists' error", err)
	}
	if _, err := run(t, env, "user", "create", "--email", "not-an-email", "--name", ""); err == nil || !strings.Contains(err.Error(), "email:") || !strings.Contains(err.Error(), "name:") {
		t.Errorf("bad user: got %v, want errors naming email and name", err)
	}
	if out, err := run(t, env, "user", "token", "--email", "ada@example.org", "--name", "laptop"); err != nil || !strings.HasPrefix(out, "brd_") {
		t.Errorf("user token: %v %q", err, out)
	}
	if out, err := run(t, env, "demo"); err != nil || !strings.Contains(out, "Demo data loaded") {
		t.Fatalf("demo: %v %q", err, out)
	}
	backup := filepath.Join(dir, "copy.db")
	if _, err := run(t, env, "backup", backup); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if _, err := run(t, env, "backup", backup); err == nil {
		t.Error("backup onto an existing file succeeded; want an error")
	}
	if _, err := run(t, env, "frobnicate"); err == nil {
		t.Error("unknown command succeeded")
	}
}
