package store_test

import (
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestTargets_AssessmentsAndAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		c := createCoalition(t, db, "Transit")
		org := createOrganization(t, db, "Alpha")
		tg := &domain.Target{CoalitionID: c.ID, Name: "Mayor", Kind: "person"}
		mustWrite(t, db, func(tx *store.Tx) error {
			if err := tx.CreateTarget(ctx, tg); err != nil {
				return err
			}
			for _, a := range []domain.TargetAssessment{{Influence: 5, Stance: 1, AssessedOn: "2026-03-01"}, {Influence: 4, Stance: -1, AssessedOn: "2026-01-01"}} {
				a.TargetID = tg.ID
				if err := tx.AddTargetAssessment(ctx, &a); err != nil {
					return err
				}
			}
			if err := tx.SetTargetAccess(ctx, &domain.TargetAccess{TargetID: tg.ID, OrganizationID: org.ID, Strength: 2}); err != nil {
				return err
			}
			return tx.SetTargetAccess(ctx, &domain.TargetAccess{TargetID: tg.ID, OrganizationID: org.ID, Strength: 4}) // replaces
		})
		// The database refuses a stance outside −2..2 even past the application.
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.AddTargetAssessment(ctx, &domain.TargetAssessment{TargetID: tg.ID, Influence: 3, Stance: 3, AssessedOn: "2026-01-01"})
		})
		if err == nil {
			t.Error("stance 3 stored")
		}
		mustRead(t, db, func(tx *store.Tx) error {
			ts, err := tx.ListTargets(ctx, c.ID)
			if err != nil {
				return err
			}
			if len(ts) != 1 || len(ts[0].Assessments) != 2 || ts[0].Current().AssessedOn != "2026-03-01" || ts[0].Previous().Stance != -1 {
				t.Errorf("targets %+v", ts)
			}
			if len(ts[0].Access) != 1 || ts[0].Access[0].Strength != 4 || ts[0].Access[0].OrganizationName != "Alpha" {
				t.Errorf("access %+v", ts[0].Access)
			}
			if _, err := tx.FindTarget(ctx, "other", tg.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Errorf("another coalition's target: %v", err)
			}
			return nil
		})
	})
}
