package app

import (
	"context"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/store"
)

// letterContents reads a coalition's sign-on letters and their signatures.
func letterContents(ctx context.Context, tx *store.Tx, coalitionID string) (bundle.LetterContents, error) {
	var c bundle.LetterContents
	var err error
	if c.Letters, err = tx.ListLetters(ctx, coalitionID); err != nil {
		return c, err
	}
	c.Signatures, err = tx.ListCoalitionSignatures(ctx, coalitionID)
	return c, err
}

// writeLetters inserts a bundle's letters and signatures.
func writeLetters(ctx context.Context, tx *store.Tx, c bundle.LetterContents) error {
	if err := tx.InsertLetters(ctx, c.Letters); err != nil {
		return err
	}
	return tx.InsertSignatures(ctx, c.Signatures)
}

// letterIDs adds the ids of the bundle's letters and signatures to ids.
func letterIDs(b *bundle.Bundle, ids recordIDs) {
	for i, l := range b.SignOnLetters {
		ids.add("sign_on_letters", l.ID, "/sign_on_letters/%d/id", i)
		for j, g := range l.Signatures {
			ids.add("signatures", g.ID, "/sign_on_letters/%d/signatures/%d/id", i, j)
		}
	}
}
