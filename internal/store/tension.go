package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

const dateLayout = "2006-01-02"

func formatDatePtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC().Format(dateLayout)
}

// dateCol scans a nullable date (YYYY-MM-DD) into a *time.Time.
type dateCol struct{ t **time.Time }

func (c dateCol) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*c.t = nil
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	}
	d, err := time.Parse(dateLayout, s)
	if err != nil {
		return err
	}
	*c.t = &d
	return nil
}

// CreateTension inserts a tension with its parties and principles.
func (tx *Tx) CreateTension(ctx context.Context, t *domain.Tension) error {
	if t.ID == "" {
		t.ID = NewID()
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = tx.Now
	}
	t.UpdatedAt, t.Version = t.CreatedAt, 1
	_, err := tx.exec(ctx, `INSERT INTO tensions (id, coalition_id, title, description, kind, state, visibility, facilitator_id,
		follow_up_on, raised_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)`,
		t.ID, t.CoalitionID, t.Title, t.Description, t.Kind, t.State, t.Visibility, nullString(t.FacilitatorID),
		formatDatePtr(t.FollowUpOn), t.RaisedBy, formatTime(t.CreatedAt), formatTime(t.UpdatedAt))
	if err != nil {
		return err
	}
	for _, p := range t.Parties {
		if _, err := tx.exec(ctx, `INSERT INTO tension_parties (tension_id, party_type, party_id, agreed_to_widen) VALUES ($1, $2, $3, $4)`,
			t.ID, p.Type, p.ID, p.AgreedToWiden); err != nil {
			return err
		}
	}
	for _, id := range t.PrincipleIDs {
		if _, err := tx.exec(ctx, `INSERT INTO tension_principles (tension_id, principle_id) VALUES ($1, $2)`, t.ID, id); err != nil {
			return err
		}
	}
	return nil
}

const tensionCols = `t.id, t.coalition_id, t.title, t.description, t.kind, t.state, t.visibility, COALESCE(t.facilitator_id, ''),
	t.follow_up_on, t.raised_by, t.created_at, t.updated_at, t.version`

func scanTension(s interface{ Scan(...any) error }, t *domain.Tension) error {
	return s.Scan(&t.ID, &t.CoalitionID, &t.Title, &t.Description, &t.Kind, &t.State, &t.Visibility, &t.FacilitatorID,
		dateCol{&t.FollowUpOn}, &t.RaisedBy, timeCol{&t.CreatedAt}, timeCol{&t.UpdatedAt}, &t.Version)
}

// FindTension returns a tension of the coalition with its parties, principles and
// history (ENOTFOUND). It does not check who may see it: the app does.
func (tx *Tx) FindTension(ctx context.Context, coalitionID, id string) (*domain.Tension, error) {
	var t domain.Tension
	err := scanTension(tx.queryRow(ctx, `SELECT `+tensionCols+` FROM tensions t WHERE t.id = $1 AND t.coalition_id = $2`, id, coalitionID), &t)
	if err != nil {
		return nil, notFound(err, "Tension")
	}
	if err := tx.fillTensions(ctx, []*domain.Tension{&t}); err != nil {
		return nil, err
	}
	t.Entries, err = tx.listTensionEntries(ctx, t.ID)
	return &t, err
}

// ListTensions returns every tension of a coalition, newest first, with parties and
// principles. The app filters them by who may see each.
func (tx *Tx) ListTensions(ctx context.Context, coalitionID string) ([]domain.Tension, error) {
	rows, err := tx.query(ctx, `SELECT `+tensionCols+` FROM tensions t WHERE t.coalition_id = $1 ORDER BY t.created_at DESC, t.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	out := []domain.Tension{}
	for rows.Next() {
		var t domain.Tension
		if err := scanTension(rows, &t); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*domain.Tension, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, tx.fillTensions(ctx, ptrs)
}

func (tx *Tx) fillTensions(ctx context.Context, ts []*domain.Tension) error {
	for _, t := range ts {
		t.Parties, t.PrincipleIDs = []domain.TensionParty{}, []string{}
		rows, err := tx.query(ctx, `SELECT party_type, party_id, agreed_to_widen FROM tension_parties WHERE tension_id = $1
			ORDER BY party_type, party_id`, t.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p domain.TensionParty
			if err := rows.Scan(&p.Type, &p.ID, &p.AgreedToWiden); err != nil {
				rows.Close()
				return err
			}
			t.Parties = append(t.Parties, p)
		}
		rows.Close()
		rows, err = tx.query(ctx, `SELECT principle_id FROM tension_principles WHERE tension_id = $1 ORDER BY principle_id`, t.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			t.PrincipleIDs = append(t.PrincipleIDs, id)
		}
		rows.Close()
	}
	return nil
}

func (tx *Tx) listTensionEntries(ctx context.Context, tensionID string) ([]domain.TensionEntry, error) {
	rows, err := tx.query(ctx, `SELECT id, tension_id, kind, body, from_state, to_state, author_id, created_at FROM tension_entries
		WHERE tension_id = $1 ORDER BY created_at, id`, tensionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.TensionEntry{}
	for rows.Next() {
		var e domain.TensionEntry
		if err := rows.Scan(&e.ID, &e.TensionID, &e.Kind, &e.Body, &e.FromState, &e.ToState, &e.AuthorID, timeCol{&e.CreatedAt}); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// UpdateTension saves state, visibility, facilitator and follow-up date if the stored
// version is still t.Version (EPRECONDITION otherwise); t.Version is then incremented.
func (tx *Tx) UpdateTension(ctx context.Context, t *domain.Tension) error {
	res, err := tx.exec(ctx, `UPDATE tensions SET state = $1, visibility = $2, facilitator_id = $3, follow_up_on = $4,
		updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7`,
		t.State, t.Visibility, nullString(t.FacilitatorID), formatDatePtr(t.FollowUpOn), formatTime(tx.Now), t.ID, t.Version)
	if err := mustAffect(res, err, "Tension"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this tension; reload to see their change.")
		}
		return err
	}
	t.Version++
	t.UpdatedAt = tx.Now
	return nil
}

// SetWidenAgreement records whether a party agrees to show the tension to the coalition.
func (tx *Tx) SetWidenAgreement(ctx context.Context, tensionID, partyType, partyID string, agreed bool) error {
	res, err := tx.exec(ctx, `UPDATE tension_parties SET agreed_to_widen = $1 WHERE tension_id = $2 AND party_type = $3 AND party_id = $4`,
		agreed, tensionID, partyType, partyID)
	return mustAffect(res, err, "Party")
}

// AddTensionEntry appends a dated line to a tension's history.
func (tx *Tx) AddTensionEntry(ctx context.Context, e *domain.TensionEntry) error {
	if e.ID == "" {
		e.ID = NewID()
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = tx.Now
	}
	_, err := tx.exec(ctx, `INSERT INTO tension_entries (id, tension_id, kind, body, from_state, to_state, author_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, e.ID, e.TensionID, e.Kind, e.Body, e.FromState, e.ToState, e.AuthorID, formatTime(e.CreatedAt))
	return err
}
