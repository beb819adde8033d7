package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/braid-org/braid/internal/decide"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// StanceInput is a stance as a voter sends it.
type StanceInput struct {
	// OrganizationID is the member organization the representative speaks for, when
	// stances are by organization; empty means the only one the actor represents.
	OrganizationID string
	Position       string   // agree, disagree, abstain, stand_aside or block; in a poll empty or abstain.
	Choice         string   // The option chosen in a single-choice poll.
	Ranking        []string // The options of a ranked poll, most preferred first.
	Reason         string   // Why the voter blocks.
	PrincipleID    string   // The principle a block cites.
	Comment        string
}

// errClosed is the answer to a stance on a closed proposal.
var errClosed = domain.Errorf(domain.ECONFLICT, "This proposal is closed; its outcome is final. Only a new proposal can revisit it.")

// TakeStance records or changes a voter's stance on an open proposal. A stance on a
// draft or closed proposal is ECONFLICT; so is one that arrives after the closing time,
// which closes the proposal instead (see proposal_close.go).
func (a *App) TakeStance(ctx context.Context, actor Actor, coalitionID, proposalID string, in StanceInput) (*domain.Stance, error) {
	var s *domain.Stance
	closedNow := false
	err := a.write(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if _, err := tx.LockProposal(ctx, perm.Coalition.ID, proposalID); err != nil {
			return err
		}
		p, err := tx.FindProposal(ctx, perm.Coalition.ID, proposalID)
		if err != nil {
			return err
		}
		switch {
		case p.Status == domain.ProposalDraft:
			return domain.Errorf(domain.ECONFLICT, "This proposal is a draft; stances open when it opens.")
		case p.Status == domain.ProposalClosed:
			return errClosed
		case p.Due(tx.Now):
			closedNow = true // Commit the close, then refuse the stance.
			return closeLocked(ctx, tx, p, "", p.ClosesAt)
		}
		if s, err = newStance(ctx, tx, actor, perm, p, in); err != nil {
			return err
		}
		if err := tx.PutStance(ctx, s); err != nil {
			return err
		}
		return tx.Audit(ctx, p.CoalitionID, actor.ID, "proposal.stance", "proposal", p.ID, map[string]any{
			"voter_id": s.VoterID, "position": s.Position, "choice": s.Choice, "ranking": s.Ranking, "comment": s.Comment})
	})
	if err == nil && closedNow {
		return nil, errClosed
	}
	return s, err
}

// newStance checks a stance and settles who it speaks for.
func newStance(ctx context.Context, tx *store.Tx, actor Actor, perm Permission, p *domain.Proposal, in StanceInput) (*domain.Stance, error) {
	s := &domain.Stance{ProposalID: p.ID, UserID: actor.ID, Position: strings.TrimSpace(in.Position), Choice: in.Choice,
		Ranking: slices.Clone(in.Ranking), Reason: strings.TrimSpace(in.Reason), PrincipleID: in.PrincipleID, Comment: strings.TrimSpace(in.Comment)}
	if s.Ranking == nil {
		s.Ranking = []string{}
	}
	var v domain.Validation
	domain.CheckText(&v, "comment", s.Comment, 0, domain.MaxText)
	domain.CheckText(&v, "reason", s.Reason, 0, domain.MaxText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := setVoter(ctx, tx, actor, perm, p, in.OrganizationID, s); err != nil {
		return nil, err
	}
	if err := checkStance(p, s); err != nil {
		return nil, err
	}
	if s.Position == string(decide.Block) {
		principles, err := tx.ListPrinciples(ctx, p.CoalitionID)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(principles, func(pr domain.Principle) bool { return pr.ID == s.PrincipleID }) {
			return nil, stanceField("principle_id", "A block must cite one of the coalition's principles.")
		}
	}
	return s, nil
}

// setVoter fills the stance's voter: the organization the actor speaks for, or the actor.
func setVoter(ctx context.Context, tx *store.Tx, actor Actor, perm Permission, p *domain.Proposal, orgID string, s *domain.Stance) error {
	if p.StancesBy == domain.StancesByPerson {
		if perm.Role == "admin" || perm.Role == domain.AccessObserver {
			return domain.Errorf(domain.EFORBIDDEN, "On this proposal each person with a member, facilitator or coordinator role takes a stance; observers do not.")
		}
		s.VoterID = actor.ID
		org, err := speakingFor(ctx, tx, actor, p.CoalitionID, "")
		s.OrganizationID = org
		return err
	}
	org, err := speakingFor(ctx, tx, actor, p.CoalitionID, orgID)
	if err != nil {
		return err
	}
	if org == "" {
		return domain.Errorf(domain.EFORBIDDEN, "On this proposal each member organization takes one stance through its representative; choose the organization you speak for.")
	}
	m, err := tx.FindMembershipOfOrganization(ctx, p.CoalitionID, org)
	if err != nil {
		return err
	}
	away, err := steppedBack(ctx, tx, p.CoalitionID)
	if err != nil {
		return err
	}
	if !memberVotes(*m) || away[org] {
		return domain.Errorf(domain.ECONFLICT, "This organization is stepping back, has left or observes, so it takes no stance now.")
	}
	s.VoterID, s.OrganizationID = org, org
	return nil
}

// checkStance validates a stance with the same rules the count applies, so that a stance
// accepted now always counts when the proposal closes.
func checkStance(p *domain.Proposal, s *domain.Stance) error {
	in := decide.Proposal{Method: decide.Method(p.Method), Eligible: []string{s.VoterID}, Quorum: 1,
		Stances: []decide.Stance{decideStance(*s)}}
	for _, o := range p.Options {
		in.Options = append(in.Options, o.ID)
	}
	_, err := decide.Decide(in)
	var fe *decide.FieldError
	if errors.As(err, &fe) {
		field := strings.TrimPrefix(fe.Field, "stances[0].")
		if i := strings.IndexByte(field, '['); i > 0 {
			field = field[:i]
		}
		return stanceField(field, fe.Message)
	}
	return err
}

func stanceField(field, message string) error {
	return &domain.Error{Code: domain.EINVALID, Message: "This stance cannot be taken as it is.",
		Fields: []domain.FieldError{{Field: field, Message: message}}}
}

// Voice returns a coalition's voice settings.
func (a *App) Voice(ctx context.Context, actor Actor, coalitionID string) (domain.VoiceSettings, error) {
	var s domain.VoiceSettings
	err := a.read(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		s, err = tx.VoiceSettings(ctx, perm.Coalition.ID)
		return err
	})
	return s, err
}

// SetVoice changes a coalition's voice settings. Proposals already open keep who takes
// stances on them.
func (a *App) SetVoice(ctx context.Context, actor Actor, coalitionID string, s domain.VoiceSettings) (domain.VoiceSettings, error) {
	if err := s.Validate(); err != nil {
		return s, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ManageVoice)
		if err != nil {
			return err
		}
		before, err := tx.VoiceSettings(ctx, perm.Coalition.ID)
		if err != nil {
			return err
		}
		s.CoalitionID = perm.Coalition.ID
		if err := tx.PutVoiceSettings(ctx, &s); err != nil {
			return err
		}
		return tx.Audit(ctx, s.CoalitionID, actor.ID, "voice.settings", "coalition", s.CoalitionID, diff(
			map[string]any{"stances_by": before.StancesBy, "queue_order": before.QueueOrder},
			map[string]any{"stances_by": s.StancesBy, "queue_order": s.QueueOrder}))
	})
	return s, err
}
