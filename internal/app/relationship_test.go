package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestRelationships_RecordConfirmMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Transit")
		repA, mA := join(t, a, coord, c, "Alpha", "alpha@example.org", domain.RoleMember, false)
		repB, mB := join(t, a, coord, c, "Beta", "beta@example.org", domain.RoleMember, false)
		outsider := mustUser(t, a, "out@example.org", false)
		other := mustCoalition(t, a, outsider, "Elsewhere")
		_, mX := join(t, a, outsider, other, "Gamma", "gamma@example.org", domain.RoleMember, false)
		A, B := mA.OrganizationID, mB.OrganizationID
		good := domain.Relationship{OrganizationID: A, OtherOrganizationID: B, Kind: "worked_together", Depth: 2, Since: "2021-05-01"}

		bad := []struct {
			name string
			edit func(r *domain.Relationship)
			code string
		}{
			{"depth 0", func(r *domain.Relationship) { r.Depth = 0 }, domain.EINVALID},
			{"depth 6", func(r *domain.Relationship) { r.Depth = 6 }, domain.EINVALID},
			{"self", func(r *domain.Relationship) { r.OtherOrganizationID = A }, domain.EINVALID},
			{"kind", func(r *domain.Relationship) { r.Kind = "friends" }, domain.EINVALID},
			{"since", func(r *domain.Relationship) { r.Since = "last spring" }, domain.EINVALID},
			{"unknown org", func(r *domain.Relationship) { r.OtherOrganizationID = "no-such-org" }, domain.ENOTFOUND},
			{"another coalition's org", func(r *domain.Relationship) { r.OtherOrganizationID = mX.OrganizationID }, domain.ENOTFOUND},
		}
		for _, tc := range bad {
			r := good
			tc.edit(&r)
			_, err := a.RecordRelationship(ctx, repA, c.ID, r)
			if domain.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v; want %s", tc.name, err, tc.code)
			}
		}
		// Only Alpha's representatives record for Alpha; outsiders do not see the coalition.
		_, err := a.RecordRelationship(ctx, repB, c.ID, good)
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.RecordRelationship(ctx, outsider, c.ID, good)
		wantCode(t, err, domain.ENOTFOUND)

		ab, err := a.RecordRelationship(ctx, repA, c.ID, good)
		if err != nil {
			t.Fatal(err)
		}
		if ab.OtherOrganizationName != "Beta" || ab.RecordedBy != repA.ID {
			t.Errorf("recorded %+v", ab)
		}
		_, err = a.RecordRelationship(ctx, repA, c.ID, good)
		wantCode(t, err, domain.ECONFLICT)

		// Alpha cannot confirm its own declaration; Beta confirms with depth 5.
		_, err = a.ConfirmRelationship(ctx, repA, c.ID, ab.ID, 0)
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.ConfirmRelationship(ctx, repB, c.ID, ab.ID, 6)
		wantCode(t, err, domain.EINVALID)
		ba, err := a.ConfirmRelationship(ctx, repB, c.ID, ab.ID, 5)
		if err != nil {
			t.Fatal(err)
		}
		if ba.OrganizationID != B || ba.Depth != 5 || ba.Kind != "worked_together" || ba.Since != "2021-05-01" {
			t.Errorf("confirmed %+v", ba)
		}
		_, err = a.ConfirmRelationship(ctx, repB, c.ID, ab.ID, 0)
		wantCode(t, err, domain.ECONFLICT)

		decls, err := a.Relationships(ctx, coord, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		ties := app.MergeTies(decls)
		// One tie; depth is the mean of 2 (Alpha's) and 5 (Beta's) = 3.5.
		if len(ties) != 1 || ties[0].Depth != 3.5 || !ties[0].Confirmed || ties[0].AName == "" {
			t.Errorf("ties = %+v", ties)
		}
		_, err = a.Relationships(ctx, outsider, c.ID)
		wantCode(t, err, domain.ENOTFOUND)

		// Alpha deepens its account; Beta may not change Alpha's; stale versions are refused.
		ch := app.RelationshipChange{Kind: "formal_agreement", Depth: 4}
		_, err = a.UpdateRelationship(ctx, repB, c.ID, ab.ID, ch, 1)
		wantCode(t, err, domain.EFORBIDDEN)
		up, err := a.UpdateRelationship(ctx, repA, c.ID, ab.ID, ch, 1)
		if err != nil || up.Depth != 4 || up.Version != 2 {
			t.Fatalf("update: %+v, %v", up, err)
		}
		_, err = a.UpdateRelationship(ctx, repA, c.ID, ab.ID, ch, 1)
		wantCode(t, err, domain.EPRECONDITION)
		_, err = a.UpdateRelationship(ctx, repA, c.ID, ab.ID, app.RelationshipChange{Kind: "other", Depth: 0}, 2)
		wantCode(t, err, domain.EINVALID)
		// Another coalition's view never finds it.
		_, err = a.UpdateRelationship(ctx, outsider, other.ID, ab.ID, ch, 2)
		wantCode(t, err, domain.ENOTFOUND)

		wantCode(t, a.DeleteRelationship(ctx, repA, c.ID, ba.ID), domain.EFORBIDDEN)
		if err := a.DeleteRelationship(ctx, repB, c.ID, ba.ID); err != nil {
			t.Fatal(err)
		}
		decls, _ = a.Relationships(ctx, repA, c.ID)
		if ties := app.MergeTies(decls); len(ties) != 1 || ties[0].Depth != 4 || ties[0].Confirmed {
			t.Errorf("after delete ties = %+v", ties)
		}
	})
}
