package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// createPrinciple creates a principle with one version per title, a minute apart.
func createPrinciple(t *testing.T, db *store.DB, clk *clock, coalitionID string, titles ...string) (*domain.Principle, []domain.PrincipleVersion) {
	t.Helper()
	p := &domain.Principle{CoalitionID: coalitionID}
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreatePrinciple(t.Context(), p) })
	var versions []domain.PrincipleVersion
	for _, title := range titles {
		clk.Advance(time.Minute)
		v := &domain.PrincipleVersion{PrincipleID: p.ID, Title: title, Body: "Body of " + title, CreatedBy: "user-1"}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.AddPrincipleVersion(t.Context(), v) })
		versions = append(versions, *v)
	}
	return p, versions
}

func TestPrinciple_VersionsAndList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		first, firstVersions := createPrinciple(t, db, clk, c.ID, "Draft", "Revised", "Final")
		second, secondVersions := createPrinciple(t, db, clk, c.ID, "Solidarity")
		createPrinciple(t, db, clk, createCoalition(t, db, "Other").ID, "Elsewhere")
		for i, v := range firstVersions {
			if v.Version != i+1 {
				t.Errorf("version %d numbered %d", i+1, v.Version)
			}
		}
		if first.Position != 1 || second.Position != 2 {
			t.Errorf("positions %d, %d; want 1, 2", first.Position, second.Position)
		}

		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.AddPrincipleVersion(ctx, &domain.PrincipleVersion{PrincipleID: first.ID, Version: 2, Title: "Dup", Body: "x"})
		})
		wantCode(t, err, domain.ECONFLICT)

		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListPrinciples(ctx, c.ID)
			if err != nil {
				return err
			}
			want := []domain.Principle{
				{ID: first.ID, CoalitionID: c.ID, Position: 1, CreatedAt: first.CreatedAt, Current: firstVersions[2], Versions: firstVersions},
				{ID: second.ID, CoalitionID: c.ID, Position: 2, CreatedAt: second.CreatedAt, Current: secondVersions[0], Versions: secondVersions},
			}
			if diff := cmp.Diff(want, list); diff != "" {
				t.Errorf("ListPrinciples (-want +got):\n%s", diff)
			}
			return nil
		})
	})
}

func TestPrinciple_FindVersionScopedToCoalition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		_, versions := createPrinciple(t, db, clk, c.ID, "Draft", "Final")
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindPrincipleVersion(ctx, c.ID, versions[1].ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(&versions[1], got); diff != "" {
				t.Errorf("FindPrincipleVersion (-want +got):\n%s", diff)
			}
			_, err = tx.FindPrincipleVersion(ctx, other.ID, versions[1].ID)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = tx.FindPrincipleVersion(ctx, c.ID, "no-such-version")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
	})
}

func TestAdoption_CreateAndList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		_, versions := createPrinciple(t, db, clk, c.ID, "Draft", "Final")
		_, otherVersions := createPrinciple(t, db, clk, other.ID, "Elsewhere")
		alpha := createMembership(t, db, c.ID, createOrganization(t, db, "Alpha Org").ID)
		bravo := createMembership(t, db, c.ID, createOrganization(t, db, "Bravo Org").ID)
		outside := createMembership(t, db, other.ID, createOrganization(t, db, "Outside Org").ID)

		var want []domain.Adoption
		for _, a := range []domain.Adoption{
			{MembershipID: bravo.ID, PrincipleVersionID: versions[1].ID, AdoptedBy: "user-b"},
			{MembershipID: alpha.ID, PrincipleVersionID: versions[0].ID, AdoptedBy: "user-a"},
			{MembershipID: alpha.ID, PrincipleVersionID: versions[1].ID, AdoptedBy: "user-a"},
		} {
			clk.Advance(time.Minute)
			mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateAdoption(ctx, &a) })
			if a.ID == "" || !a.AdoptedAt.Equal(clk.Now()) {
				t.Fatalf("after CreateAdoption: %+v", a)
			}
			want = append(want, a)
		}
		mustWrite(t, db, func(tx *store.Tx) error {
			return tx.CreateAdoption(ctx, &domain.Adoption{MembershipID: outside.ID, PrincipleVersionID: otherVersions[0].ID})
		})

		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateAdoption(ctx, &domain.Adoption{MembershipID: alpha.ID, PrincipleVersionID: versions[0].ID, AdoptedBy: "user-c"})
		})
		wantCode(t, err, domain.ECONFLICT)

		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListAdoptions(ctx, c.ID)
			if diff := cmp.Diff(want, list); err != nil || diff != "" {
				t.Errorf("ListAdoptions: %v (-want +got, oldest first):\n%s", err, diff)
			}
			return nil
		})
	})
}
