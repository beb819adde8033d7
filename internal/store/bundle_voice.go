package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// Bulk writes and coalition-wide reads of the voice records (voice settings, proposals
// with their options, principles and stances, stepping backs) for bundle import and
// export. The INSERT column lists are those of the single-row methods.

// InsertVoiceSettings stores a coalition's voice settings as given, updated_at included.
func (tx *Tx) InsertVoiceSettings(ctx context.Context, s *domain.VoiceSettings) error {
	_, err := tx.insertOne(ctx, voiceSettingsInsert, voiceSettingsRow(s))
	return err
}

// InsertProposals inserts proposals with their options and principles, then the
// stances, then closes the closed proposals with their stored outcome (CloseProposal).
// The database refuses a stance on a closed proposal, so a closed proposal is written
// open first; its outcome is stored as given, never counted again.
func (tx *Tx) InsertProposals(ctx context.Context, ps []domain.Proposal, stances []domain.Stance) error {
	var options, principles [][]any
	for i := range ps {
		p := &ps[i]
		for _, o := range p.Options {
			options = append(options, []any{o.ID, p.ID, o.Position, o.Label})
		}
		for _, id := range p.PrincipleIDs {
			principles = append(principles, []any{p.ID, id})
		}
	}
	err := tx.insertAll(ctx, proposalInsert, len(ps), func(i int) []any {
		status := ps[i].Status
		if status == domain.ProposalClosed {
			status = domain.ProposalOpen
		}
		return proposalRow(&ps[i], status)
	})
	if err != nil {
		return err
	}
	if err := tx.insertAll(ctx, optionInsert, len(options), func(i int) []any { return options[i] }); err != nil {
		return err
	}
	if err := tx.insertAll(ctx, proposalPrincipleInsert, len(principles), func(i int) []any { return principles[i] }); err != nil {
		return err
	}
	for i := range stances {
		if stances[i].Ranking == nil {
			stances[i].Ranking = []string{}
		}
	}
	if err := tx.insertAll(ctx, stanceInsert, len(stances), func(i int) []any { return stanceRow(&stances[i]) }); err != nil {
		return err
	}
	for i := range ps {
		if p := ps[i]; p.Status == domain.ProposalClosed && p.Outcome != nil && p.ClosedAt != nil {
			// The close counts as a change, as it does in the application: version 2.
			if err := tx.CloseProposal(ctx, &p, *p.ClosedAt); err != nil {
				return err
			}
		}
	}
	return nil
}

// InsertSteppingBacks inserts stepping backs, ended or not.
func (tx *Tx) InsertSteppingBacks(ctx context.Context, ss []domain.SteppingBack) error {
	return tx.insertAll(ctx, steppingBackInsert, len(ss), func(i int) []any { return steppingBackRow(&ss[i]) })
}

// ListCoalitionStances returns the stances on every proposal of a coalition, by id.
func (tx *Tx) ListCoalitionStances(ctx context.Context, coalitionID string) ([]domain.Stance, error) {
	out := []domain.Stance{}
	err := tx.scanAll(ctx, `SELECT id, proposal_id, voter_id, organization_id, user_id, position, choice, ranking, reason,
		principle_id, comment, created_at, updated_at FROM stances WHERE proposal_id IN (SELECT id FROM proposals WHERE coalition_id = $1)
		ORDER BY id`, coalitionID, func(scan func(...any) error) error {
		var s domain.Stance
		err := scan(&s.ID, &s.ProposalID, &s.VoterID, &s.OrganizationID, &s.UserID, &s.Position, &s.Choice, jsonCol{&s.Ranking},
			&s.Reason, &s.PrincipleID, &s.Comment, timeCol{&s.CreatedAt}, timeCol{&s.UpdatedAt})
		out = append(out, s)
		return err
	})
	return out, err
}
