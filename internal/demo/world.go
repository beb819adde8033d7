package demo

import (
	"context"
	"fmt"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// world is a set of records written together in one store transaction, in the order
// they refer to each other. Ids are set before writing so that records can link up.
type world struct {
	users        []*domain.User
	orgs         []domain.Organization
	people       []domain.Person
	affiliations []domain.Affiliation
	coalitions   []domain.Coalition
	access       []domain.CoalitionAccess
	memberships  []domain.Membership
	principles   []domain.Principle
	adoptions    []domain.Adoption
}

// validate normalizes every record and runs the domain's validation on it, as the use
// cases would: demo data must be data the application itself could have made.
func (w *world) validate() error {
	for i := range w.orgs {
		o := &w.orgs[i]
		o.Normalize()
		if err := o.Validate(); err != nil {
			return fmt.Errorf("organization %q: %w", o.Name, err)
		}
	}
	for i := range w.people {
		var v domain.Validation
		domain.CheckText(&v, "name", w.people[i].Name, 1, domain.MaxName)
		if err := v.Err(); err != nil {
			return fmt.Errorf("person %d: %w", i, err)
		}
	}
	for i := range w.coalitions {
		c := &w.coalitions[i]
		c.Normalize()
		if err := c.Validate(); err != nil {
			return fmt.Errorf("coalition %q: %w", c.Name, err)
		}
	}
	for i := range w.memberships {
		if err := w.memberships[i].Validate(); err != nil {
			return fmt.Errorf("membership %d: %w", i, err)
		}
	}
	for i := range w.principles {
		for j := range w.principles[i].Versions {
			if err := w.principles[i].Versions[j].Validate(); err != nil {
				return fmt.Errorf("principle %d version %d: %w", i, j+1, err)
			}
		}
	}
	return nil
}

// write inserts the world's records with the store's bulk methods.
func (w *world) write(ctx context.Context, tx *store.Tx) error {
	for _, u := range w.users {
		if err := tx.CreateUser(ctx, u); err != nil {
			return err
		}
	}
	if err := tx.InsertOrganizations(ctx, w.orgs); err != nil {
		return err
	}
	if err := tx.InsertPeople(ctx, w.people); err != nil {
		return err
	}
	if err := tx.InsertAffiliations(ctx, w.affiliations); err != nil {
		return err
	}
	for i := range w.coalitions {
		if err := tx.CreateCoalition(ctx, &w.coalitions[i]); err != nil {
			return err
		}
	}
	for _, a := range w.access {
		if err := tx.SetAccess(ctx, a); err != nil {
			return err
		}
	}
	if err := tx.InsertMemberships(ctx, w.memberships); err != nil {
		return err
	}
	if err := tx.InsertPrinciples(ctx, w.principles); err != nil {
		return err
	}
	return tx.InsertAdoptions(ctx, w.adoptions)
}
