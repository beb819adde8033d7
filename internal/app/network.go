package app

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/network"
	"github.com/braid-org/braid/internal/store"
)

// EcosystemScope says which organizations an ecosystem view covers: the current members
// of one or several coalitions the actor has a role in, or (for a deployment admin) every
// organization of the deployment ("rejecting silos").
type EcosystemScope struct {
	CoalitionIDs []string
	Deployment   bool
}

// EcosystemNode is one organization of an ecosystem view with its figures.
type EcosystemNode struct {
	network.OrganizationFigures
	Name         string   `json:"name"`
	IssueAreas   []string `json:"issue_areas"`
	BipocLed     string   `json:"bipoc_led"`
	MostImpacted bool     `json:"most_impacted"`
}

// Ecosystem is an ecosystem view: its organizations, declared ties (both sides merged),
// derived ties (kept apart, never in the figures) and the figures of the declared ties.
type Ecosystem struct {
	Coalitions []domain.Coalition
	Nodes      []EcosystemNode // by name
	Ties       []Tie
	Derived    []DerivedTie
	Figures    *network.Figures
	// ComputedAt is when the figures were computed (large views are cached).
	ComputedAt time.Time
}

// Name returns the name of an organization of the view.
func (e *Ecosystem) Name(id string) string {
	if i, ok := e.index()[id]; ok {
		return e.Nodes[i].Name
	}
	return id
}

func (e *Ecosystem) index() map[string]int {
	m := make(map[string]int, len(e.Nodes))
	for i, n := range e.Nodes {
		m[n.ID] = i
	}
	return m
}

// ecosystemSeed fixes the Louvain shuffle, so that a view shows the same communities
// every time its data is the same.
const ecosystemSeed = 6

// Ecosystem computes an ecosystem view. Each coalition needs a role of the actor
// (ENOTFOUND otherwise); the deployment view needs a deployment admin (EFORBIDDEN).
func (a *App) Ecosystem(ctx context.Context, actor Actor, scope EcosystemScope) (*Ecosystem, error) {
	in, err := a.ecosystemInput(ctx, actor, scope, time.Time{})
	if err != nil {
		return nil, err
	}
	return a.computeEcosystem(in)
}

// ecosystemInput is what an ecosystem view is computed from.
type ecosystemInput struct {
	coalitions []domain.Coalition
	orgs       []network.Organization
	ties       []Tie
	derived    []DerivedTie
}

// ecosystemInput reads the organizations and ties of a scope; with asOf set, the ties
// are those that stood then (from the relationships' history) and no derived ties.
func (a *App) ecosystemInput(ctx context.Context, actor Actor, scope EcosystemScope, asOf time.Time) (*ecosystemInput, error) {
	in := &ecosystemInput{}
	err := a.read(ctx, func(tx *store.Tx) error {
		if actor == nil {
			return domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
		}
		if scope.Deployment {
			if !actor.Admin {
				return domain.Errorf(domain.EFORBIDDEN, "Only a deployment administrator can see the whole deployment's ecosystem.")
			}
			return in.readDeployment(ctx, tx, asOf)
		}
		if len(scope.CoalitionIDs) == 0 {
			return &domain.Error{Code: domain.EINVALID, Message: "Choose at least one coalition.",
				Fields: []domain.FieldError{{Field: "coalition", Message: "Choose at least one coalition."}}}
		}
		for _, id := range scope.CoalitionIDs {
			p, err := authorize(ctx, tx, actor, id, ViewCoalition)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(in.coalitions, func(c domain.Coalition) bool { return c.ID == p.Coalition.ID }) {
				in.coalitions = append(in.coalitions, *p.Coalition)
			}
		}
		return in.readCoalitions(ctx, tx, asOf)
	})
	return in, err
}

// readCoalitions reads the current members of the coalitions and the declarations among
// the members of each (a tie between members of two different coalitions only is not
// shown: it is visible through neither).
func (in *ecosystemInput) readCoalitions(ctx context.Context, tx *store.Tx, asOf time.Time) error {
	orgs := map[string]*network.Organization{}
	var decls []domain.Relationship
	seen := map[string]bool{}
	for _, c := range in.coalitions {
		members, err := tx.ListMemberships(ctx, c.ID, "", 0)
		if err != nil {
			return err
		}
		for _, m := range members {
			if !m.Counts() {
				continue
			}
			if o := orgs[m.OrganizationID]; o != nil {
				o.MostImpacted = o.MostImpacted || m.MostImpacted
				continue
			}
			orgs[m.OrganizationID] = networkOrganization(m.Organization, m.MostImpacted)
		}
		list, err := relationshipsOf(ctx, tx, c.ID, asOf)
		if err != nil {
			return err
		}
		for _, r := range list {
			key := r.OrganizationID + "→" + r.OtherOrganizationID
			if !seen[key] {
				seen[key] = true
				decls = append(decls, r)
			}
		}
		derived, err := derivedTies(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		in.derived = append(in.derived, derived...)
	}
	for _, o := range orgs {
		in.orgs = append(in.orgs, *o)
	}
	in.finish(decls)
	return nil
}

func (in *ecosystemInput) readDeployment(ctx context.Context, tx *store.Tx, asOf time.Time) error {
	all, err := tx.ListAllOrganizations(ctx)
	if err != nil {
		return err
	}
	impacted, err := tx.MostImpactedOrganizations(ctx)
	if err != nil {
		return err
	}
	for i := range all {
		in.orgs = append(in.orgs, *networkOrganization(&all[i], impacted[all[i].ID]))
	}
	decls, err := relationshipsOf(ctx, tx, "", asOf)
	if err != nil {
		return err
	}
	in.finish(decls)
	return nil
}

// relationshipsOf returns the declarations among a coalition's members ("" for the
// deployment), now or, with asOf set, as they stood then.
func relationshipsOf(ctx context.Context, tx *store.Tx, coalitionID string, asOf time.Time) ([]domain.Relationship, error) {
	if asOf.IsZero() {
		if coalitionID == "" {
			return tx.ListAllRelationships(ctx)
		}
		return tx.ListRelationshipsAmong(ctx, coalitionID)
	}
	then, err := tx.ListRelationshipsAsOf(ctx, coalitionID, asOf)
	out := make([]domain.Relationship, len(then))
	for i, r := range then {
		out[i] = domain.Relationship{OrganizationID: r.OrganizationID, OtherOrganizationID: r.OtherOrganizationID, Kind: r.Kind, Depth: r.Depth}
	}
	return out, err
}

// finish orders the organizations by name and merges the declarations into ties with
// names; ties to organizations outside the view (possible in the past view, when a
// member has since left) are dropped.
func (in *ecosystemInput) finish(decls []domain.Relationship) {
	slices.SortFunc(in.orgs, func(x, y network.Organization) int {
		return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
	})
	names := make(map[string]string, len(in.orgs))
	for _, o := range in.orgs {
		names[o.ID] = o.Name
	}
	kept := decls[:0]
	for _, r := range decls {
		if _, ok := names[r.OrganizationID]; !ok {
			continue
		}
		if _, ok := names[r.OtherOrganizationID]; !ok {
			continue
		}
		r.OrganizationName, r.OtherOrganizationName = names[r.OrganizationID], names[r.OtherOrganizationID]
		kept = append(kept, r)
	}
	in.ties = MergeTies(kept)
	in.derived = mergeDerived(in.derived, names)
}

func networkOrganization(o *domain.Organization, mostImpacted bool) *network.Organization {
	bipoc := o.BipocLed
	if !domain.OneOf(bipoc, domain.BipocLedValues) {
		bipoc = domain.NotSaid
	}
	return &network.Organization{ID: o.ID, Name: o.Name, IssueAreas: o.IssueAreas, BipocLed: bipoc, MostImpacted: mostImpacted}
}

// computeEcosystem computes the figures of the declared ties.
func (a *App) computeEcosystem(in *ecosystemInput) (*Ecosystem, error) {
	ties := make([]network.Tie, len(in.ties))
	for i, t := range in.ties {
		ties[i] = network.Tie{A: t.A, B: t.B, Depth: t.Depth}
	}
	f, err := network.Compute(in.orgs, ties, network.Options{Seed: ecosystemSeed})
	if err != nil {
		if errors.Is(err, network.ErrInvalid) {
			return nil, domain.Errorf(domain.EINTERNAL, "ecosystem: %v", err) // the store's constraints make this impossible
		}
		return nil, err
	}
	e := &Ecosystem{Coalitions: in.coalitions, Ties: in.ties, Derived: in.derived, Figures: f, ComputedAt: time.Now()}
	byID := make(map[string]network.OrganizationFigures, len(f.ByOrganization))
	for _, of := range f.ByOrganization {
		byID[of.ID] = of
	}
	for _, o := range in.orgs {
		e.Nodes = append(e.Nodes, EcosystemNode{OrganizationFigures: byID[o.ID], Name: o.Name,
			IssueAreas: orEmptyList(o.IssueAreas), BipocLed: o.BipocLed, MostImpacted: o.MostImpacted})
	}
	return e, nil
}

func orEmptyList(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// NetworkInput returns the view's organizations and declared ties as the network package takes them (for GraphML).
func (e *Ecosystem) NetworkInput() ([]network.Organization, []network.Tie) {
	orgs := make([]network.Organization, len(e.Nodes))
	for i, n := range e.Nodes {
		orgs[i] = network.Organization{ID: n.ID, Name: n.Name, IssueAreas: n.IssueAreas, BipocLed: n.BipocLed, MostImpacted: n.MostImpacted}
	}
	ties := make([]network.Tie, len(e.Ties))
	for i, t := range e.Ties {
		ties[i] = network.Tie{A: t.A, B: t.B, Depth: t.Depth}
	}
	return orgs, ties
}
