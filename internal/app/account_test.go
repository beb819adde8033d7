package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestLoginThrottling checks that five wrong passwords lock the email for 15 minutes
// (even the right password is refused meanwhile), and that the lock lifts afterwards.
func TestLoginThrottling(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		mustUser(t, a, "ada@example.org", false)
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		a.DB().Now = func() time.Time { return now }
		if _, err := a.Authenticate(ctx, "ADA@example.org", "correct horse battery", "10.0.0.1"); err != nil {
			t.Fatalf("right password refused: %v", err)
		}
		for i := 0; i < 5; i++ {
			_, err := a.Authenticate(ctx, "ada@example.org", "wrong", "10.0.0.1")
			wantCode(t, err, domain.EUNAUTHORIZED)
		}
		_, err := a.Authenticate(ctx, "ada@example.org", "correct horse battery", "10.0.0.1")
		wantCode(t, err, domain.ETOOMANY)
		now = now.Add(16 * time.Minute)
		if _, err := a.Authenticate(ctx, "ada@example.org", "correct horse battery", "10.0.0.1"); err != nil {
			t.Fatalf("still locked after the window: %v", err)
		}
		// An unknown email fails the same way as a wrong password.
		_, err = a.Authenticate(ctx, "nobody@example.org", "whatever", "10.0.0.1")
		wantCode(t, err, domain.EUNAUTHORIZED)
	})
}

// TestAPITokens checks that a token authenticates its owner, is stored only as a hash
// (the listing never shows it), and stops working when revoked.
func TestAPITokens(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		u := mustUser(t, a, "ada@example.org", false)
		tok, err := a.CreateAPIToken(ctx, u, "laptop")
		if err != nil || len(tok.Token) < 40 {
			t.Fatalf("create: %v %q", err, tok.Token)
		}
		got, err := a.UserByAPIToken(ctx, tok.Token)
		if err != nil || got.ID != u.ID {
			t.Fatalf("token owner: %v %v", got, err)
		}
		list, _ := a.ListAPITokens(ctx, u)
		if len(list) != 1 || list[0].Token != "" || list[0].LastUsedAt == nil {
			t.Errorf("listing = %+v", list)
		}
		other := mustUser(t, a, "eve@example.org", false)
		wantCode(t, a.RevokeAPIToken(ctx, other, tok.ID), domain.ENOTFOUND)
		if err := a.RevokeAPIToken(ctx, u, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = a.UserByAPIToken(ctx, tok.Token)
		wantCode(t, err, domain.EUNAUTHORIZED)
		_, err = a.CreateAPIToken(ctx, u, "  ")
		wantCode(t, err, domain.EINVALID)
	})
}
