package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// VoiceSettings returns a coalition's voice settings, the defaults when none are stored.
func (tx *Tx) VoiceSettings(ctx context.Context, coalitionID string) (domain.VoiceSettings, error) {
	s := domain.VoiceSettings{CoalitionID: coalitionID, StancesBy: domain.StancesByOrganization, QueueOrder: domain.QueueProgressive}
	err := tx.queryRow(ctx, `SELECT stances_by, queue_order, updated_at FROM voice_settings WHERE coalition_id = $1`, coalitionID).
		Scan(&s.StancesBy, &s.QueueOrder, timeCol{&s.UpdatedAt})
	if err == sql.ErrNoRows {
		return s, nil
	}
	return s, err
}

// PutVoiceSettings stores a coalition's voice settings.
func (tx *Tx) PutVoiceSettings(ctx context.Context, s *domain.VoiceSettings) error {
	s.UpdatedAt = tx.Now
	_, err := tx.exec(ctx, voiceSettingsInsert+` VALUES ($1, $2, $3, $4)
		ON CONFLICT (coalition_id) DO UPDATE SET stances_by = excluded.stances_by, queue_order = excluded.queue_order, updated_at = excluded.updated_at`,
		voiceSettingsRow(s)...)
	return err
}

const voiceSettingsInsert = `INSERT INTO voice_settings (coalition_id, stances_by, queue_order, updated_at)`

func voiceSettingsRow(s *domain.VoiceSettings) []any {
	return []any{s.CoalitionID, s.StancesBy, s.QueueOrder, formatTime(s.UpdatedAt)}
}

const proposalCols = `id, coalition_id, title, body, method, stances_by, quorum, closes_at, status, author_id,
	author_organization_id, created_at, opened_at, closed_at, outcome, version`

func scanProposal(row interface{ Scan(...any) error }) (*domain.Proposal, error) {
	var p domain.Proposal
	var outcome sql.NullString
	err := row.Scan(&p.ID, &p.CoalitionID, &p.Title, &p.Body, &p.Method, &p.StancesBy, &p.Quorum, timeCol{&p.ClosesAt}, &p.Status,
		&p.AuthorID, &p.AuthorOrganizationID, timeCol{&p.CreatedAt}, nullTimeCol{&p.OpenedAt}, nullTimeCol{&p.ClosedAt}, &outcome, &p.Version)
	if err == nil && outcome.Valid {
		p.Outcome = &domain.Outcome{}
		err = json.Unmarshal([]byte(outcome.String), p.Outcome)
	}
	p.PrincipleIDs, p.Options = []string{}, []domain.ProposalOption{}
	return &p, err
}

// CreateProposal inserts a proposal with its options and principles.
func (tx *Tx) CreateProposal(ctx context.Context, p *domain.Proposal) error {
	if p.ID == "" {
		p.ID = NewID()
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = tx.Now
	}
	p.Version = 1
	if _, err := tx.insertOne(ctx, proposalInsert, proposalRow(p, p.Status)); err != nil {
		return err
	}
	return tx.putProposalParts(ctx, p)
}

// proposalInsert and proposalRow write a proposal with the given status, without its
// close (see CloseProposal); they are shared with the bulk InsertProposals.
const proposalInsert = `INSERT INTO proposals (id, coalition_id, title, body, method, stances_by, quorum, closes_at, status,
	author_id, author_organization_id, created_at, opened_at, version)`

func proposalRow(p *domain.Proposal, status string) []any {
	return []any{p.ID, p.CoalitionID, p.Title, p.Body, p.Method, p.StancesBy, p.Quorum, formatTime(p.ClosesAt), status,
		p.AuthorID, p.AuthorOrganizationID, formatTime(p.CreatedAt), formatTimePtr(p.OpenedAt), p.Version}
}

const optionInsert = `INSERT INTO proposal_options (id, proposal_id, position, label)`

const proposalPrincipleInsert = `INSERT INTO proposal_principles (proposal_id, principle_id)`

// putProposalParts replaces a proposal's options and principles.
func (tx *Tx) putProposalParts(ctx context.Context, p *domain.Proposal) error {
	if _, err := tx.exec(ctx, `DELETE FROM proposal_options WHERE proposal_id = $1`, p.ID); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM proposal_principles WHERE proposal_id = $1`, p.ID); err != nil {
		return err
	}
	for i := range p.Options {
		o := &p.Options[i]
		if o.ID == "" {
			o.ID = NewID()
		}
		o.Position = i + 1
		if _, err := tx.insertOne(ctx, optionInsert, []any{o.ID, p.ID, o.Position, o.Label}); err != nil {
			return err
		}
	}
	for _, pid := range p.PrincipleIDs {
		if _, err := tx.insertOne(ctx, proposalPrincipleInsert, []any{p.ID, pid}); err != nil {
			return err
		}
	}
	return nil
}

// UpdateProposalDraft replaces a draft's text, method, options and principles
// (EPRECONDITION when expectVersion is not current, ECONFLICT when it is no longer a draft).
func (tx *Tx) UpdateProposalDraft(ctx context.Context, p *domain.Proposal, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE proposals SET title = $1, body = $2, method = $3, quorum = $4, closes_at = $5,
		author_organization_id = $6, version = version + 1 WHERE id = $7 AND coalition_id = $8 AND version = $9 AND status = 'draft'`,
		p.Title, p.Body, p.Method, p.Quorum, formatTime(p.ClosesAt), p.AuthorOrganizationID, p.ID, p.CoalitionID, expectVersion)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		cur, err := tx.FindProposal(ctx, p.CoalitionID, p.ID)
		if err != nil {
			return err
		}
		if cur.Status != domain.ProposalDraft {
			return domain.Errorf(domain.ECONFLICT, "Only a draft can be edited; this proposal is %s.", cur.Status)
		}
		return domain.Errorf(domain.EPRECONDITION, "Someone changed this proposal since you read it.")
	}
	p.Version = expectVersion + 1
	return tx.putProposalParts(ctx, p)
}

// OpenProposal opens a draft for stances, fixing who takes them (ECONFLICT when it is
// not a draft).
func (tx *Tx) OpenProposal(ctx context.Context, coalitionID, id, stancesBy string) error {
	res, err := tx.exec(ctx, `UPDATE proposals SET status = 'open', opened_at = $1, stances_by = $2, version = version + 1
		WHERE id = $3 AND coalition_id = $4 AND status = 'draft'`, formatTime(tx.Now), stancesBy, id, coalitionID)
	if err := mustAffect(res, err, "Proposal"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			if _, ferr := tx.FindProposal(ctx, coalitionID, id); ferr == nil {
				return domain.Errorf(domain.ECONFLICT, "This proposal is already open or closed.")
			}
		}
		return err
	}
	return nil
}

// LockProposal takes the row lock of a proposal that is not closed, so that stances and
// the close of one proposal happen one after another: on PostgreSQL the UPDATE holds
// the row until the transaction ends; on SQLite every write transaction is exclusive
// anyway. It reports false when the proposal is closed (closed proposals never change,
// so they need no lock) and ENOTFOUND when it does not exist in the coalition.
func (tx *Tx) LockProposal(ctx context.Context, coalitionID, id string) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE proposals SET version = version WHERE id = $1 AND coalition_id = $2 AND status <> 'closed'`, id, coalitionID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// CloseProposal stores the outcome of an open proposal and closes it for good. It
// returns ECONFLICT when the proposal is not open (someone closed it first).
func (tx *Tx) CloseProposal(ctx context.Context, p *domain.Proposal, closedAt time.Time) error {
	b, err := json.Marshal(p.Outcome)
	if err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE proposals SET status = 'closed', closed_at = $1, result = $2, outcome = $3, version = version + 1
		WHERE id = $4 AND coalition_id = $5 AND status = 'open'`, formatTime(closedAt), p.Outcome.Result, string(b), p.ID, p.CoalitionID)
	if err := mustAffect(res, err, "Proposal"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return domain.Errorf(domain.ECONFLICT, "This proposal is not open.")
		}
		return err
	}
	p.Status, p.ClosedAt = domain.ProposalClosed, &closedAt
	p.Version++
	return nil
}

// FindProposal returns a proposal of a coalition with its options and principles.
func (tx *Tx) FindProposal(ctx context.Context, coalitionID, id string) (*domain.Proposal, error) {
	p, err := scanProposal(tx.queryRow(ctx, `SELECT `+proposalCols+` FROM proposals WHERE id = $1 AND coalition_id = $2`, id, coalitionID))
	if err != nil {
		return nil, notFound(err, "Proposal")
	}
	if err := tx.fillProposalParts(ctx, coalitionID, map[string]*domain.Proposal{p.ID: p}); err != nil {
		return nil, err
	}
	return p, nil
}

// ListProposals returns a coalition's proposals, newest first, with options and principles.
func (tx *Tx) ListProposals(ctx context.Context, coalitionID string) ([]*domain.Proposal, error) {
	rows, err := tx.query(ctx, `SELECT `+proposalCols+` FROM proposals WHERE coalition_id = $1 ORDER BY created_at DESC, id`, coalitionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*domain.Proposal{}
	byID := map[string]*domain.Proposal{}
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
		byID[p.ID] = p
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, tx.fillProposalParts(ctx, coalitionID, byID)
}

// fillProposalParts loads the options and principles of the given proposals of a coalition.
func (tx *Tx) fillProposalParts(ctx context.Context, coalitionID string, byID map[string]*domain.Proposal) error {
	rows, err := tx.query(ctx, `SELECT o.proposal_id, o.id, o.position, o.label FROM proposal_options o
		JOIN proposals p ON p.id = o.proposal_id WHERE p.coalition_id = $1 ORDER BY o.proposal_id, o.position`, coalitionID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var pid string
		var o domain.ProposalOption
		if err := rows.Scan(&pid, &o.ID, &o.Position, &o.Label); err != nil {
			rows.Close()
			return err
		}
		if p := byID[pid]; p != nil {
			p.Options = append(p.Options, o)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.query(ctx, `SELECT pp.proposal_id, pp.principle_id FROM proposal_principles pp
		JOIN proposals p ON p.id = pp.proposal_id WHERE p.coalition_id = $1 ORDER BY pp.proposal_id, pp.principle_id`, coalitionID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var pid, principle string
		if err := rows.Scan(&pid, &principle); err != nil {
			return err
		}
		if p := byID[pid]; p != nil {
			p.PrincipleIDs = append(p.PrincipleIDs, principle)
		}
	}
	return rows.Err()
}

// DueProposals returns the ids of a coalition's open proposals whose closing time has come.
func (tx *Tx) DueProposals(ctx context.Context, coalitionID string) ([]string, error) {
	rows, err := tx.query(ctx, `SELECT id FROM proposals WHERE coalition_id = $1 AND status = 'open' AND closes_at <= $2 ORDER BY closes_at, id`,
		coalitionID, formatTime(tx.Now))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
