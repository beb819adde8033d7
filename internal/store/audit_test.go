package store_test

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestAudit_ListNewestFirstWithActor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		ana := createUser(t, db, "ana@example.org", "Ana")
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		mustWrite(t, db, func(tx *store.Tx) error {
			return tx.Audit(ctx, c.ID, ana.ID, "membership.update", "membership", "m-1", map[string]any{"role": []string{"member", "anchor"}})
		})
		clk.Advance(time.Minute)
		mustWrite(t, db, func(tx *store.Tx) error {
			if err := tx.Audit(ctx, other.ID, ana.ID, "coalition.update", "coalition", other.ID, nil); err != nil {
				return err
			}
			if err := tx.Audit(ctx, "", ana.ID, "user.login", "user", ana.ID, nil); err != nil {
				return err
			}
			return tx.Audit(ctx, c.ID, "", "invitation.expire", "invitation", "i-1", nil) // the system acts
		})

		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListAudit(ctx, c.ID, 0, 10)
			if err != nil {
				return err
			}
			if len(list) != 2 {
				t.Fatalf("ListAudit = %d entries, want 2 (other coalitions excluded)", len(list))
			}
			newest, oldest := list[0], list[1]
			if newest.ID <= oldest.ID {
				t.Errorf("ids %d then %d, want newest first", newest.ID, oldest.ID)
			}
			want := domain.AuditEntry{ID: oldest.ID, CoalitionID: c.ID, ActorID: ana.ID, ActorName: "Ana", At: t0,
				Action: "membership.update", SubjectType: "membership", SubjectID: "m-1",
				Changes: json.RawMessage(`{"role":["member","anchor"]}`)}
			if diff := cmp.Diff(want, oldest); diff != "" {
				t.Errorf("oldest entry (-want +got):\n%s", diff)
			}
			if newest.ActorName != "" || newest.ActorID != "" || newest.Action != "invitation.expire" ||
				!newest.At.Equal(t0.Add(time.Minute)) || string(newest.Changes) != "{}" {
				t.Errorf("system entry = %+v; want no actor, empty changes", newest)
			}
			return nil
		})
	})
}

func TestAudit_CursorPaging(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		const n = 7
		mustWrite(t, db, func(tx *store.Tx) error {
			for i := range n {
				if err := tx.Audit(ctx, c.ID, "", "step", "thing", strconv.Itoa(i), nil); err != nil {
					return err
				}
				// Interleaved entries of another coalition must not appear in the pages.
				if err := tx.Audit(ctx, other.ID, "", "step", "thing", "other", nil); err != nil {
					return err
				}
			}
			return nil
		})
		for _, size := range []int{1, 2, 3, n} {
			var subjects []string
			var before int64
			for range n + 2 {
				var page []domain.AuditEntry
				mustRead(t, db, func(tx *store.Tx) (err error) {
					page, err = tx.ListAudit(ctx, c.ID, before, size)
					return err
				})
				for _, e := range page {
					subjects = append(subjects, e.SubjectID)
				}
				if len(page) < size {
					break
				}
				before = page[len(page)-1].ID
			}
			want := []string{"6", "5", "4", "3", "2", "1", "0"}
			if diff := cmp.Diff(want, subjects); diff != "" {
				t.Errorf("pages of %d (-want +got):\n%s", size, diff)
			}
		}
	})
}
