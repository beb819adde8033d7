package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// CreateLetter inserts a draft sign-on letter.
func (tx *Tx) CreateLetter(ctx context.Context, l *domain.SignOnLetter) error {
	if l.ID == "" {
		l.ID = NewID()
	}
	l.CreatedAt, l.UpdatedAt, l.Version = tx.Now, tx.Now, 1
	_, err := tx.insertOne(ctx, letterInsert, letterRow(l))
	return err
}

// letterInsert and letterRow are shared by CreateLetter and the bundle's InsertLetters.
const letterInsert = `INSERT INTO sign_on_letters (id, coalition_id, title, body, status, created_by, version, created_at, updated_at,
	opened_at, closed_at)`

func letterRow(l *domain.SignOnLetter) []any {
	return []any{l.ID, l.CoalitionID, l.Title, l.Body, l.Status, l.CreatedBy, l.Version, formatTime(l.CreatedAt), formatTime(l.UpdatedAt),
		formatTimePtr(l.OpenedAt), formatTimePtr(l.ClosedAt)}
}

// UpdateLetter saves a letter's text, status and status times if its stored version is
// still expectVersion (EPRECONDITION; ENOTFOUND when it is not a letter of the coalition).
func (tx *Tx) UpdateLetter(ctx context.Context, l *domain.SignOnLetter, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE sign_on_letters SET title = $1, body = $2, status = $3, opened_at = $4, closed_at = $5,
		version = version + 1, updated_at = $6 WHERE id = $7 AND coalition_id = $8 AND version = $9`,
		l.Title, l.Body, l.Status, formatTimePtr(l.OpenedAt), formatTimePtr(l.ClosedAt), formatTime(tx.Now), l.ID, l.CoalitionID, expectVersion)
	if err := mustAffect(res, err, "Sign-on letter"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			if _, ferr := tx.FindLetter(ctx, l.CoalitionID, l.ID); ferr == nil {
				return domain.Errorf(domain.EPRECONDITION, "Someone else changed this letter; reload to see their change.")
			}
		}
		return err
	}
	l.Version, l.UpdatedAt = expectVersion+1, tx.Now
	return nil
}

const letterCols = `l.id, l.coalition_id, l.title, l.body, l.status, l.created_by, l.version, l.created_at, l.updated_at, l.opened_at, l.closed_at,
	(SELECT COUNT(*) FROM signatures s WHERE s.letter_id = l.id AND s.status = 'confirmed')`

func scanLetter(s interface{ Scan(...any) error }) (*domain.SignOnLetter, error) {
	var l domain.SignOnLetter
	err := s.Scan(&l.ID, &l.CoalitionID, &l.Title, &l.Body, &l.Status, &l.CreatedBy, &l.Version, timeCol{&l.CreatedAt}, timeCol{&l.UpdatedAt},
		nullTimeCol{&l.OpenedAt}, nullTimeCol{&l.ClosedAt}, &l.Signers)
	return &l, err
}

// FindLetter returns a letter of a coalition (ENOTFOUND).
func (tx *Tx) FindLetter(ctx context.Context, coalitionID, id string) (*domain.SignOnLetter, error) {
	l, err := scanLetter(tx.queryRow(ctx, `SELECT `+letterCols+` FROM sign_on_letters l WHERE l.id = $1 AND l.coalition_id = $2`, id, coalitionID))
	if err != nil {
		return nil, notFound(err, "Sign-on letter")
	}
	return l, nil
}

// FindPublishedLetter returns a letter that is open or closed, whatever its coalition: the
// public page shows it to anyone with the link (ENOTFOUND for drafts and unknown ids).
func (tx *Tx) FindPublishedLetter(ctx context.Context, id string) (*domain.SignOnLetter, error) {
	l, err := scanLetter(tx.queryRow(ctx, `SELECT `+letterCols+` FROM sign_on_letters l WHERE l.id = $1 AND l.status <> 'draft'`, id))
	if err != nil {
		return nil, notFound(err, "Sign-on letter")
	}
	return l, nil
}

// ListLetters returns a coalition's letters, newest first, with their signer counts.
func (tx *Tx) ListLetters(ctx context.Context, coalitionID string) ([]domain.SignOnLetter, error) {
	rows, err := tx.query(ctx, `SELECT `+letterCols+` FROM sign_on_letters l WHERE l.coalition_id = $1 ORDER BY l.created_at DESC, l.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.SignOnLetter{}
	for rows.Next() {
		l, err := scanLetter(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *l)
	}
	return out, rows.Err()
}
