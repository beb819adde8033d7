package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestWrite_ErrorRollsBackEverything(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		errStop := errors.New("stop")
		org := newOrganization("Rolled Back Org")
		err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.CreateUser(ctx, &domain.User{Email: "gone@example.org", Name: "Gone"}); err != nil {
				return err
			}
			if err := tx.CreateOrganization(ctx, org); err != nil {
				return err
			}
			if err := tx.Audit(ctx, "", "", "organization.create", "organization", org.ID, nil); err != nil {
				return err
			}
			return errStop
		})
		if !errors.Is(err, errStop) {
			t.Fatalf("Write = %v, want the callback's error", err)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			if n, err := tx.CountUsers(ctx); err != nil || n != 0 {
				t.Errorf("CountUsers = %d, %v; want 0", n, err)
			}
			_, err := tx.FindUserByEmail(ctx, "gone@example.org")
			wantCode(t, err, domain.ENOTFOUND)
			_, err = tx.FindOrganization(ctx, org.ID)
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
	})
}

func TestWrite_DomainErrorKeepsItsCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		err := db.Write(t.Context(), func(tx *store.Tx) error {
			return domain.Errorf(domain.EFORBIDDEN, "no")
		})
		wantCode(t, err, domain.EFORBIDDEN)
	})
}

// A panic inside a transaction must roll it back; on SQLite a transaction left open would
// hold the only write connection and block every later write.
func TestWrite_PanicRollsBack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("the panic did not propagate")
				}
			}()
			_ = db.Write(t.Context(), func(tx *store.Tx) error {
				if err := tx.CreateUser(t.Context(), &domain.User{Email: "panic@example.org", Name: "P"}); err != nil {
					return err
				}
				panic("handler bug")
			})
		}()
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		err := db.Write(ctx, func(tx *store.Tx) error {
			n, err := tx.CountUsers(ctx)
			if err == nil && n != 0 {
				t.Errorf("CountUsers after the panic = %d, want 0", n)
			}
			return err
		})
		if err != nil {
			t.Fatalf("write after a panic: %v", err)
		}
	})
}

func TestRead_RejectsWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		err := db.Read(t.Context(), func(tx *store.Tx) error {
			return tx.CreateUser(t.Context(), &domain.User{Email: "ro@example.org", Name: "RO"})
		})
		if err == nil {
			t.Fatal("CreateUser inside Read succeeded, want an error")
		}
		mustRead(t, db, func(tx *store.Tx) error {
			_, err := tx.FindUserByEmail(t.Context(), "ro@example.org")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
	})
}

func TestTx_NowComesFromDBNow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		// Sub-microsecond precision and a non-UTC zone are dropped: every row written
		// in one transaction carries the same UTC microsecond.
		paris := time.FixedZone("CET", 3600)
		db.Now = func() time.Time { return time.Date(2025, 6, 2, 10, 30, 0, 123456789, paris) }
		want := time.Date(2025, 6, 2, 9, 30, 0, 123456000, time.UTC)
		var u *domain.User
		mustWrite(t, db, func(tx *store.Tx) error {
			if !tx.Now.Equal(want) || tx.Now.Location() != time.UTC {
				t.Errorf("tx.Now = %v, want %v", tx.Now, want)
			}
			u = &domain.User{Email: "time@example.org", Name: "Time"}
			return tx.CreateUser(t.Context(), u)
		})
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindUser(t.Context(), u.ID)
			if err != nil {
				return err
			}
			if !got.CreatedAt.Equal(want) || !u.CreatedAt.Equal(want) {
				t.Errorf("CreatedAt stored %v, returned %v; want %v", got.CreatedAt, u.CreatedAt, want)
			}
			return nil
		})
	})
}
