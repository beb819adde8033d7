package store_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestSessions_CommitFindDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		useClock(db)
		s := db.Sessions()
		data := []byte{0x00, 0xff, 'h', 'i', 0x00} // binary, not text
		if err := s.Commit("tok-1", data, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.Find("tok-1")
		if err != nil || !ok || !bytes.Equal(got, data) {
			t.Fatalf("Find = %v, %v, %v; want %v, true", got, ok, err, data)
		}
		if _, ok, err := s.Find("tok-unknown"); ok || err != nil {
			t.Errorf("Find(unknown) = %v, %v; want false, nil", ok, err)
		}

		// Committing again replaces data and expiry.
		if err := s.Commit("tok-1", []byte("v2"), t0.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Find("tok-1"); err != nil || !ok || string(got) != "v2" {
			t.Errorf("Find after recommit = %q, %v, %v; want v2", got, ok, err)
		}

		if err := s.Delete("tok-1"); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.Find("tok-1"); ok || err != nil {
			t.Errorf("Find after Delete = %v, %v; want false, nil", ok, err)
		}
		if err := s.Delete("tok-1"); err != nil {
			t.Errorf("deleting a missing session: %v", err)
		}
	})
}

func TestSessions_Expiry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		s := db.Sessions()
		for token, expiry := range map[string]time.Time{
			"short": t0.Add(time.Minute),
			"long":  t0.Add(time.Hour),
		} {
			if err := s.CommitCtx(ctx, token, []byte(token), expiry); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.AllCtx(ctx)
		if err != nil || len(all) != 2 {
			t.Fatalf("AllCtx = %v, %v; want both sessions", all, err)
		}

		clk.Advance(time.Minute) // "short" expires exactly now
		if _, ok, err := s.FindCtx(ctx, "short"); ok || err != nil {
			t.Errorf("expired session found: %v, %v", ok, err)
		}
		if _, ok, err := s.FindCtx(ctx, "long"); !ok || err != nil {
			t.Errorf("live session not found: %v, %v", ok, err)
		}
		all, err = s.AllCtx(ctx)
		if _, ok := all["long"]; err != nil || len(all) != 1 || !ok {
			t.Errorf("AllCtx after expiry = %v, %v; want only long", all, err)
		}

		n, err := s.DeleteExpired(ctx)
		if err != nil || n != 1 {
			t.Errorf("DeleteExpired = %d, %v; want 1", n, err)
		}
		if n, err := s.DeleteExpired(ctx); err != nil || n != 0 {
			t.Errorf("second DeleteExpired = %d, %v; want 0", n, err)
		}
		// Turning the clock back shows "short" was really removed, not just hidden.
		db.Now = func() time.Time { return t0 }
		if _, ok, _ := s.FindCtx(ctx, "short"); ok {
			t.Error("DeleteExpired left the expired session in the table")
		}
		if _, ok, _ := s.FindCtx(ctx, "long"); !ok {
			t.Error("DeleteExpired removed a live session")
		}
	})
}
