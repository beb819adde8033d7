package store_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func createInvitation(t *testing.T, db *store.DB, coalitionID, orgName, tokenHash string) *domain.Invitation {
	t.Helper()
	inv := &domain.Invitation{
		CoalitionID: coalitionID, OrganizationName: orgName, Email: "hello@example.org",
		Role: domain.RoleMember, CreatedBy: "user-1", ExpiresAt: t0.Add(7 * 24 * time.Hour),
	}
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateInvitation(t.Context(), inv, tokenHash) })
	return inv
}

func TestInvitation_CreateFindAccept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		org := createOrganization(t, db, "Eastside Tenants")
		inv := &domain.Invitation{
			CoalitionID: c.ID, OrganizationName: org.Name, OrganizationID: org.ID, Email: "ana@example.org",
			Role: domain.RoleSteering, MostImpacted: true, CreatedBy: "user-1", ExpiresAt: t0.Add(72 * time.Hour),
		}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateInvitation(ctx, inv, "hash-a") })
		if inv.ID == "" || !inv.CreatedAt.Equal(t0) {
			t.Fatalf("after create: id %q, created %v", inv.ID, inv.CreatedAt)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindInvitationByTokenHash(ctx, "hash-a")
			if err != nil {
				return err
			}
			if diff := cmp.Diff(inv, got); diff != "" {
				t.Errorf("FindInvitationByTokenHash (-created +found):\n%s", diff)
			}
			_, err = tx.FindInvitationByTokenHash(ctx, "hash-unknown")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreateInvitation(ctx, &domain.Invitation{CoalitionID: c.ID, Role: domain.RoleMember, ExpiresAt: t0}, "hash-a")
		})
		wantCode(t, err, domain.ECONFLICT)

		accepted := clk.Advance(time.Hour)
		m := createMembership(t, db, c.ID, org.ID)
		mustWrite(t, db, func(tx *store.Tx) error { return tx.MarkInvitationAccepted(ctx, inv.ID, m.ID) })
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.MarkInvitationAccepted(ctx, inv.ID, m.ID) })
		wantCode(t, err, domain.ECONFLICT)
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindInvitationByTokenHash(ctx, "hash-a")
			if err != nil {
				return err
			}
			if got.AcceptedAt == nil || !got.AcceptedAt.Equal(accepted) || got.MembershipID != m.ID {
				t.Errorf("after accept: accepted %v, membership %q; want %v, %q", got.AcceptedAt, got.MembershipID, accepted, m.ID)
			}
			return nil
		})
	})
}

func TestInvitation_ListNewestFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clk := useClock(db)
		c := createCoalition(t, db, "Clean Air")
		var want []string
		for i := range 3 {
			inv := createInvitation(t, db, c.ID, "Org "+strconv.Itoa(i), "hash-"+strconv.Itoa(i))
			want = append([]string{inv.ID}, want...)
			clk.Advance(time.Minute)
		}
		createInvitation(t, db, createCoalition(t, db, "Other").ID, "Elsewhere", "hash-other")
		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListInvitations(t.Context(), c.ID)
			var got []string
			for _, inv := range list {
				got = append(got, inv.ID)
			}
			if diff := cmp.Diff(want, got); err != nil || diff != "" {
				t.Errorf("ListInvitations: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})
	})
}

// Two people open the same invitation at the same moment: each transaction creates its
// organization's membership and marks the invitation used; exactly one may succeed, and
// the loser's membership must be rolled back with it.
func TestInvitation_ConcurrentAcceptanceHasOneWinner(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		for round := range 5 {
			suffix := " " + strconv.Itoa(round)
			c := createCoalition(t, db, "Clean Air"+suffix)
			orgs := []*domain.Organization{createOrganization(t, db, "First"+suffix), createOrganization(t, db, "Second"+suffix)}
			hash := "race-" + strconv.Itoa(round)
			createInvitation(t, db, c.ID, "Anyone", hash)
			errs := make([]error, len(orgs))
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i, org := range orgs {
				wg.Go(func() {
					<-start
					errs[i] = db.Write(t.Context(), func(tx *store.Tx) error {
						return acceptInvitation(tx, hash, org.ID)
					})
				})
			}
			close(start)
			wg.Wait()

			winners := 0
			for _, err := range errs {
				if err == nil {
					winners++
				} else {
					wantCode(t, err, domain.ECONFLICT)
				}
			}
			if winners != 1 {
				t.Fatalf("round %d: %d acceptances succeeded, want exactly 1", round, winners)
			}
			var n int
			mustRead(t, db, func(tx *store.Tx) (err error) { n, err = tx.CountMemberships(t.Context(), c.ID); return err })
			if n != 1 {
				t.Fatalf("round %d: %d memberships exist, want only the winner's", round, n)
			}
		}
	})
}

// acceptInvitation does what the accept use case does: check, join, mark used.
func acceptInvitation(tx *store.Tx, hash, orgID string) error {
	ctx := context.Background()
	inv, err := tx.FindInvitationByTokenHash(ctx, hash)
	if err != nil {
		return err
	}
	if inv.AcceptedAt != nil {
		return domain.Errorf(domain.ECONFLICT, "This invitation has already been used.")
	}
	m := &domain.Membership{CoalitionID: inv.CoalitionID, OrganizationID: orgID, Role: inv.Role}
	if err := tx.CreateMembership(ctx, m); err != nil {
		return err
	}
	return tx.MarkInvitationAccepted(ctx, inv.ID, m.ID)
}
