package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// changeTension runs fn on a tension the actor may see, then saves it and adds the
// history entry fn returns (nil for none).
func (a *App) changeTension(ctx context.Context, actor Actor, coalitionID, id string, fn func(tx *store.Tx, t *TensionItem) (*domain.TensionEntry, error)) (*domain.Tension, error) {
	var out *domain.Tension
	err := a.write(ctx, func(tx *store.Tx) error {
		item, _, err := findVisibleTension(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		e, err := fn(tx, item)
		if err != nil {
			return err
		}
		if err := tx.UpdateTension(ctx, &item.Tension); err != nil {
			return err
		}
		if e != nil {
			e.TensionID, e.AuthorID = item.ID, actor.ID
			if err := tx.AddTensionEntry(ctx, e); err != nil {
				return err
			}
		}
		out = &item.Tension
		return nil
	})
	return out, err
}

func forbidden(msg string) error { return domain.Errorf(domain.EFORBIDDEN, "%s", msg) }

// MoveTension changes a tension's state. Facilitators move it; the person who raised it
// may withdraw it. Going back in the process (reopening included) needs a reason.
func (a *App) MoveTension(ctx context.Context, actor Actor, coalitionID, id, to, reason string) (*domain.Tension, error) {
	reason = strings.TrimSpace(reason)
	if !domain.OneOf(to, domain.TensionStates) {
		return nil, &domain.Error{Code: domain.EINVALID, Message: "Unknown state.",
			Fields: []domain.FieldError{{Field: "to", Message: "Choose one of the listed states."}}}
	}
	var v domain.Validation
	domain.CheckText(&v, "reason", reason, 0, domain.MaxText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return a.changeTension(ctx, actor, coalitionID, id, func(_ *store.Tx, t *TensionItem) (*domain.TensionEntry, error) {
		if !t.Access.Facilitate && !(t.Access.Raiser && to == domain.TensionWithdrawn) {
			return nil, forbidden("Only a facilitator moves a tension; the person who raised it may withdraw it.")
		}
		if to == t.State {
			return nil, &domain.Error{Code: domain.EINVALID, Message: "The tension is already in this state.",
				Fields: []domain.FieldError{{Field: "to", Message: "Choose another state."}}}
		}
		if domain.Backwards(t.State, to) && reason == "" {
			return nil, &domain.Error{Code: domain.EINVALID, Message: "Going back in the process needs a reason.",
				Fields: []domain.FieldError{{Field: "reason", Message: "Say why the tension goes back to an earlier step."}}}
		}
		from := t.State
		t.State = to
		return &domain.TensionEntry{Kind: domain.EntryState, FromState: from, ToState: to, Body: reason}, nil
	})
}

// AddTensionEntry adds a dated note (parties, the raiser, facilitators) or an agreement
// made (facilitators).
func (a *App) AddTensionEntry(ctx context.Context, actor Actor, coalitionID, id, kind, body string) (*domain.Tension, error) {
	body = strings.TrimSpace(body)
	var v domain.Validation
	domain.CheckText(&v, "body", body, 1, domain.MaxText)
	if kind != domain.EntryNote && kind != domain.EntryAgreement {
		v.Add("kind", "Choose a note or an agreement.")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return a.changeTension(ctx, actor, coalitionID, id, func(_ *store.Tx, t *TensionItem) (*domain.TensionEntry, error) {
		if !t.Access.Take || (kind == domain.EntryAgreement && !t.Access.Facilitate) {
			return nil, forbidden("Parties and facilitators add notes; facilitators record agreements.")
		}
		return &domain.TensionEntry{Kind: kind, Body: body}, nil
	})
}

// Facilitation is who facilitates a tension and when it comes back to them.
type Facilitation struct {
	FacilitatorID string `json:"facilitator_id"`
	FollowUpOn    string `json:"follow_up_on"` // YYYY-MM-DD or ""
}

// SetTensionFacilitation assigns the facilitator (a coordinator or facilitator of the
// coalition, or nobody) and the follow-up date. Facilitators only.
func (a *App) SetTensionFacilitation(ctx context.Context, actor Actor, coalitionID, id string, f Facilitation) (*domain.Tension, error) {
	date, err := followUpDate(f.FollowUpOn)
	if err != nil {
		return nil, err
	}
	return a.changeTension(ctx, actor, coalitionID, id, func(tx *store.Tx, t *TensionItem) (*domain.TensionEntry, error) {
		if !t.Access.Facilitate {
			return nil, forbidden("Only a facilitator assigns facilitation.")
		}
		if f.FacilitatorID != "" {
			role, err := tx.FindAccess(ctx, t.CoalitionID, f.FacilitatorID)
			if err != nil {
				return nil, err
			}
			if role != domain.AccessFacilitator && role != domain.AccessCoordinator {
				return nil, &domain.Error{Code: domain.EINVALID, Message: "The facilitator must be a facilitator or coordinator of the coalition.",
					Fields: []domain.FieldError{{Field: "facilitator_id", Message: "Choose a facilitator or coordinator of the coalition."}}}
			}
		}
		t.FacilitatorID, t.FollowUpOn = f.FacilitatorID, date
		body := "facilitator=" + f.FacilitatorID + " follow_up_on=" + strings.TrimSpace(f.FollowUpOn)
		return &domain.TensionEntry{Kind: domain.EntryFacilitator, Body: body}, nil
	})
}

// AgreeToWiden records, for every party the actor speaks for, whether it agrees to show
// the tension to the whole coalition.
func (a *App) AgreeToWiden(ctx context.Context, actor Actor, coalitionID, id string, agreed bool) (*domain.Tension, error) {
	return a.changeTension(ctx, actor, coalitionID, id, func(tx *store.Tx, t *TensionItem) (*domain.TensionEntry, error) {
		if len(t.Access.Speaks) == 0 {
			return nil, forbidden("Only a party to the tension can agree to widen it.")
		}
		for _, p := range t.Access.Speaks {
			if err := tx.SetWidenAgreement(ctx, t.ID, p.Type, p.ID, agreed); err != nil {
				return nil, err
			}
			for i := range t.Parties {
				if t.Parties[i].Type == p.Type && t.Parties[i].ID == p.ID {
					t.Parties[i].AgreedToWiden = agreed
				}
			}
		}
		body := "no"
		if agreed {
			body = "yes"
		}
		return &domain.TensionEntry{Kind: domain.EntryWiden, Body: body}, nil
	})
}

// SetTensionVisibility widens a tension to the coalition (a facilitator, once every party
// agreed) or narrows it back to its parties and facilitators (a facilitator, any time).
func (a *App) SetTensionVisibility(ctx context.Context, actor Actor, coalitionID, id, visibility string) (*domain.Tension, error) {
	if visibility != domain.VisibilityParties && visibility != domain.VisibilityCoalition {
		return nil, &domain.Error{Code: domain.EINVALID, Message: "Unknown visibility.",
			Fields: []domain.FieldError{{Field: "visibility", Message: "Choose parties_and_facilitators or coalition."}}}
	}
	return a.changeTension(ctx, actor, coalitionID, id, func(_ *store.Tx, t *TensionItem) (*domain.TensionEntry, error) {
		if !t.Access.Facilitate {
			return nil, forbidden("Only a facilitator changes who sees a tension.")
		}
		if visibility == domain.VisibilityCoalition {
			for _, p := range t.Parties {
				if !p.AgreedToWiden {
					return nil, domain.Errorf(domain.ECONFLICT, "Every party must agree before the tension is shown to the whole coalition.")
				}
			}
		}
		t.Visibility = visibility
		return &domain.TensionEntry{Kind: domain.EntryVisibility, Body: visibility}, nil
	})
}

// TensionChoices are what the forms offer: member organizations and people who may be
// parties, the principles that may be at stake, and who may facilitate.
type TensionChoices struct {
	Organizations []Choice `json:"organizations"`
	People        []Choice `json:"people"`
	Principles    []Choice `json:"principles"`
	Facilitators  []Choice `json:"facilitators"`
}

// Choice is an id with its name.
type Choice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// TensionChoices returns the choices of the coalition's tension forms.
func (a *App) TensionChoices(ctx context.Context, actor Actor, coalitionID string) (*TensionChoices, error) {
	c := &TensionChoices{}
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		ms, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Counts() && m.Organization != nil {
				c.Organizations = append(c.Organizations, Choice{m.OrganizationID, m.Organization.Name})
			}
		}
		access, err := tx.ListAccess(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		for _, acc := range access {
			c.People = append(c.People, Choice{acc.UserID, acc.UserName})
			if acc.Role == domain.AccessFacilitator || acc.Role == domain.AccessCoordinator {
				c.Facilitators = append(c.Facilitators, Choice{acc.UserID, acc.UserName})
			}
		}
		ps, err := tx.ListPrinciples(ctx, p.Coalition.ID)
		for _, pr := range ps {
			c.Principles = append(c.Principles, Choice{pr.ID, pr.Current.Title})
		}
		return err
	})
	return c, err
}
