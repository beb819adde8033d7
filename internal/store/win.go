package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

const winCols = `w.id, w.coalition_id, w.won_on, w.title, w.kind, w.size, w.description, w.public, w.created_by,
	w.version, w.created_at, w.updated_at`

func scanWin(row interface{ Scan(...any) error }) (*domain.Win, error) {
	var w domain.Win
	err := row.Scan(&w.ID, &w.CoalitionID, &w.Date, &w.Title, &w.Kind, &w.Size, &w.Description, &w.Public, &w.CreatedBy,
		&w.Version, timeCol{&w.CreatedAt}, timeCol{&w.UpdatedAt})
	return &w, err
}

// CreateWin inserts a win with its credits (ECONFLICT when the coalition already has a
// win with this title on this day).
func (tx *Tx) CreateWin(ctx context.Context, w *domain.Win) error {
	if w.ID == "" {
		w.ID = NewID()
	}
	if w.CreatedAt.IsZero() {
		w.CreatedAt, w.UpdatedAt = tx.Now, tx.Now
	}
	if w.Version == 0 {
		w.Version = 1
	}
	_, err := tx.insertOne(ctx, winInsert, winRow(w))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return duplicateWin()
	} else if err != nil {
		return err
	}
	return tx.insertCredits(ctx, w)
}

const winInsert = `INSERT INTO wins (id, coalition_id, won_on, title, kind, size, description, public, created_by,
	version, created_at, updated_at)`

func winRow(w *domain.Win) []any {
	return []any{w.ID, w.CoalitionID, w.Date, w.Title, w.Kind, w.Size, w.Description, w.Public, w.CreatedBy, w.Version,
		formatTime(w.CreatedAt), formatTime(w.UpdatedAt)}
}

// creditInsert and creditRow write the credit at index i of a win (position i+1).
const creditInsert = `INSERT INTO win_credits (win_id, organization_id, position, contribution, weight)`

func creditRow(winID string, i int, c domain.Credit) []any {
	return []any{winID, c.OrganizationID, i + 1, c.Contribution, c.Weight}
}

func duplicateWin() error {
	return &domain.Error{Code: domain.ECONFLICT, Message: "A win with this title on this date is already recorded.",
		Fields: []domain.FieldError{{Field: "title", Message: "A win with this title on this date is already recorded."}}}
}

func (tx *Tx) insertCredits(ctx context.Context, w *domain.Win) error {
	for i, c := range w.Credits {
		if _, err := tx.insertOne(ctx, creditInsert, creditRow(w.ID, i, c)); err != nil {
			return err
		}
	}
	return nil
}

// UpdateWin replaces a win's fields and credits if its stored version is still
// expectVersion (EPRECONDITION; ENOTFOUND when it is not a win of w.CoalitionID).
func (tx *Tx) UpdateWin(ctx context.Context, w *domain.Win, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE wins SET won_on = $1, title = $2, kind = $3, size = $4, description = $5, public = $6,
		version = version + 1, updated_at = $7 WHERE id = $8 AND coalition_id = $9 AND version = $10`,
		w.Date, w.Title, w.Kind, w.Size, w.Description, w.Public, formatTime(tx.Now), w.ID, w.CoalitionID, expectVersion)
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return duplicateWin()
	}
	if err := mustAffect(res, err, "Win"); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if _, ferr := tx.FindWin(ctx, w.CoalitionID, w.ID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this win; reload to see their change.")
		}
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM win_credits WHERE win_id = $1`, w.ID); err != nil {
		return err
	}
	w.Version = expectVersion + 1
	w.UpdatedAt = tx.Now
	return tx.insertCredits(ctx, w)
}

// DeleteWin removes a win of a coalition, and its credits, if its stored version is still
// expectVersion (EPRECONDITION; ENOTFOUND when it is not a win of coalitionID).
func (tx *Tx) DeleteWin(ctx context.Context, coalitionID, winID string, expectVersion int) error {
	res, err := tx.exec(ctx, `DELETE FROM wins WHERE id = $1 AND coalition_id = $2 AND version = $3`, winID, coalitionID, expectVersion)
	if err := mustAffect(res, err, "Win"); err != nil {
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if _, ferr := tx.FindWin(ctx, coalitionID, winID); ferr == nil {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this win; reload to see their change.")
		}
		return err
	}
	// Credits go with the win (ON DELETE CASCADE); deleted here too for databases that
	// were opened without foreign keys enforced.
	_, err = tx.exec(ctx, `DELETE FROM win_credits WHERE win_id = $1`, winID)
	return err
}

// FindWin returns a win of a coalition with its credits (ENOTFOUND).
func (tx *Tx) FindWin(ctx context.Context, coalitionID, winID string) (*domain.Win, error) {
	w, err := scanWin(tx.queryRow(ctx, `SELECT `+winCols+` FROM wins w WHERE w.id = $1 AND w.coalition_id = $2`, winID, coalitionID))
	if err != nil {
		return nil, notFound(err, "Win")
	}
	credits, err := tx.listCredits(ctx, `WHERE c.win_id = $1`, winID)
	if err != nil {
		return nil, err
	}
	w.Credits = orEmptyCredits(credits[w.ID])
	return w, nil
}

// ListWins returns a coalition's wins with their credits, newest first; publicOnly keeps
// the wins marked public.
func (tx *Tx) ListWins(ctx context.Context, coalitionID string, publicOnly bool) ([]domain.Win, error) {
	q := `SELECT ` + winCols + ` FROM wins w WHERE w.coalition_id = $1`
	if publicOnly {
		q += ` AND w.public`
	}
	rows, err := tx.query(ctx, q+` ORDER BY w.won_on DESC, w.created_at DESC, w.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Win{}
	for rows.Next() {
		w, err := scanWin(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *w)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	credits, err := tx.listCredits(ctx, `JOIN wins w ON w.id = c.win_id WHERE w.coalition_id = $1`, coalitionID)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Credits = orEmptyCredits(credits[out[i].ID])
	}
	return out, nil
}

// listCredits returns credits by win id, in their order, with organization names.
func (tx *Tx) listCredits(ctx context.Context, where string, arg string) (map[string][]domain.Credit, error) {
	rows, err := tx.query(ctx, `SELECT c.win_id, c.organization_id, o.name, c.contribution, c.weight FROM win_credits c
		JOIN organizations o ON o.id = c.organization_id `+where+` ORDER BY c.win_id, c.position`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]domain.Credit{}
	for rows.Next() {
		var winID string
		var c domain.Credit
		if err := rows.Scan(&winID, &c.OrganizationID, &c.OrganizationName, &c.Contribution, &c.Weight); err != nil {
			return nil, err
		}
		out[winID] = append(out[winID], c)
	}
	return out, rows.Err()
}

func orEmptyCredits(c []domain.Credit) []domain.Credit {
	if c == nil {
		return []domain.Credit{}
	}
	return c
}
