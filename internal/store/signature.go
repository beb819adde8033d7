package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const signatureCols = `s.id, s.letter_id, COALESCE(s.organization_id, ''), s.organization_name, s.city, s.issue_area, s.contact_name,
	s.contact_email, s.dedupe_key, s.status, s.signed_by, s.created_at, s.confirmed_at, s.withdrawn_at`

func scanSignature(s interface{ Scan(...any) error }) (*domain.Signature, error) {
	var g domain.Signature
	err := s.Scan(&g.ID, &g.LetterID, &g.OrganizationID, &g.OrganizationName, &g.City, &g.IssueArea, &g.ContactName,
		&g.ContactEmail, &g.DedupeKey, &g.Status, &g.SignedBy, timeCol{&g.CreatedAt}, nullTimeCol{&g.ConfirmedAt}, nullTimeCol{&g.WithdrawnAt})
	return &g, err
}

// SaveSignature inserts a signature, or, when the letter already has one with the same
// dedupe key, overwrites that one in place (a merge): its id and creation time stay.
// tokenHash is the hash of the emailed confirmation token ("" for a signed-in member).
func (tx *Tx) SaveSignature(ctx context.Context, g *domain.Signature, tokenHash string) error {
	existing, err := tx.FindSignatureByKey(ctx, g.LetterID, g.DedupeKey)
	switch domain.ErrorCode(err) {
	case "":
		g.ID, g.CreatedAt = existing.ID, existing.CreatedAt
		_, err = tx.exec(ctx, `UPDATE signatures SET organization_id = $1, organization_name = $2, city = $3, issue_area = $4,
			contact_name = $5, contact_email = $6, status = $7, token_hash = $8, signed_by = $9, confirmed_at = $10, withdrawn_at = NULL
			WHERE id = $11`, nullString(g.OrganizationID), g.OrganizationName, g.City, g.IssueArea, g.ContactName, g.ContactEmail,
			g.Status, tokenHash, g.SignedBy, formatTimePtr(g.ConfirmedAt), g.ID)
		return err
	case domain.ENOTFOUND:
		g.ID, g.CreatedAt = NewID(), tx.Now
		_, err = tx.insertOne(ctx, signatureInsert, signatureRow(g, tokenHash))
		return err
	}
	return err
}

// signatureInsert and signatureRow are shared by SaveSignature and the bundle's
// InsertSignatures.
const signatureInsert = `INSERT INTO signatures (id, letter_id, organization_id, organization_name, city, issue_area, contact_name,
	contact_email, dedupe_key, status, token_hash, signed_by, created_at, confirmed_at, withdrawn_at)`

func signatureRow(g *domain.Signature, tokenHash string) []any {
	return []any{g.ID, g.LetterID, nullString(g.OrganizationID), g.OrganizationName, g.City, g.IssueArea, g.ContactName, g.ContactEmail,
		g.DedupeKey, g.Status, tokenHash, g.SignedBy, formatTime(g.CreatedAt), formatTimePtr(g.ConfirmedAt), formatTimePtr(g.WithdrawnAt)}
}

// FindSignatureByKey returns a letter's signature with a dedupe key (ENOTFOUND).
func (tx *Tx) FindSignatureByKey(ctx context.Context, letterID, key string) (*domain.Signature, error) {
	g, err := scanSignature(tx.queryRow(ctx, `SELECT `+signatureCols+` FROM signatures s WHERE s.letter_id = $1 AND s.dedupe_key = $2`, letterID, key))
	if err != nil {
		return nil, notFound(err, "Signature")
	}
	return g, nil
}

// FindSignature returns a signature of a letter (ENOTFOUND).
func (tx *Tx) FindSignature(ctx context.Context, letterID, id string) (*domain.Signature, error) {
	g, err := scanSignature(tx.queryRow(ctx, `SELECT `+signatureCols+` FROM signatures s WHERE s.letter_id = $1 AND s.id = $2`, letterID, id))
	if err != nil {
		return nil, notFound(err, "Signature")
	}
	return g, nil
}

// FindSignatureByToken returns the signature whose emailed token hashes to tokenHash (ENOTFOUND).
func (tx *Tx) FindSignatureByToken(ctx context.Context, tokenHash string) (*domain.Signature, error) {
	if tokenHash == "" {
		return nil, domain.NotFound("Signature")
	}
	g, err := scanSignature(tx.queryRow(ctx, `SELECT `+signatureCols+` FROM signatures s WHERE s.token_hash = $1`, tokenHash))
	if err != nil {
		return nil, notFound(err, "Signature")
	}
	return g, nil
}

// SetSignatureStatus confirms or withdraws a signature, stamping the time.
func (tx *Tx) SetSignatureStatus(ctx context.Context, id, status string) error {
	col := "confirmed_at"
	if status == domain.SignatureWithdrawn {
		col = "withdrawn_at"
	}
	res, err := tx.exec(ctx, `UPDATE signatures SET status = $1, `+col+` = $2 WHERE id = $3`, status, formatTime(tx.Now), id)
	return mustAffect(res, err, "Signature")
}

// ListSignatures returns a letter's signatures in the given statuses (all when none),
// in the order they were first made.
func (tx *Tx) ListSignatures(ctx context.Context, letterID string, statuses ...string) ([]domain.Signature, error) {
	q, args := `SELECT `+signatureCols+` FROM signatures s WHERE s.letter_id = $1`, []any{letterID}
	if len(statuses) > 0 {
		q += ` AND s.status IN (` + placeholders(2, len(statuses)) + `)`
		for _, s := range statuses {
			args = append(args, s)
		}
	}
	rows, err := tx.query(ctx, q+` ORDER BY s.created_at, s.id`, args...)
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
