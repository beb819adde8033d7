package app

import (
	"context"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// NewAskOffer is an ask or offer as a member organization posts it.
type NewAskOffer struct {
	Kind           string `json:"kind"`
	OrganizationID string `json:"organization_id"`
	Title          string `json:"title"`
	Body           string `json:"body"`
	NeededBy       string `json:"needed_by"` // YYYY-MM-DD or ""
}

// AsksOffers returns a coalition's asks and offers, newest first.
func (a *App) AsksOffers(ctx context.Context, actor Actor, coalitionID string) ([]domain.AskOffer, error) {
	var out []domain.AskOffer
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListAskOffers(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// actForMember checks that the actor represents orgID and that it is a current member.
func actForMember(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, orgID string) error {
	m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, orgID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return &domain.Error{Code: domain.EINVALID, Message: "Choose a member organization of this coalition.",
			Fields: []domain.FieldError{{Field: "organization_id", Message: "Choose an organization you represent in this coalition."}}}
	} else if err != nil {
		return err
	}
	if !m.Counts() {
		return domain.Errorf(domain.ECONFLICT, "This organization has left the coalition.")
	}
	if ok, err := canActForOrganization(ctx, tx, actor, orgID); err != nil {
		return err
	} else if !ok {
		return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can act for it.")
	}
	return nil
}

// PostAskOffer posts an ask or offer for a member organization the actor represents.
func (a *App) PostAskOffer(ctx context.Context, actor Actor, coalitionID string, in NewAskOffer) (*domain.AskOffer, error) {
	ao := domain.AskOffer{Kind: in.Kind, OrganizationID: in.OrganizationID, Title: in.Title, Body: in.Body, State: domain.ExchangeOpen}
	if err := ao.Validate(); err != nil {
		return nil, err
	}
	if s := strings.TrimSpace(in.NeededBy); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return nil, &domain.Error{Code: domain.EINVALID, Message: "The date cannot be read.",
				Fields: []domain.FieldError{{Field: "needed_by", Message: "Write the date as YYYY-MM-DD."}}}
		}
		ao.NeededBy = &d
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if err := actForMember(ctx, tx, actor, p.Coalition.ID, ao.OrganizationID); err != nil {
			return err
		}
		ao.CoalitionID, ao.CreatedBy = p.Coalition.ID, actor.ID
		if err := tx.CreateAskOffer(ctx, &ao); err != nil {
			return err
		}
		ao.Responses = []domain.AskResponse{}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "ask_offer.post", ao.Kind, ao.ID, map[string]any{"title": ao.Title, "organization_id": ao.OrganizationID})
	})
	return &ao, err
}

// RespondToAskOffer records that another member organization answers an open ask or offer.
func (a *App) RespondToAskOffer(ctx context.Context, actor Actor, coalitionID, id, orgID, body string) (*domain.AskResponse, error) {
	r := domain.AskResponse{AskOfferID: id, OrganizationID: orgID, Body: strings.TrimSpace(body)}
	var v domain.Validation
	domain.CheckText(&v, "body", r.Body, 1, domain.MaxText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		ao, err := tx.FindAskOffer(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		if ao.State != domain.ExchangeOpen {
			return domain.Errorf(domain.ECONFLICT, "This is no longer open.")
		}
		if orgID == ao.OrganizationID {
			return &domain.Error{Code: domain.EINVALID, Message: "An organization cannot respond to its own post.",
				Fields: []domain.FieldError{{Field: "organization_id", Message: "Choose another organization."}}}
		}
		if err := actForMember(ctx, tx, actor, p.Coalition.ID, orgID); err != nil {
			return err
		}
		r.CreatedBy = actor.ID
		if err := tx.AddAskResponse(ctx, &r); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "ask_offer.respond", ao.Kind, ao.ID, map[string]any{"organization_id": orgID})
	})
	return &r, err
}

// FulfillAskOffer marks an open ask or offer fulfilled by one response and records the
// help: for an ask, from the responding organization to the one that asked; for an
// offer, from the one that offered to the responding organization. The posting
// organization's representatives do this.
func (a *App) FulfillAskOffer(ctx context.Context, actor Actor, coalitionID, id, responseID string) (*domain.HelpRecord, error) {
	var h domain.HelpRecord
	err := a.write(ctx, func(tx *store.Tx) error {
		p, ao, err := ownAskOffer(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		var resp *domain.AskResponse
		for i := range ao.Responses {
			if ao.Responses[i].ID == responseID {
				resp = &ao.Responses[i]
			}
		}
		if resp == nil {
			return &domain.Error{Code: domain.EINVALID, Message: "Choose one of the responses.",
				Fields: []domain.FieldError{{Field: "response_id", Message: "Choose the response that fulfilled it."}}}
		}
		if err := tx.SetAskOfferState(ctx, ao, domain.ExchangeFulfilled); err != nil {
			return err
		}
		h = domain.HelpRecord{CoalitionID: p.Coalition.ID, AskOfferID: ao.ID, FromOrg: resp.OrganizationID, ToOrg: ao.OrganizationID, RecordedBy: actor.ID}
		if ao.Kind == domain.KindOffer {
			h.FromOrg, h.ToOrg = ao.OrganizationID, resp.OrganizationID
		}
		if err := tx.CreateHelpRecord(ctx, &h); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "ask_offer.fulfil", ao.Kind, ao.ID, map[string]any{"from": h.FromOrg, "to": h.ToOrg})
	})
	return &h, err
}

// CloseAskOffer withdraws an open ask or offer without recording help.
func (a *App) CloseAskOffer(ctx context.Context, actor Actor, coalitionID, id string) (*domain.AskOffer, error) {
	var out *domain.AskOffer
	err := a.write(ctx, func(tx *store.Tx) error {
		p, ao, err := ownAskOffer(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if err := tx.SetAskOfferState(ctx, ao, domain.ExchangeClosed); err != nil {
			return err
		}
		out = ao
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "ask_offer.close", ao.Kind, ao.ID, nil)
	})
	return out, err
}

// ownAskOffer loads an ask or offer the actor may fulfil or close: they represent the
// organization that posted it.
func ownAskOffer(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, id string) (Permission, *domain.AskOffer, error) {
	p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
	if err != nil {
		return p, nil, err
	}
	ao, err := tx.FindAskOffer(ctx, p.Coalition.ID, id)
	if err != nil {
		return p, nil, err
	}
	if ok, err := canActForOrganization(ctx, tx, actor, ao.OrganizationID); err != nil {
		return p, nil, err
	} else if !ok {
		return p, nil, domain.Errorf(domain.EFORBIDDEN, "Only the representatives of the organization that posted it can do this.")
	}
	return p, ao, nil
}
