package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestUser_CreateAndFind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		u := &domain.User{Email: "  Ana.Lopez@Example.ORG ", Name: "Ana López", PasswordHash: "h", Admin: true, Locale: "es"}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateUser(ctx, u) })
		if u.ID == "" || u.Email != "ana.lopez@example.org" || !u.CreatedAt.Equal(t0) {
			t.Fatalf("after CreateUser: id %q, email %q, created %v", u.ID, u.Email, u.CreatedAt)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			byID, err := tx.FindUser(ctx, u.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(u, byID); diff != "" {
				t.Errorf("FindUser (-created +found):\n%s", diff)
			}
			for _, email := range []string{"ana.lopez@example.org", "ANA.LOPEZ@EXAMPLE.ORG", " Ana.Lopez@example.org"} {
				byEmail, err := tx.FindUserByEmail(ctx, email)
				if err != nil {
					t.Errorf("FindUserByEmail(%q): %v", email, err)
				} else if byEmail.ID != u.ID {
					t.Errorf("FindUserByEmail(%q) = %s, want %s", email, byEmail.ID, u.ID)
				}
			}
			if n, err := tx.CountUsers(ctx); err != nil || n != 1 {
				t.Errorf("CountUsers = %d, %v; want 1", n, err)
			}
			return nil
		})
	})
}

func TestUser_Errors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		createUser(t, db, "ana@example.org", "Ana")
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateUser(ctx, &domain.User{Email: "ANA@example.org", Name: "Other Ana"})
		})
		wantCode(t, err, domain.ECONFLICT)

		mustRead(t, db, func(tx *store.Tx) error {
			_, err := tx.FindUser(ctx, "no-such-id")
			wantCode(t, err, domain.ENOTFOUND)
			_, err = tx.FindUserByEmail(ctx, "nobody@example.org")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateUserPassword(ctx, "no-such-id", "h") })
		wantCode(t, err, domain.ENOTFOUND)
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.SetUserLocale(ctx, "no-such-id", "fr") })
		wantCode(t, err, domain.ENOTFOUND)
	})
}

func TestUser_UpdatePasswordAndLocale(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		u := createUser(t, db, "ana@example.org", "Ana")
		mustWrite(t, db, func(tx *store.Tx) error {
			if err := tx.UpdateUserPassword(ctx, u.ID, "new-hash"); err != nil {
				return err
			}
			return tx.SetUserLocale(ctx, u.ID, "fr")
		})
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindUser(ctx, u.ID)
			if err == nil && (got.PasswordHash != "new-hash" || got.Locale != "fr") {
				t.Errorf("after update: hash %q, locale %q", got.PasswordHash, got.Locale)
			}
			return err
		})
	})
}

func TestAPIToken_Lifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		ana := createUser(t, db, "ana@example.org", "Ana")
		ben := createUser(t, db, "ben@example.org", "Ben")
		older := &domain.APIToken{UserID: ana.ID, Name: "laptop"}
		newer := &domain.APIToken{UserID: ana.ID, Name: "phone"}
		bens := &domain.APIToken{UserID: ben.ID, Name: "ben's"}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateAPIToken(ctx, older, "hash-1") })
		clk.Advance(time.Minute)
		mustWrite(t, db, func(tx *store.Tx) error {
			if err := tx.CreateAPIToken(ctx, newer, "hash-2"); err != nil {
				return err
			}
			return tx.CreateAPIToken(ctx, bens, "hash-3")
		})
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateAPIToken(ctx, &domain.APIToken{UserID: ben.ID, Name: "dup"}, "hash-1")
		})
		wantCode(t, err, domain.ECONFLICT)

		mustRead(t, db, func(tx *store.Tx) error {
			owner, last, err := tx.FindUserByTokenHash(ctx, "hash-2")
			if err != nil || owner.ID != ana.ID || last != nil {
				t.Errorf("FindUserByTokenHash(hash-2) = %v, %v; want Ana", owner, err)
			}
			_, _, err = tx.FindUserByTokenHash(ctx, "hash-unknown")
			wantCode(t, err, domain.ENOTFOUND)
			list, err := tx.ListAPITokens(ctx, ana.ID)
			want := []domain.APIToken{*newer, *older} // newest first
			if diff := cmp.Diff(want, list); err != nil || diff != "" {
				t.Errorf("ListAPITokens: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})

		used := clk.Advance(time.Hour)
		mustWrite(t, db, func(tx *store.Tx) error { return tx.TouchAPIToken(ctx, "hash-1") })
		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListAPITokens(ctx, ana.ID)
			if err != nil || len(list) != 2 || list[0].LastUsedAt != nil || list[1].LastUsedAt == nil || !list[1].LastUsedAt.Equal(used) {
				t.Errorf("after TouchAPIToken: %+v, %v; want only the laptop token used at %v", list, err, used)
			}
			return nil
		})

		// Ben cannot revoke Ana's token: it looks as if it did not exist.
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.DeleteAPIToken(ctx, ben.ID, older.ID) })
		wantCode(t, err, domain.ENOTFOUND)
		mustWrite(t, db, func(tx *store.Tx) error { return tx.DeleteAPIToken(ctx, ana.ID, older.ID) })
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.DeleteAPIToken(ctx, ana.ID, older.ID) })
		wantCode(t, err, domain.ENOTFOUND)
		mustRead(t, db, func(tx *store.Tx) error {
			_, _, err := tx.FindUserByTokenHash(ctx, "hash-1")
			wantCode(t, err, domain.ENOTFOUND)
			list, err := tx.ListAPITokens(ctx, ana.ID)
			if err != nil || len(list) != 1 || list[0].ID != newer.ID {
				t.Errorf("ListAPITokens after delete = %+v, %v; want only the phone token", list, err)
			}
			list, err = tx.ListAPITokens(ctx, ben.ID)
			if err != nil || len(list) != 1 || list[0].ID != bens.ID {
				t.Errorf("Ben's tokens = %+v, %v; want his one token", list, err)
			}
			return nil
		})
	})
}

func TestLoginFailures_WindowAndClear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		record := func(email, ip string) {
			t.Helper()
			mustWrite(t, db, func(tx *store.Tx) error { return tx.RecordLoginFailure(ctx, email, ip) })
		}
		count := func(email, ip string, since time.Time) (int, int) {
			t.Helper()
			var byEmail, byIP int
			mustRead(t, db, func(tx *store.Tx) (err error) {
				byEmail, byIP, err = tx.CountLoginFailures(ctx, email, ip, since)
				return err
			})
			return byEmail, byIP
		}
		record("ana@example.org", "10.0.0.1") // t0, outside the window below
		record("ben@example.org", "10.0.0.3") // t0, pruned by Ana's sign-in below
		clk.Advance(10 * time.Minute)
		record("Ana@Example.org", "10.0.0.1")
		record("ana@example.org", "10.0.0.2")
		record("ben@example.org", "10.0.0.1")
		now := clk.Advance(time.Minute)

		window := now.Add(-5 * time.Minute)
		if e, ip := count("ANA@example.org", "10.0.0.1", window); e != 2 || ip != 2 {
			t.Errorf("in the window: byEmail %d, byIP %d; want 2, 2", e, ip)
		}
		if e, ip := count("ana@example.org", "10.0.0.1", t0); e != 3 || ip != 3 {
			t.Errorf("since t0: byEmail %d, byIP %d; want 3, 3", e, ip)
		}
		if e, ip := count("carla@example.org", "10.9.9.9", t0); e != 0 || ip != 0 {
			t.Errorf("strangers: byEmail %d, byIP %d; want 0, 0", e, ip)
		}

		if e, _ := count("ben@example.org", "", t0); e != 2 {
			t.Errorf("Ben's failures since t0 = %d, want 2", e)
		}

		// A successful sign-in clears Ana's failures and prunes everyone's old ones.
		mustWrite(t, db, func(tx *store.Tx) error { return tx.ClearLoginFailures(ctx, "Ana@example.org", window) })
		if e, ip := count("ana@example.org", "10.0.0.1", t0); e != 0 || ip != 1 {
			t.Errorf("after clear: byEmail %d, byIP %d; want 0, 1 (Ben's failure stays)", e, ip)
		}
		if e, _ := count("ben@example.org", "", t0); e != 1 {
			t.Errorf("Ben's failures after clearing Ana's = %d, want 1 (the old one pruned)", e)
		}
	})
}
