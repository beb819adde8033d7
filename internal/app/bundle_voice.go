package app

import (
	"context"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/store"
)

// voiceContents reads a coalition's voice for its bundle: the voice settings when the
// coalition changed the defaults, proposals with stances and outcomes, stepping backs.
func voiceContents(ctx context.Context, tx *store.Tx, coalitionID string) (bundle.VoiceContents, error) {
	var v bundle.VoiceContents
	settings, err := tx.VoiceSettings(ctx, coalitionID)
	if err != nil {
		return v, err
	}
	if !settings.UpdatedAt.IsZero() { // zero: nothing stored, the defaults apply
		v.VoiceSettings = &settings
	}
	proposals, err := tx.ListProposals(ctx, coalitionID)
	if err != nil {
		return v, err
	}
	for _, p := range proposals {
		v.Proposals = append(v.Proposals, *p)
	}
	if v.Stances, err = tx.ListCoalitionStances(ctx, coalitionID); err != nil {
		return v, err
	}
	v.SteppingBacks, err = tx.ListSteppingBacks(ctx, coalitionID)
	return v, err
}

// writeVoice inserts a bundle's voice.
func writeVoice(ctx context.Context, tx *store.Tx, v bundle.VoiceContents) error {
	if v.VoiceSettings != nil {
		if err := tx.InsertVoiceSettings(ctx, v.VoiceSettings); err != nil {
			return err
		}
	}
	if err := tx.InsertProposals(ctx, v.Proposals, v.Stances); err != nil {
		return err
	}
	return tx.InsertSteppingBacks(ctx, v.SteppingBacks)
}

// voiceIDs adds the ids of the bundle's voice records, with their paths, to ids.
func voiceIDs(b *bundle.Bundle, ids recordIDs) {
	for i, p := range b.Proposals {
		ids.add("proposals", p.ID, "/proposals/%d/id", i)
		for j, o := range p.Options {
			ids.add("proposal_options", o.ID, "/proposals/%d/options/%d/id", i, j)
		}
		for j, s := range p.Stances {
			ids.add("stances", s.ID, "/proposals/%d/stances/%d/id", i, j)
		}
	}
	for i, s := range b.SteppingBacks {
		ids.add("stepping_backs", s.ID, "/stepping_backs/%d/id", i)
	}
}
