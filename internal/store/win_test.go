package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestWin_CreateFindListUpdate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		one, two := createOrganization(t, db, "Org One"), createOrganization(t, db, "Org Two")
		w := &domain.Win{CoalitionID: c.ID, Date: "2025-02-10", Title: "Ordinance passed", Kind: "policy", Size: "major",
			Description: "Council vote 7–2.", Public: true, CreatedBy: "user-1", Credits: []domain.Credit{
				{OrganizationID: two.ID, Contribution: "Turned out 40 people", Weight: 2},
				{OrganizationID: one.ID, Contribution: "Drafted the text", Weight: 1}}}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateWin(ctx, w) })
		clk.Advance(time.Hour)
		older := &domain.Win{CoalitionID: c.ID, Date: "2025-01-05", Title: "First meeting", Kind: "relationship", Size: "short_term", Credits: []domain.Credit{}}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateWin(ctx, older) })
		other := createCoalition(t, db, "Other")
		mustWrite(t, db, func(tx *store.Tx) error {
			return tx.CreateWin(ctx, &domain.Win{CoalitionID: other.ID, Date: "2025-03-01", Title: "Elsewhere", Kind: "other", Size: "major"})
		})

		// A second submit of the same win is refused.
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateWin(ctx, &domain.Win{CoalitionID: c.ID, Date: "2025-02-10", Title: "Ordinance passed", Kind: "policy", Size: "major"})
		})
		wantCode(t, err, domain.ECONFLICT)

		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindWin(ctx, c.ID, w.ID)
			if err != nil {
				return err
			}
			want := *w
			want.Credits = []domain.Credit{
				{OrganizationID: two.ID, OrganizationName: "Org Two", Contribution: "Turned out 40 people", Weight: 2},
				{OrganizationID: one.ID, OrganizationName: "Org One", Contribution: "Drafted the text", Weight: 1}}
			if d := cmp.Diff(&want, got); d != "" {
				t.Errorf("FindWin (-want +got):\n%s", d)
			}
			_, err = tx.FindWin(ctx, other.ID, w.ID)
			wantCode(t, err, domain.ENOTFOUND)
			all, err := tx.ListWins(ctx, c.ID, false)
			if err != nil {
				return err
			}
			if len(all) != 2 || all[0].ID != w.ID || all[1].ID != older.ID || len(all[0].Credits) != 2 || len(all[1].Credits) != 0 {
				t.Errorf("ListWins = %+v, want the ordinance then the first meeting", all)
			}
			public, err := tx.ListWins(ctx, c.ID, true)
			if err != nil {
				return err
			}
			if len(public) != 1 || public[0].ID != w.ID {
				t.Errorf("public wins = %+v, want only the ordinance", public)
			}
			return nil
		})

		// Updates replace the credits and check the version.
		clk.Advance(time.Hour)
		w.Title, w.Credits = "Ordinance adopted", []domain.Credit{{OrganizationID: one.ID, Contribution: "Everything", Weight: 1}}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateWin(ctx, w, 1) })
		if w.Version != 2 || !w.UpdatedAt.Equal(t0.Add(2*time.Hour)) {
			t.Errorf("after update: version %d, updated %v", w.Version, w.UpdatedAt)
		}
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateWin(ctx, w, 1) })
		wantCode(t, err, domain.EPRECONDITION)
		stranger := *w
		stranger.CoalitionID = other.ID
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateWin(ctx, &stranger, 2) })
		wantCode(t, err, domain.ENOTFOUND)
		// Renaming onto another win's day and title is a conflict too.
		older.Date, older.Title = w.Date, w.Title
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateWin(ctx, older, 1) })
		wantCode(t, err, domain.ECONFLICT)
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindWin(ctx, c.ID, w.ID)
			if err != nil {
				return err
			}
			if got.Title != "Ordinance adopted" || len(got.Credits) != 1 || got.Credits[0].OrganizationID != one.ID {
				t.Errorf("after update: %+v", got)
			}
			return nil
		})
	})
}

// The database refuses a negative weight even if a caller skipped validation.
func TestWin_NegativeWeightRefusedByDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := createCoalition(t, db, "Clean Air")
		one := createOrganization(t, db, "Org One")
		err := db.Write(t.Context(), func(tx *store.Tx) error {
			return tx.CreateWin(t.Context(), &domain.Win{CoalitionID: c.ID, Date: "2025-02-10", Title: "Bad", Kind: "policy", Size: "major",
				Credits: []domain.Credit{{OrganizationID: one.ID, Weight: -1}}})
		})
		if err == nil {
			t.Fatal("a negative weight was stored")
		}
		mustRead(t, db, func(tx *store.Tx) error {
			wins, err := tx.ListWins(t.Context(), c.ID, false)
			if len(wins) != 0 {
				t.Errorf("the win was stored without its credit: %+v", wins)
			}
			return err
		})
	})
}

func TestPhaseChange_MovesCoalition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		moves := []*domain.PhaseChange{
			{CoalitionID: c.ID, FromPhase: "forming", ToPhase: "campaign", On: "2025-03-01", Learned: "Trust takes time", CarryForward: "Monthly meals"},
			{CoalitionID: c.ID, FromPhase: "campaign", ToPhase: "sustaining", On: "2025-02-01", Learned: "Backdated", CarryForward: "x"},
		}
		for _, m := range moves {
			clk.Advance(time.Minute)
			mustWrite(t, db, func(tx *store.Tx) error { return tx.CreatePhaseChange(ctx, m) })
		}
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindCoalition(ctx, c.ID)
			if err != nil {
				return err
			}
			if got.Phase != "sustaining" || got.Version != 3 {
				t.Errorf("coalition phase %q version %d, want sustaining 3", got.Phase, got.Version)
			}
			list, err := tx.ListPhaseChanges(ctx, c.ID)
			if err != nil {
				return err
			}
			// Ordered by day: the backdated move comes first.
			want := []domain.PhaseChange{*moves[1], *moves[0]}
			if d := cmp.Diff(want, list); d != "" {
				t.Errorf("ListPhaseChanges (-want +got):\n%s", d)
			}
			return nil
		})
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreatePhaseChange(ctx, &domain.PhaseChange{CoalitionID: "nope", FromPhase: "forming", ToPhase: "campaign", On: "2025-03-01", Learned: "x", CarryForward: "y"})
		})
		if err == nil {
			t.Error("a phase change of a missing coalition was stored")
		}
	})
}
