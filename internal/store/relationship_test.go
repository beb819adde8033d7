package store_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestRelationship_LifecycleAndHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Transit Together")
		a, b, out := createOrganization(t, db, "Alpha"), createOrganization(t, db, "Beta"), createOrganization(t, db, "Outside")
		createMembership(t, db, c.ID, a.ID)
		createMembership(t, db, c.ID, b.ID)

		ab := &domain.Relationship{OrganizationID: a.ID, OtherOrganizationID: b.ID, Kind: "mentoring", Depth: 2, Since: "2020-01-01"}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateRelationship(ctx, ab) })
		t0 := clk.Advance(time.Hour)
		// Alpha with an organization outside the coalition: not among the coalition's.
		mustWrite(t, db, func(tx *store.Tx) error {
			return tx.CreateRelationship(ctx, &domain.Relationship{OrganizationID: a.ID, OtherOrganizationID: out.ID, Kind: "other", Depth: 1})
		})

		// The same side again is a conflict; the other side is a declaration of its own.
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateRelationship(ctx, &domain.Relationship{OrganizationID: a.ID, OtherOrganizationID: b.ID, Kind: "other", Depth: 3})
		})
		wantCode(t, err, domain.ECONFLICT)
		clk.Advance(time.Minute)
		ba := &domain.Relationship{OrganizationID: b.ID, OtherOrganizationID: a.ID, Kind: "mentoring", Depth: 4}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateRelationship(ctx, ba) })

		// Unknown organization: the foreign key refuses it.
		err = db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateRelationship(ctx, &domain.Relationship{OrganizationID: a.ID, OtherOrganizationID: "nope", Kind: "other", Depth: 3})
		})
		wantCode(t, err, domain.EINVALID)

		clk.Advance(time.Hour)
		ab.Depth = 5
		mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateRelationship(ctx, ab, 1) })
		if ab.Version != 2 {
			t.Errorf("version %d after update; want 2", ab.Version)
		}
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateRelationship(ctx, ab, 1) })
		wantCode(t, err, domain.EPRECONDITION)

		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListRelationshipsAmong(ctx, c.ID)
			if err != nil {
				return err
			}
			if len(list) != 2 || list[0].ID != ab.ID || list[0].Depth != 5 || list[0].OtherOrganizationName != "Beta" || list[1].ID != ba.ID {
				t.Errorf("among = %+v", list)
			}
			all, err := tx.ListAllRelationships(ctx)
			if len(all) != 3 {
				t.Errorf("all = %d; want 3", len(all))
			}
			// As of t0: Alpha→Beta at depth 2 (before the update), Beta→Alpha not yet.
			then, err := tx.ListRelationshipsAsOf(ctx, c.ID, t0)
			if err != nil {
				return err
			}
			if len(then) != 1 || then[0].Depth != 2 || then[0].OrganizationID != a.ID {
				t.Errorf("as of t0 = %+v", then)
			}
			return err
		})

		clk.Advance(time.Hour)
		mustWrite(t, db, func(tx *store.Tx) error { return tx.DeleteRelationship(ctx, ba) })
		mustRead(t, db, func(tx *store.Tx) error {
			if _, err := tx.FindRelationship(ctx, ba.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
				t.Errorf("deleted relationship: %v", err)
			}
			now, err := tx.ListRelationshipsAsOf(ctx, c.ID, clk.Now())
			if len(now) != 1 || now[0].Depth != 5 {
				t.Errorf("now = %+v", now)
			}
			all, err := tx.ListRelationshipsAsOf(ctx, "", clk.Now())
			if len(all) != 2 {
				t.Errorf("deployment now = %+v", all)
			}
			return err
		})
	})
}
