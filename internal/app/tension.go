package app

import (
	"context"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Tensions are deliberately kept out of the coalition's audit log, which every member
// reads: each change is instead a dated entry in the tension's own history, seen only
// by those who see the tension.

// NewTension is what a person names when raising a tension.
type NewTension struct {
	Title           string   `json:"title"`
	Description     string   `json:"description"`
	Kind            string   `json:"kind"`
	OrganizationIDs []string `json:"organization_ids"`
	PersonIDs       []string `json:"person_ids"`
	PrincipleIDs    []string `json:"principle_ids"`
}

// TensionItem is a tension with what the person may do with it.
type TensionItem struct {
	domain.Tension
	Access TensionAccess `json:"access"`
}

// tensionScope loads what deciding access needs: the permission and the organizations
// the actor represents.
func tensionScope(ctx context.Context, tx *store.Tx, actor Actor, coalitionID string) (Permission, map[string]bool, error) {
	p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
	if err != nil {
		return p, nil, err
	}
	orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
	if err != nil {
		return p, nil, err
	}
	reps := map[string]bool{}
	for _, o := range orgs {
		reps[o.ID] = true
	}
	return p, reps, nil
}

// Tensions returns the tensions of a coalition the actor may see, newest first.
func (a *App) Tensions(ctx context.Context, actor Actor, coalitionID string) ([]TensionItem, error) {
	out := []TensionItem{}
	err := a.read(ctx, func(tx *store.Tx) error {
		p, reps, err := tensionScope(ctx, tx, actor, coalitionID)
		if err != nil {
			return err
		}
		all, err := tx.ListTensions(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		names, err := partyNames(ctx, tx, p.Coalition.ID)
		if err != nil {
			return err
		}
		for _, t := range all {
			if acc := tensionAccess(p, actor.ID, reps, &t); acc.See {
				nameParties(&t, names)
				out = append(out, TensionItem{Tension: t, Access: acc})
			}
		}
		return nil
	})
	return out, err
}

// Tension returns one tension the actor may see (ENOTFOUND otherwise, as for a tension
// that does not exist).
func (a *App) Tension(ctx context.Context, actor Actor, coalitionID, id string) (*TensionItem, error) {
	var item *TensionItem
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		item, _, err = findVisibleTension(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		names, err := partyNames(ctx, tx, item.CoalitionID)
		nameParties(&item.Tension, names)
		return err
	})
	return item, err
}

func findVisibleTension(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, id string) (*TensionItem, Permission, error) {
	p, reps, err := tensionScope(ctx, tx, actor, coalitionID)
	if err != nil {
		return nil, p, err
	}
	t, err := tx.FindTension(ctx, p.Coalition.ID, id)
	if err != nil {
		return nil, p, err
	}
	acc := tensionAccess(p, actor.ID, reps, t)
	if !acc.See {
		return nil, p, domain.NotFound("Tension")
	}
	return &TensionItem{Tension: *t, Access: acc}, p, nil
}

// RaiseTension names a tension. Anyone with a role in the coalition may; it starts
// raised and visible to its parties, the raiser and the facilitators.
func (a *App) RaiseTension(ctx context.Context, actor Actor, coalitionID string, in NewTension) (*domain.Tension, error) {
	t := domain.Tension{Title: in.Title, Description: in.Description, Kind: in.Kind, State: domain.TensionRaised,
		Visibility: domain.VisibilityParties, PrincipleIDs: dedupe(in.PrincipleIDs)}
	for _, id := range dedupe(in.OrganizationIDs) {
		t.Parties = append(t.Parties, domain.TensionParty{Type: domain.PartyOrganization, ID: id})
	}
	for _, id := range dedupe(in.PersonIDs) {
		t.Parties = append(t.Parties, domain.TensionParty{Type: domain.PartyPerson, ID: id})
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if p.Role == "admin" {
			return domain.Errorf(domain.EFORBIDDEN, "Only people taking part in the coalition name its tensions.")
		}
		if err := checkTensionRefs(ctx, tx, p.Coalition.ID, &t); err != nil {
			return err
		}
		t.CoalitionID, t.RaisedBy = p.Coalition.ID, actor.ID
		if err := tx.CreateTension(ctx, &t); err != nil {
			return err
		}
		return tx.AddTensionEntry(ctx, &domain.TensionEntry{TensionID: t.ID, Kind: domain.EntryState, ToState: domain.TensionRaised, AuthorID: actor.ID})
	})
	return &t, err
}

// checkTensionRefs checks that parties and principles belong to the coalition.
func checkTensionRefs(ctx context.Context, tx *store.Tx, coalitionID string, t *domain.Tension) error {
	names, err := partyNames(ctx, tx, coalitionID)
	if err != nil {
		return err
	}
	var v domain.Validation
	for _, party := range t.Parties {
		if _, ok := names[party.Type+":"+party.ID]; !ok {
			v.Add("parties", "Each party must be a member organization of the coalition or a person with a role in it.")
			break
		}
	}
	ps, err := tx.ListPrinciples(ctx, coalitionID)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, pr := range ps {
		known[pr.ID] = true
	}
	for _, id := range t.PrincipleIDs {
		if !known[id] {
			v.Add("principle_ids", "Each principle must be one of the coalition's principles.")
			break
		}
	}
	return v.Err()
}

// partyNames maps "organization:<id>" and "person:<user id>" to names, for every member
// organization and every person with a role in the coalition.
func partyNames(ctx context.Context, tx *store.Tx, coalitionID string) (map[string]string, error) {
	names := map[string]string{}
	ms, err := tx.ListMemberships(ctx, coalitionID, "", 0)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.Organization != nil {
			names[domain.PartyOrganization+":"+m.OrganizationID] = m.Organization.Name
		}
	}
	access, err := tx.ListAccess(ctx, coalitionID)
	if err != nil {
		return nil, err
	}
	for _, acc := range access {
		names[domain.PartyPerson+":"+acc.UserID] = acc.UserName
	}
	return names, nil
}

func nameParties(t *domain.Tension, names map[string]string) {
	for i, p := range t.Parties {
		t.Parties[i].Name = names[p.Type+":"+p.ID]
	}
}

func dedupe(ids []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// followUpDate parses an optional YYYY-MM-DD date.
func followUpDate(s string) (*time.Time, error) {
	if s = strings.TrimSpace(s); s == "" {
		return nil, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, &domain.Error{Code: domain.EINVALID, Message: "The follow-up date cannot be read.",
			Fields: []domain.FieldError{{Field: "follow_up_on", Message: "Write the date as YYYY-MM-DD."}}}
	}
	return &d, nil
}
