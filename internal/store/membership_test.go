package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestMembership_CreateAndFind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		org := createOrganization(t, db, "Eastside Tenants")
		m := &domain.Membership{CoalitionID: c.ID, OrganizationID: org.ID, Role: domain.RoleAnchor, MostImpacted: true}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateMembership(ctx, m) })
		if m.ID == "" || m.Status != domain.StatusActive || m.Version != 1 || !m.JoinedAt.Equal(t0) || m.LeftAt != nil {
			t.Fatalf("after create: %+v", m)
		}

		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateMembership(ctx, &domain.Membership{CoalitionID: c.ID, OrganizationID: org.ID, Role: domain.RoleMember})
		})
		wantCode(t, err, domain.ECONFLICT)
		err = db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateMembership(ctx, &domain.Membership{CoalitionID: c.ID, OrganizationID: "no-such-org", Role: domain.RoleMember})
		})
		wantCode(t, err, domain.EINVALID)

		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindMembership(ctx, c.ID, m.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(m, got); diff != "" {
				t.Errorf("FindMembership (-created +found):\n%s", diff)
			}
			byOrg, err := tx.FindMembershipOfOrganization(ctx, c.ID, org.ID)
			if err != nil || byOrg.ID != m.ID {
				t.Errorf("FindMembershipOfOrganization = %v, %v; want %s", byOrg, err, m.ID)
			}
			// Asking through another coalition must not reveal the membership.
			_, err = tx.FindMembership(ctx, other.ID, m.ID)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = tx.FindMembershipOfOrganization(ctx, other.ID, org.ID)
			wantCode(t, err, domain.ENOTFOUND)
			_, err = tx.FindMembership(ctx, c.ID, "no-such-membership")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
	})
}

func TestMembership_UpdateChecksVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		m := createMembership(t, db, c.ID, createOrganization(t, db, "Eastside Tenants").ID)

		left := clk.Advance(24 * time.Hour)
		edit := *m
		edit.Role, edit.Status, edit.StatusReason, edit.LeftAt = domain.RoleObserver, domain.StatusLeft, "Capacity", &left
		mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateMembership(ctx, &edit, 1) })
		if edit.Version != 2 {
			t.Errorf("Version after update = %d, want 2", edit.Version)
		}

		stale := *m
		stale.Role = domain.RoleSteering
		err := db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateMembership(ctx, &stale, 1) })
		wantCode(t, err, domain.EPRECONDITION)
		// The right version through the wrong coalition is not found, not a version clash.
		wrong := edit
		wrong.CoalitionID = other.ID
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateMembership(ctx, &wrong, 2) })
		wantCode(t, err, domain.ENOTFOUND)

		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindMembership(ctx, c.ID, m.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(&edit, got); diff != "" {
				t.Errorf("stored (-want +got):\n%s", diff)
			}
			return nil
		})
	})
}

func TestMembership_ListOrderAndPaging(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		// Two organizations share a name: the membership id breaks the tie.
		names := []string{"Delta Org", "Alpha Org", "Echo Org", "Bravo Org", "Charlie Org", "Bravo Org", "Foxtrot Org"}
		for _, name := range names {
			createMembership(t, db, c.ID, createOrganization(t, db, name).ID)
		}
		createMembership(t, db, other.ID, createOrganization(t, db, "Aardvark Org").ID)

		var all []domain.Membership
		mustRead(t, db, func(tx *store.Tx) (err error) {
			all, err = tx.ListMemberships(ctx, c.ID, "", 0)
			return err
		})
		wantNames := []string{"Alpha Org", "Bravo Org", "Bravo Org", "Charlie Org", "Delta Org", "Echo Org", "Foxtrot Org"}
		var gotNames []string
		for _, m := range all {
			if m.Organization == nil || m.Organization.ID != m.OrganizationID || m.CoalitionID != c.ID {
				t.Fatalf("membership %s lacks its organization or coalition: %+v", m.ID, m)
			}
			gotNames = append(gotNames, m.Organization.Name)
		}
		if diff := cmp.Diff(wantNames, gotNames); diff != "" {
			t.Fatalf("ListMemberships order (-want +got):\n%s", diff)
		}
		if all[1].ID > all[2].ID {
			t.Errorf("equal names not ordered by membership id: %s before %s", all[1].ID, all[2].ID)
		}

		for _, size := range []int{1, 2, 3, 7, 10} {
			var walked []domain.Membership
			after := ""
			for range len(all) + 2 {
				var page []domain.Membership
				mustRead(t, db, func(tx *store.Tx) (err error) {
					page, err = tx.ListMemberships(ctx, c.ID, after, size)
					return err
				})
				if len(page) > size {
					t.Fatalf("page of %d for limit %d", len(page), size)
				}
				walked = append(walked, page...)
				if len(page) < size {
					break
				}
				after = page[len(page)-1].ID
			}
			if diff := cmp.Diff(all, walked); diff != "" {
				t.Errorf("paging by %d (-all +walked):\n%s", size, diff)
			}
		}
		mustRead(t, db, func(tx *store.Tx) error {
			rest, err := tx.ListMemberships(ctx, c.ID, all[4].ID, 0)
			if diff := cmp.Diff(all[5:], rest); err != nil || diff != "" {
				t.Errorf("after the fifth, no limit: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})
	})
}

func TestMembership_CountExcludesLeft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		c := createCoalition(t, db, "Clean Air")
		var ms []*domain.Membership
		for _, name := range []string{"Alpha Org", "Bravo Org", "Charlie Org"} {
			ms = append(ms, createMembership(t, db, c.ID, createOrganization(t, db, name).ID))
		}
		createMembership(t, db, createCoalition(t, db, "Other").ID, createOrganization(t, db, "Delta Org").ID)
		count := func() int {
			var n int
			mustRead(t, db, func(tx *store.Tx) (err error) { n, err = tx.CountMemberships(ctx, c.ID); return err })
			return n
		}
		if n := count(); n != 3 {
			t.Errorf("CountMemberships = %d, want 3", n)
		}
		for i, status := range []string{domain.StatusLeft, domain.StatusSteppingBack} {
			m := ms[i]
			m.Status = status
			mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateMembership(ctx, m, m.Version) })
		}
		if n := count(); n != 2 {
			t.Errorf("CountMemberships with one left and one stepping back = %d, want 2", n)
		}
	})
}
