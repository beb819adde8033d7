package demo_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
	"github.com/google/go-cmp/cmp"
)

func TestGenerate_200Organizations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := demo.Generate(ctx, db, 200, 1); err != nil {
			t.Fatal(err)
		}
		n := counts(t, db)
		// 15 to 25 people per organization, 20 on average: about 4,000.
		if n["organizations"] != 200 || n["people"] < 3700 || n["people"] > 4300 || n["affiliations"] != n["people"] {
			t.Errorf("counts = %v, want 200 organizations and about 4,000 people", n)
		}
		if n["principles"] != 5*n["coalitions"] || n["adoptions"] == 0 {
			t.Errorf("counts = %v, want 5 principles per coalition and adoptions", n)
		}
		perOrg, perCoalition := membershipsByOrgAndCoalition(t, db)
		for org, k := range perOrg {
			if k < 1 || k > 3 {
				t.Errorf("organization %s is in %d coalitions, want 1 to 3", org, k)
			}
		}
		if len(perOrg) != 200 {
			t.Errorf("%d organizations have memberships, want all 200", len(perOrg))
		}
		for c, k := range perCoalition {
			if k < 50 || k > 200 {
				t.Errorf("coalition %s has %d members, want 50 to 200", c, k)
			}
		}
	})
}

func membershipsByOrgAndCoalition(t *testing.T, db *store.DB) (map[string]int, map[string]int) {
	t.Helper()
	perOrg, perCoalition := map[string]int{}, map[string]int{}
	err := db.Read(ctx, func(tx *store.Tx) error {
		orgs, err := tx.ListAllOrganizations(ctx)
		if err != nil {
			return err
		}
		for _, o := range orgs {
			ids, err := tx.CoalitionIDsOfOrganization(ctx, o.ID)
			if err != nil {
				return err
			}
			perOrg[o.ID] = len(ids)
			for _, c := range ids {
				perCoalition[c]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return perOrg, perCoalition
}

func TestGenerate_IsDeterministic(t *testing.T) {
	list := func(seed int64) []domain.Organization {
		db := storetest.MustOpenDB(t)
		if err := demo.Generate(ctx, db, 30, seed); err != nil {
			t.Fatal(err)
		}
		var orgs []domain.Organization
		if err := db.Read(ctx, func(tx *store.Tx) error {
			var err error
			orgs, err = tx.ListAllOrganizations(ctx)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return orgs
	}
	first := list(7)
	if diff := cmp.Diff(first, list(7)); diff != "" {
		t.Errorf("same seed, different data (-first +second):\n%s", diff)
	}
	if cmp.Equal(first, list(8)) {
		t.Error("another seed gave the same data")
	}
}

// TestGenerate_1000OrganizationsIsFast loads about 20,000 people on SQLite. Run it with
// -v to see the time; it fails above a minute.
func TestGenerate_1000OrganizationsIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 20,000 people")
	}
	db := storetest.MustOpenDB(t)
	start := time.Now()
	if err := demo.Generate(ctx, db, 1000, 1); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	n := counts(t, db)
	t.Logf("Generate(1000) on SQLite: %v; %d organizations, %d people, %d coalitions, %d memberships, %d adoptions",
		took.Round(time.Millisecond), n["organizations"], n["people"], n["coalitions"], n["memberships"], n["adoptions"])
	if took > time.Minute {
		t.Errorf("Generate(1000) took %v, want well under a minute", took)
	}
}
