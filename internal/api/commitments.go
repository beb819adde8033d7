package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewCommitment is an expectation a member organization agreed to.
type NewCommitment struct {
	MembershipID string `json:"membership_id" maxLength:"64"`
	Text         string `json:"text" minLength:"1" maxLength:"500" doc:"e.g. \"Send someone to two meetings a month\"."`
	AgreedOn     string `json:"agreed_on,omitempty" maxLength:"10" doc:"YYYY-MM-DD; today when omitted."`
}

// NewCommitmentRecord says whether a commitment was kept in a period.
type NewCommitmentRecord struct {
	PeriodStart string `json:"period_start" maxLength:"10" doc:"YYYY-MM-DD."`
	PeriodEnd   string `json:"period_end" maxLength:"10" doc:"YYYY-MM-DD, not before period_start."`
	Kept        bool   `json:"kept"`
	Note        string `json:"note,omitempty" maxLength:"500"`
}

// CommitmentWithTally is a commitment with its records and how many were kept.
type CommitmentWithTally struct {
	domain.Commitment
	Tally app.CommitmentTally `json:"tally"`
}

func (x *API) registerCommitments() {
	huma.Register(x.huma, operation("list-commitments", http.MethodGet, "/coalitions/{id}/commitments", "List member commitments and whether they were kept", "Commitments", signedIn,
		http.StatusNotFound), x.listCommitments)
	huma.Register(x.huma, operation("create-commitment", http.MethodPost, "/coalitions/{id}/commitments", "Record a commitment of a member organization", "Commitments", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createCommitment)
	huma.Register(x.huma, operation("record-commitment", http.MethodPost, "/coalitions/{id}/commitments/{commitment_id}/records", "Record whether a commitment was kept in a period", "Commitments", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.recordCommitment)
}

func (x *API) listCommitments(ctx context.Context, in *CoalitionPath) (*struct{ Body []CommitmentWithTally }, error) {
	cs, err := x.app.Commitments(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	out := make([]CommitmentWithTally, 0, len(cs))
	for _, c := range cs {
		out = append(out, CommitmentWithTally{Commitment: c, Tally: app.Tally(c)})
	}
	return &struct{ Body []CommitmentWithTally }{out}, nil
}

func (x *API) createCommitment(ctx context.Context, in *struct {
	CoalitionPath
	Body NewCommitment
}) (*struct{ Body *domain.Commitment }, error) {
	c, err := x.app.CreateCommitment(ctx, httpx.User(ctx), in.ID, app.CommitmentInput(in.Body))
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Commitment }{c}, nil
}

func (x *API) recordCommitment(ctx context.Context, in *struct {
	CoalitionPath
	CommitmentID string `path:"commitment_id" maxLength:"64"`
	Body         NewCommitmentRecord
}) (*struct{ Body *domain.CommitmentRecord }, error) {
	r, err := x.app.RecordCommitment(ctx, httpx.User(ctx), in.ID, in.CommitmentID, app.CommitmentRecordInput(in.Body))
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.CommitmentRecord }{r}, nil
}
