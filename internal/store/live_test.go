package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func receive(t *testing.T, s *store.Subscription) string {
	t.Helper()
	select {
	case msg := <-s.C:
		return msg
	case <-time.After(3 * time.Second):
		t.Fatal("no message within 3 s")
	}
	return ""
}

// TestLive publishes on topics, coalesces messages a slow subscriber has not read, caps
// subscriptions and forgets closed ones; on PostgreSQL it also survives losing its
// listening connection, telling subscribers to read again.
func TestLive(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		live := db.Live()
		a, err := live.Subscribe(ctx, "queue:a")
		if err != nil {
			t.Fatal(err)
		}
		b, err := live.Subscribe(ctx, "queue:b")
		if err != nil {
			t.Fatal(err)
		}
		if err := live.Publish(ctx, "queue:a", "1 open"); err != nil {
			t.Fatal(err)
		}
		if got := receive(t, a); got != "1 open" {
			t.Fatalf("a got %q", got)
		}
		select {
		case msg := <-b.C:
			t.Fatalf("b got a's message %q", msg)
		case <-time.After(100 * time.Millisecond):
		}
		// Three changes before a reads: it sees the latest only.
		for _, m := range []string{"2 open", "3 open", "4 closed"} {
			live.Publish(ctx, "queue:a", m)
		}
		time.Sleep(200 * time.Millisecond)
		if got := receive(t, a); got != "4 closed" {
			t.Fatalf("coalesced: %q", got)
		}

		live.Max = 2
		_, err = live.Subscribe(ctx, "queue:c")
		if domain.ErrorCode(err) != domain.ETOOMANY {
			t.Fatalf("over the cap: %v", err)
		}
		b.Close()
		b.Close() // twice is harmless
		if n := live.Listeners(); n != 1 {
			t.Fatalf("%d listeners after closing one", n)
		}
		if db.Dialect() != "postgres" {
			return
		}
		// Cut the listening connection from the server side: the hub reconnects and
		// tells its subscribers to read the state again, then delivers as before.
		admin, err := sql.Open("pgx", storetest.PostgresURL())
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		pid := live.ListenerPID()
		var ok bool
		if err := admin.QueryRowContext(ctx, `SELECT pg_terminate_backend($1)`, int64(pid)).Scan(&ok); err != nil || !ok {
			t.Fatalf("terminate the listener %d: %v %v", pid, ok, err)
		}
		if got := receive(t, a); got != store.Resync {
			t.Fatalf("after reconnecting: %q", got)
		}
		live.Publish(ctx, "queue:a", "5 open")
		if got := receive(t, a); got != "5 open" {
			t.Fatalf("after reconnecting, publish: %q", got)
		}
	})
}
