package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// ListCoalitionSignatures returns the signatures of every letter of a coalition, by id.
func (tx *Tx) ListCoalitionSignatures(ctx context.Context, coalitionID string) ([]domain.Signature, error) {
	rows, err := tx.query(ctx, `SELECT `+signatureCols+` FROM signatures s
		WHERE s.letter_id IN (SELECT id FROM sign_on_letters WHERE coalition_id = $1) ORDER BY s.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Signature{}
	for rows.Next() {
		g, err := scanSignature(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *g)
	}
	return out, rows.Err()
}

// InsertLetters inserts sign-on letters as they are, versions and times included.
func (tx *Tx) InsertLetters(ctx context.Context, ls []domain.SignOnLetter) error {
	return tx.insertAll(ctx, letterInsert, len(ls), func(i int) []any { return letterRow(&ls[i]) })
}

// InsertSignatures inserts signatures as they are, without confirmation tokens.
func (tx *Tx) InsertSignatures(ctx context.Context, gs []domain.Signature) error {
	return tx.insertAll(ctx, signatureInsert, len(gs), func(i int) []any { return signatureRow(&gs[i], "") })
}
