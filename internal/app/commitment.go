package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// CommitmentInput is an expectation a member organization agreed to.
type CommitmentInput struct {
	MembershipID string `json:"membership_id"`
	Text         string `json:"text"`
	AgreedOn     string `json:"agreed_on"` // YYYY-MM-DD; today when empty
}

// CommitmentRecordInput says whether a commitment was kept in a period.
type CommitmentRecordInput struct {
	PeriodStart string `json:"period_start"`
	PeriodEnd   string `json:"period_end"`
	Kept        bool   `json:"kept"`
	Note        string `json:"note"`
}

// Commitments returns the commitments of a coalition's memberships with their records.
func (a *App) Commitments(ctx context.Context, actor Actor, coalitionID string) ([]domain.Commitment, error) {
	var out []domain.Commitment
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListCommitments(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// CreateCommitment records an expectation of a current membership of the coalition.
func (a *App) CreateCommitment(ctx context.Context, actor Actor, coalitionID string, in CommitmentInput) (*domain.Commitment, error) {
	c := domain.Commitment{MembershipID: strings.TrimSpace(in.MembershipID), Text: strings.TrimSpace(in.Text), AgreedOn: strings.TrimSpace(in.AgreedOn),
		Records: []domain.CommitmentRecord{}}
	var v domain.Validation
	domain.CheckText(&v, "text", c.Text, 1, domain.MaxShort)
	domain.CheckDate(&v, "agreed_on", c.AgreedOn)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageCommitments)
		if err != nil {
			return err
		}
		m, err := tx.FindMembership(ctx, p.Coalition.ID, c.MembershipID)
		if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && !m.Counts()) {
			return fieldError("membership_id", "Choose a current member of the coalition.")
		} else if err != nil {
			return err
		}
		if c.AgreedOn == "" {
			c.AgreedOn = tx.Now.Format(domain.DateLayout)
		}
		if err := tx.CreateCommitment(ctx, &c); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "commitment.create", "commitment", c.ID,
			map[string]any{"membership_id": c.MembershipID, "text": c.Text, "agreed_on": c.AgreedOn})
	})
	return &c, err
}

// RecordCommitment records whether a commitment was kept in a period. The period must
// not end before it starts; the same period twice is ECONFLICT.
func (a *App) RecordCommitment(ctx context.Context, actor Actor, coalitionID, commitmentID string, in CommitmentRecordInput) (*domain.CommitmentRecord, error) {
	r := domain.CommitmentRecord{CommitmentID: commitmentID, PeriodStart: strings.TrimSpace(in.PeriodStart), PeriodEnd: strings.TrimSpace(in.PeriodEnd),
		Kept: in.Kept, Note: strings.TrimSpace(in.Note)}
	var v domain.Validation
	if r.PeriodStart == "" {
		v.Add("period_start", "Give the first day of the period.")
	}
	if r.PeriodEnd == "" {
		v.Add("period_end", "Give the last day of the period.")
	}
	domain.CheckDate(&v, "period_start", r.PeriodStart)
	domain.CheckDate(&v, "period_end", r.PeriodEnd)
	domain.CheckText(&v, "note", r.Note, 0, domain.MaxShort)
	if v.Err() == nil && r.PeriodEnd < r.PeriodStart {
		v.Add("period_end", "The period must not end before it starts.")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageCommitments)
		if err != nil {
			return err
		}
		c, err := tx.FindCommitment(ctx, p.Coalition.ID, commitmentID)
		if err != nil {
			return err
		}
		r.RecordedBy = actor.ID
		if err := tx.AddCommitmentRecord(ctx, &r); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "commitment.record", "commitment", c.ID,
			map[string]any{"period_start": r.PeriodStart, "period_end": r.PeriodEnd, "kept": r.Kept, "note": r.Note})
	})
	return &r, err
}

// CommitmentTally counts kept and recorded periods.
type CommitmentTally struct {
	Kept     int `json:"kept"`
	Recorded int `json:"recorded"`
}

// Tally counts a commitment's records.
func Tally(c domain.Commitment) CommitmentTally {
	t := CommitmentTally{Recorded: len(c.Records)}
	for _, r := range c.Records {
		if r.Kept {
			t.Kept++
		}
	}
	return t
}
