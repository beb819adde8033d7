package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func fullOrganization() *domain.Organization {
	return &domain.Organization{
		Name: "Eastside Tenants Union", Kind: "union", Mission: "Keep homes.", Website: "https://etu.example.org",
		Geographies: []string{"Eastside", "Downtown"}, IssueAreas: []string{"housing"},
		Skills:     []domain.Skill{{Name: "canvassing", Level: "can_teach"}, {Name: "data", Level: "learning"}},
		Languages:  []string{"en", "es"},
		BudgetBand: domain.BudgetUnder250k, StaffSize: 4, BipocLed: "yes", Identity: "Latinx-led",
		Visibility: domain.Visibility{Listed: true, Fields: []string{"mission", "skills"}},
	}
}

func TestOrganization_CreateFindRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		o := fullOrganization()
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateOrganization(ctx, o) })
		if o.ID == "" || o.Version != 1 || !o.CreatedAt.Equal(t0) || !o.UpdatedAt.Equal(t0) {
			t.Fatalf("after create: id %q version %d created %v updated %v", o.ID, o.Version, o.CreatedAt, o.UpdatedAt)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindOrganization(ctx, o.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(o, got); diff != "" {
				t.Errorf("FindOrganization (-created +found):\n%s", diff)
			}
			_, err = tx.FindOrganization(ctx, "no-such-id")
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
	})
}

func TestOrganization_UpdateChecksVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		o := fullOrganization()
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateOrganization(ctx, o) })

		later := clk.Advance(time.Hour)
		edit := *o
		edit.Name = "Eastside Tenants Union (ETU)"
		edit.Skills = []domain.Skill{{Name: "facilitation", Level: "practising"}}
		edit.Visibility = domain.Visibility{Listed: false, Fields: []string{}}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.UpdateOrganization(ctx, &edit, 1) })
		if edit.Version != 2 || !edit.UpdatedAt.Equal(later) {
			t.Errorf("after update: version %d, updated %v; want 2, %v", edit.Version, edit.UpdatedAt, later)
		}

		// A second editor still holding version 1 is refused and changes nothing.
		clk.Advance(time.Hour)
		stale := *o
		stale.Name = "Stale name"
		err := db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateOrganization(ctx, &stale, 1) })
		wantCode(t, err, domain.EPRECONDITION)
		if stale.Version != 1 {
			t.Errorf("refused update changed Version to %d", stale.Version)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindOrganization(ctx, o.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(&edit, got); diff != "" {
				t.Errorf("stored after refused update (-want +got):\n%s", diff)
			}
			return nil
		})

		missing := *o
		missing.ID = "no-such-id"
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.UpdateOrganization(ctx, &missing, 1) })
		wantCode(t, err, domain.ENOTFOUND)
	})
}

func TestOrganization_ListAllByName(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		for _, name := range []string{"Charlie Org", "Alpha Org", "Bravo Org"} {
			createOrganization(t, db, name)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			list, err := tx.ListAllOrganizations(t.Context())
			if diff := cmp.Diff([]string{"Alpha Org", "Bravo Org", "Charlie Org"}, orgNames(list)); err != nil || diff != "" {
				t.Errorf("ListAllOrganizations: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})
	})
}

func orgNames(list []domain.Organization) []string {
	out := []string{}
	for _, o := range list {
		out = append(out, o.Name)
	}
	return out
}

func TestPeople_AffiliationsAndRepresentatives(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		ana := createUser(t, db, "ana@example.org", "Ana")
		bravo := createOrganization(t, db, "Bravo Org")
		alpha := createOrganization(t, db, "Alpha Org")
		charlie := createOrganization(t, db, "Charlie Org")
		person := &domain.Person{Name: "Ana", Pronouns: "she/her", Languages: []string{"es", "en"}, UserID: ana.ID}
		noAccount := &domain.Person{Name: "Zoe"}
		mustWrite(t, db, func(tx *store.Tx) error {
			if err := tx.CreatePerson(ctx, person); err != nil {
				return err
			}
			if err := tx.CreatePerson(ctx, noAccount); err != nil {
				return err
			}
			for _, a := range []domain.Affiliation{
				{PersonID: person.ID, OrganizationID: bravo.ID, Title: "Organizer", Representative: true},
				{PersonID: person.ID, OrganizationID: alpha.ID, Title: "Director", Representative: true},
				{PersonID: person.ID, OrganizationID: charlie.ID, Title: "Volunteer"},
				{PersonID: noAccount.ID, OrganizationID: alpha.ID, Representative: true},
			} {
				if err := tx.AddAffiliation(ctx, a); err != nil {
					return err
				}
			}
			return nil
		})
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.CreatePerson(ctx, &domain.Person{Name: "Second Ana", UserID: ana.ID})
		})
		wantCode(t, err, domain.ECONFLICT) // one person per account

		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindPersonByUser(ctx, ana.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(person, got); diff != "" {
				t.Errorf("FindPersonByUser (-created +found):\n%s", diff)
			}
			_, err = tx.FindPersonByUser(ctx, "no-such-user")
			wantCode(t, err, domain.ENOTFOUND)
			for org, want := range map[*domain.Organization]bool{alpha: true, bravo: true, charlie: false} {
				if is, err := tx.IsRepresentative(ctx, ana.ID, org.ID); err != nil || is != want {
					t.Errorf("IsRepresentative(Ana, %s) = %v, %v; want %v", org.Name, is, err, want)
				}
			}
			orgs, err := tx.ListOrganizationsOfUser(ctx, ana.ID)
			if diff := cmp.Diff([]string{"Alpha Org", "Bravo Org"}, orgNames(orgs)); err != nil || diff != "" {
				t.Errorf("ListOrganizationsOfUser: %v (-want +got):\n%s", err, diff)
			}
			return nil
		})

		// Adding an existing affiliation updates its title and flag.
		mustWrite(t, db, func(tx *store.Tx) error {
			return tx.AddAffiliation(ctx, domain.Affiliation{PersonID: person.ID, OrganizationID: charlie.ID, Title: "Board", Representative: true})
		})
		mustRead(t, db, func(tx *store.Tx) error {
			if is, err := tx.IsRepresentative(ctx, ana.ID, charlie.ID); err != nil || !is {
				t.Errorf("IsRepresentative after upsert = %v, %v; want true", is, err)
			}
			orgs, err := tx.ListOrganizationsOfUser(ctx, ana.ID)
			if err != nil || len(orgs) != 3 {
				t.Errorf("ListOrganizationsOfUser after upsert = %v, %v; want 3", orgNames(orgs), err)
			}
			return nil
		})
	})
}

func TestPeople_ListPeopleOfCoalition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		c := createCoalition(t, db, "Clean Air")
		member := createOrganization(t, db, "Member Org")
		outsider := createOrganization(t, db, "Outside Org")
		createMembership(t, db, c.ID, member.ID)
		bea, cruz := &domain.Person{Name: "Bea"}, &domain.Person{Name: "Cruz"}
		mustWrite(t, db, func(tx *store.Tx) error {
			for _, p := range []*domain.Person{cruz, bea} {
				if err := tx.CreatePerson(ctx, p); err != nil {
					return err
				}
			}
			if err := tx.AddAffiliation(ctx, domain.Affiliation{PersonID: cruz.ID, OrganizationID: member.ID, Title: "Lead", Representative: true}); err != nil {
				return err
			}
			if err := tx.AddAffiliation(ctx, domain.Affiliation{PersonID: bea.ID, OrganizationID: member.ID}); err != nil {
				return err
			}
			return tx.AddAffiliation(ctx, domain.Affiliation{PersonID: bea.ID, OrganizationID: outsider.ID})
		})
		mustRead(t, db, func(tx *store.Tx) error {
			people, err := tx.ListPeopleOfCoalition(ctx, c.ID)
			if err != nil {
				return err
			}
			if len(people) != 2 || people[0].Name != "Bea" || people[1].Name != "Cruz" {
				t.Fatalf("ListPeopleOfCoalition = %+v; want Bea then Cruz, each once", people)
			}
			if p := people[1]; p.PersonID != cruz.ID || p.OrganizationID != member.ID || p.Title != "Lead" || !p.Representative {
				t.Errorf("Cruz's row = %+v", p)
			}
			return nil
		})
	})
}

func TestOrganization_CoalitionLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		ana := createUser(t, db, "ana@example.org", "Ana")
		shared, elsewhere := createCoalition(t, db, "Shared"), createCoalition(t, db, "Elsewhere")
		inShared, inBoth := createOrganization(t, db, "In Shared"), createOrganization(t, db, "In Both")
		outside, loner := createOrganization(t, db, "Outside"), createOrganization(t, db, "Loner")
		createMembership(t, db, shared.ID, inShared.ID)
		createMembership(t, db, shared.ID, inBoth.ID)
		createMembership(t, db, elsewhere.ID, inBoth.ID)
		createMembership(t, db, elsewhere.ID, outside.ID)
		mustWrite(t, db, func(tx *store.Tx) error {
			return tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: shared.ID, UserID: ana.ID, Role: domain.AccessObserver})
		})
		mustRead(t, db, func(tx *store.Tx) error {
			for org, want := range map[*domain.Organization]bool{inShared: true, inBoth: true, outside: false, loner: false} {
				if got, err := tx.SharesCoalition(ctx, ana.ID, org.ID); err != nil || got != want {
					t.Errorf("SharesCoalition(Ana, %s) = %v, %v; want %v", org.Name, got, err, want)
				}
			}
			both := []string{shared.ID, elsewhere.ID}
			slices.Sort(both)
			ids, err := tx.CoalitionIDsOfOrganization(ctx, inBoth.ID)
			if diff := cmp.Diff(both, ids); err != nil || diff != "" {
				t.Errorf("CoalitionIDsOfOrganization: %v (-want +got):\n%s", err, diff)
			}
			if ids, err := tx.CoalitionIDsOfOrganization(ctx, loner.ID); err != nil || len(ids) != 0 {
				t.Errorf("CoalitionIDsOfOrganization(loner) = %v, %v; want none", ids, err)
			}
			return nil
		})
	})
}
