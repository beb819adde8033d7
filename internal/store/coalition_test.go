package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func TestCoalition_CreateAndFind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		first := createCoalition(t, db, "Clean Air Now!")
		second := createCoalition(t, db, "Clean Air Now")
		if first.Slug != "clean-air-now" {
			t.Errorf("slug = %q, want clean-air-now", first.Slug)
		}
		if second.Slug == first.Slug || !strings.HasPrefix(second.Slug, "clean-air-now-") {
			t.Errorf("second slug = %q, want a distinct clean-air-now-… slug", second.Slug)
		}
		if first.Version != 1 || !first.CreatedAt.Equal(t0) || first.Phase != "forming" {
			t.Errorf("after create: version %d, created %v, phase %q", first.Version, first.CreatedAt, first.Phase)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			for _, c := range []*domain.Coalition{first, second} {
				for _, key := range []string{c.ID, c.Slug} {
					got, err := tx.FindCoalition(ctx, key)
					if err != nil {
						t.Errorf("FindCoalition(%q): %v", key, err)
						continue
					}
					if diff := cmp.Diff(c, got); diff != "" {
						t.Errorf("FindCoalition(%q) (-created +found):\n%s", key, diff)
					}
				}
			}
			_, err := tx.FindCoalition(ctx, "no-such-coalition")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
	})
}

func TestCoalition_UpdateChecksVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		c := createCoalition(t, db, "Transit Justice")
		later := clk.Advance(time.Hour)
		edit := *c
		edit.Goal = "Free buses."
		edit.IssueAreas = []string{"transit", "climate"}
		edit.Phase = "campaign"
		edit.Public = true
		mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateCoalition(ctx, &edit, 1) })
		if edit.Version != 2 || !edit.UpdatedAt.Equal(later) || edit.Slug != c.Slug {
			t.Errorf("after update: version %d, updated %v, slug %q", edit.Version, edit.UpdatedAt, edit.Slug)
		}

		stale := *c
		stale.Goal = "Stale goal."
		err := db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCoalition(ctx, &stale, 1) })
		wantCode(t, err, domain.EPRECONDITION)
		missing := *c
		missing.ID = "no-such-coalition"
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateCoalition(ctx, &missing, 1) })
		wantCode(t, err, domain.ENOTFOUND)

		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindCoalition(ctx, c.ID)
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

// pageCoalitions walks ListCoalitions with the given page size and returns the ids seen.
func pageCoalitions(t *testing.T, db *store.DB, userID string, size int) []string {
	t.Helper()
	var ids []string
	after := ""
	for range 100 {
		var page []domain.Coalition
		mustRead(t, db, func(tx *store.Tx) (err error) {
			page, err = tx.ListCoalitions(t.Context(), userID, after, size)
			return err
		})
		if len(page) > size {
			t.Fatalf("page of %d for limit %d", len(page), size)
		}
		for _, c := range page {
			ids = append(ids, c.ID)
		}
		if len(page) < size {
			return ids
		}
		after = page[len(page)-1].ID
	}
	t.Fatal("paging did not end")
	return nil
}

func TestCoalition_ListPaging(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		ana := createUser(t, db, "ana@example.org", "Ana")
		createUser(t, db, "ben@example.org", "Ben")
		var all, anas []string
		for i := range 7 {
			c := createCoalition(t, db, "Coalition "+string(rune('A'+i)))
			all = append(all, c.ID)
			if i%2 == 0 {
				anas = append(anas, c.ID)
				mustWrite(t, db, func(tx *store.Tx) error {
					return tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: c.ID, UserID: ana.ID, Role: domain.AccessMember})
				})
			}
		}
		slices.Sort(all)
		slices.Sort(anas)
		for _, size := range []int{1, 2, 3, 7, 50} {
			if diff := cmp.Diff(all, pageCoalitions(t, db, "", size)); diff != "" {
				t.Errorf("all coalitions, pages of %d (-want +got):\n%s", size, diff)
			}
			if diff := cmp.Diff(anas, pageCoalitions(t, db, ana.ID, size)); diff != "" {
				t.Errorf("Ana's coalitions, pages of %d (-want +got):\n%s", size, diff)
			}
		}
		mustRead(t, db, func(tx *store.Tx) error {
			none, err := tx.ListCoalitions(ctx, "user-without-access", "", 10)
			if err != nil || len(none) != 0 {
				t.Errorf("ListCoalitions for a user without access = %d, %v; want none", len(none), err)
			}
			return nil
		})
	})
}

func TestCoalition_ListPublic(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		b := createCoalition(t, db, "Bravo")
		createCoalition(t, db, "Alpha")
		hidden := createCoalition(t, db, "Hidden")
		b.Public, hidden.Public = true, false
		for _, c := range []*domain.Coalition{b, hidden} {
			mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateCoalition(ctx, c, c.Version) })
		}
		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListPublicCoalitions(ctx)
			var names []string
			for _, c := range list {
				names = append(names, c.Name)
			}
			if diff := cmp.Diff([]string{"Bravo"}, names); err != nil || diff != "" {
				t.Errorf("ListPublicCoalitions: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})
	})
}

func TestCoalition_AccessRoles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		c := createCoalition(t, db, "Clean Air")
		other := createCoalition(t, db, "Other")
		zed := createUser(t, db, "zed@example.org", "Zed")
		ana := createUser(t, db, "ana@example.org", "Ana")
		mustWrite(t, db, func(tx *store.Tx) error {
			for _, a := range []domain.CoalitionAccess{
				{CoalitionID: c.ID, UserID: zed.ID, Role: domain.AccessObserver},
				{CoalitionID: c.ID, UserID: ana.ID, Role: domain.AccessMember},
				{CoalitionID: other.ID, UserID: ana.ID, Role: domain.AccessObserver},
				{CoalitionID: c.ID, UserID: ana.ID, Role: domain.AccessCoordinator}, // replaces member
			} {
				if err := tx.SetAccess(ctx, a); err != nil {
					return err
				}
			}
			return nil
		})
		mustRead(t, db, func(tx *store.Tx) error {
			for _, tc := range []struct{ coalition, user, want string }{
				{c.ID, ana.ID, domain.AccessCoordinator},
				{c.ID, zed.ID, domain.AccessObserver},
				{other.ID, ana.ID, domain.AccessObserver},
				{other.ID, zed.ID, ""},
				{c.ID, "no-such-user", ""},
			} {
				if role, err := tx.FindAccess(ctx, tc.coalition, tc.user); err != nil || role != tc.want {
					t.Errorf("FindAccess(%s, %s) = %q, %v; want %q", tc.coalition, tc.user, role, err, tc.want)
				}
			}
			list, err := tx.ListAccess(ctx, c.ID)
			want := []store.AccessWithUser{
				{CoalitionAccess: domain.CoalitionAccess{CoalitionID: c.ID, UserID: ana.ID, Role: domain.AccessCoordinator}, UserName: "Ana", UserEmail: "ana@example.org"},
				{CoalitionAccess: domain.CoalitionAccess{CoalitionID: c.ID, UserID: zed.ID, Role: domain.AccessObserver}, UserName: "Zed", UserEmail: "zed@example.org"},
			}
			if diff := cmp.Diff(want, list); err != nil || diff != "" {
				t.Errorf("ListAccess: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: c.ID, UserID: "no-such-user", Role: domain.AccessMember})
		})
		wantCode(t, err, domain.EINVALID)
	})
}

func TestSlugify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Clean Air Now!", "clean-air-now"},
		{"  --Rio Grande  Alliance--  ", "rio-grande-alliance"},
		{"!!!", "coalition"},
		{strings.Repeat("ab ", 40), strings.TrimSuffix(strings.Repeat("ab-", 20), "-")},
	} {
		if got := store.Slugify(tc.in); got != tc.want {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Whatever the script, a slug is non-empty and URL-safe.
	for _, name := range []string{"Río Grande", "Союз", "連合", "Ça ira"} {
		got := store.Slugify(name)
		if got == "" || strings.Trim(got, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Errorf("Slugify(%q) = %q, not a URL-safe slug", name, got)
		}
	}
}
