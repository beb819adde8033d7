package app

import (
	"context"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ProposalInput is what a person writes when drafting or editing a proposal.
type ProposalInput struct {
	Title        string
	Body         string
	Method       string
	Quorum       float64
	ClosesAt     time.Time
	Options      []string // Labels of a poll's options, in order.
	PrincipleIDs []string // Principles of the coalition the proposal draws on.
	// OrganizationID is the member organization the author proposes for; empty means the
	// one organization the author represents in the coalition, if there is exactly one.
	OrganizationID string
	Open           bool // Open for stances at once instead of saving a draft.
}

// ProposalDetail is a proposal with its stances.
type ProposalDetail struct {
	Proposal *domain.Proposal
	Stances  []domain.Stance
}

func (in ProposalInput) proposal(coalitionID string) *domain.Proposal {
	p := &domain.Proposal{CoalitionID: coalitionID, Title: in.Title, Body: in.Body, Method: in.Method, Quorum: in.Quorum,
		ClosesAt: in.ClosesAt.UTC().Truncate(time.Second), PrincipleIDs: in.PrincipleIDs, Options: []domain.ProposalOption{}}
	for _, label := range in.Options {
		p.Options = append(p.Options, domain.ProposalOption{Label: label})
	}
	p.Normalize()
	return p
}

// checkProposal validates a proposal against the clock and the coalition's principles,
// and settles the organization the author speaks for.
func checkProposal(ctx context.Context, tx *store.Tx, actor Actor, p *domain.Proposal, orgID string) error {
	var v domain.Validation
	if err := p.Validate(); err != nil {
		v.Fields = domain.ErrorFields(err)
	}
	if !p.ClosesAt.IsZero() && !p.ClosesAt.After(tx.Now) {
		v.Add("closes_at", "Choose a closing time in the future.")
	}
	principles, err := tx.ListPrinciples(ctx, p.CoalitionID)
	if err != nil {
		return err
	}
	for _, id := range p.PrincipleIDs {
		if !slices.ContainsFunc(principles, func(pr domain.Principle) bool { return pr.ID == id }) {
			v.Add("principle_ids", "Choose principles of this coalition.")
			break
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	p.AuthorOrganizationID, err = speakingFor(ctx, tx, actor, p.CoalitionID, orgID)
	return err
}

// speakingFor returns the member organization the actor speaks for: orgID when the actor
// represents it and it is a member that has not left; with orgID empty, the only such
// organization, or "" when there is none or several.
func speakingFor(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, orgID string) (string, error) {
	if orgID != "" {
		m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, orgID)
		if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && !m.Counts()) {
			return "", &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
				Fields: []domain.FieldError{{Field: "organization_id", Message: "Choose a member organization of this coalition."}}}
		} else if err != nil {
			return "", err
		}
		if ok, err := canActForOrganization(ctx, tx, actor, orgID); err != nil {
			return "", err
		} else if !ok {
			return "", domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives can speak for it.")
		}
		return orgID, nil
	}
	orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
	if err != nil {
		return "", err
	}
	found := ""
	for _, o := range orgs {
		m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, o.ID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			continue
		} else if err != nil {
			return "", err
		}
		if m.Counts() {
			if found != "" {
				return "", nil
			}
			found = o.ID
		}
	}
	return found, nil
}

// CreateProposal drafts a proposal, or opens it at once when in.Open is set.
func (a *App) CreateProposal(ctx context.Context, actor Actor, coalitionID string, in ProposalInput) (*domain.Proposal, error) {
	var p *domain.Proposal
	err := a.write(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, Propose)
		if err != nil {
			return err
		}
		p = in.proposal(perm.Coalition.ID)
		if err := checkProposal(ctx, tx, actor, p, in.OrganizationID); err != nil {
			return err
		}
		settings, err := tx.VoiceSettings(ctx, p.CoalitionID)
		if err != nil {
			return err
		}
		p.AuthorID, p.Status, p.StancesBy = actor.ID, domain.ProposalDraft, settings.StancesBy
		if in.Open {
			p.Status, p.OpenedAt = domain.ProposalOpen, &tx.Now
		}
		if err := tx.CreateProposal(ctx, p); err != nil {
			return err
		}
		return tx.Audit(ctx, p.CoalitionID, actor.ID, "proposal.create", "proposal", p.ID, map[string]any{
			"title": p.Title, "method": p.Method, "quorum": p.Quorum, "closes_at": p.ClosesAt, "status": p.Status})
	})
	return p, err
}

// UpdateProposal replaces a draft's fields. Its author may, and so may those who manage
// proposals; an open or closed proposal is ECONFLICT.
func (a *App) UpdateProposal(ctx context.Context, actor Actor, coalitionID, id string, in ProposalInput, version int) (*domain.Proposal, error) {
	var p *domain.Proposal
	err := a.write(ctx, func(tx *store.Tx) error {
		cur, err := authorizeDraft(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		p = in.proposal(cur.CoalitionID)
		p.ID, p.AuthorID, p.Status, p.StancesBy, p.CreatedAt = cur.ID, cur.AuthorID, cur.Status, cur.StancesBy, cur.CreatedAt
		if err := checkProposal(ctx, tx, actor, p, in.OrganizationID); err != nil {
			return err
		}
		if err := tx.UpdateProposalDraft(ctx, p, version); err != nil {
			return err
		}
		return tx.Audit(ctx, p.CoalitionID, actor.ID, "proposal.update", "proposal", p.ID, diff(
			map[string]any{"title": cur.Title, "body": cur.Body, "method": cur.Method, "quorum": cur.Quorum, "closes_at": cur.ClosesAt},
			map[string]any{"title": p.Title, "body": p.Body, "method": p.Method, "quorum": p.Quorum, "closes_at": p.ClosesAt}))
	})
	return p, err
}

// OpenProposal opens a draft for stances. Who takes stances is fixed now, from the
// coalition's settings.
func (a *App) OpenProposal(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Proposal, error) {
	var p *domain.Proposal
	err := a.write(ctx, func(tx *store.Tx) error {
		cur, err := authorizeDraft(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if !cur.ClosesAt.After(tx.Now) {
			return &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
				Fields: []domain.FieldError{{Field: "closes_at", Message: "The closing time has passed; edit the draft first."}}}
		}
		settings, err := tx.VoiceSettings(ctx, cur.CoalitionID)
		if err != nil {
			return err
		}
		if err := tx.OpenProposal(ctx, cur.CoalitionID, cur.ID, settings.StancesBy); err != nil {
			return err
		}
		if p, err = tx.FindProposal(ctx, cur.CoalitionID, cur.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, p.CoalitionID, actor.ID, "proposal.open", "proposal", p.ID, map[string]any{"stances_by": p.StancesBy})
	})
	return p, err
}

// authorizeDraft loads a proposal the actor may edit or open: a member of the coalition
// who wrote it, or who manages proposals. A proposal that is not a draft is ECONFLICT.
func authorizeDraft(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, id string) (*domain.Proposal, error) {
	perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
	if err != nil {
		return nil, err
	}
	p, err := tx.FindProposal(ctx, perm.Coalition.ID, id)
	if err != nil {
		return nil, err
	}
	if !perm.Can(ManageProposals) && (p.AuthorID != actor.ID || !perm.Can(Propose)) {
		return nil, domain.Errorf(domain.EFORBIDDEN, "Only the author, a facilitator or a coordinator can change a draft.")
	}
	if p.Status != domain.ProposalDraft {
		return nil, domain.Errorf(domain.ECONFLICT, "Only a draft can be changed or opened; this proposal is %s.", p.Status)
	}
	return p, nil
}

// Proposals lists a coalition's proposals, newest first. Proposals whose closing time
// has passed are closed first, so the list never shows a stale open proposal.
func (a *App) Proposals(ctx context.Context, actor Actor, coalitionID string) ([]*domain.Proposal, error) {
	var out []*domain.Proposal
	due := false
	load := func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		coalitionID = perm.Coalition.ID
		out, err = tx.ListProposals(ctx, coalitionID)
		due = slices.ContainsFunc(out, func(p *domain.Proposal) bool { return p.Due(tx.Now) })
		return err
	}
	if err := a.read(ctx, load); err != nil || !due {
		return out, err
	}
	if err := a.closeDue(ctx, coalitionID, ""); err != nil {
		return nil, err
	}
	return out, a.read(ctx, load)
}

// Proposal returns a proposal with its stances, closing it first when its time has come.
func (a *App) Proposal(ctx context.Context, actor Actor, coalitionID, id string) (*ProposalDetail, error) {
	var d ProposalDetail
	due := false
	load := func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		coalitionID = perm.Coalition.ID
		if d.Proposal, err = tx.FindProposal(ctx, coalitionID, id); err != nil {
			return err
		}
		due = d.Proposal.Due(tx.Now)
		d.Stances, err = tx.ListStances(ctx, id)
		return err
	}
	if err := a.read(ctx, load); err != nil || !due {
		return &d, err
	}
	if err := a.closeDue(ctx, coalitionID, id); err != nil {
		return nil, err
	}
	return &d, a.read(ctx, load)
}
