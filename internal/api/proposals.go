package api

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// Vocabulary of proposals, with enums from the domain's lists.
type (
	proposalMethod string
	stancesBy      string
	queueOrder     string
)

func (proposalMethod) Schema(huma.Registry) *huma.Schema { return enum(domain.ProposalMethods) }
func (stancesBy) Schema(huma.Registry) *huma.Schema      { return enum(domain.StancesByValues) }
func (queueOrder) Schema(huma.Registry) *huma.Schema     { return enum(domain.QueueOrders) }

// ProposalBody is the body that drafts (or opens) a proposal, or replaces a draft.
type ProposalBody struct {
	Title          string         `json:"title" minLength:"1" maxLength:"200"`
	Body           string         `json:"body" minLength:"1" maxLength:"20000" doc:"The text of the proposal."`
	Method         proposalMethod `json:"method" doc:"consent passes unless someone blocks; consensus needs no block or disagreement; majority; supermajority (two thirds); poll_single; poll_ranked (instant runoff)."`
	Quorum         float64        `json:"quorum" exclusiveMinimum:"0" maximum:"1" doc:"The share of eligible voters who must take a stance, e.g. 0.5."`
	ClosesAt       time.Time      `json:"closes_at" doc:"When the proposal closes and its outcome is computed; in the future."`
	Options        []string       `json:"options,omitempty" maxItems:"20" maxLength:"200" doc:"A poll's option labels, in order (2 to 20); none for other methods."`
	PrincipleIDs   []string       `json:"principle_ids,omitempty" maxItems:"50" maxLength:"64" doc:"Principles of the coalition the proposal draws on."`
	OrganizationID string         `json:"organization_id,omitempty" maxLength:"64" doc:"The member organization you propose for; by default the one you represent."`
	Open           bool           `json:"open,omitempty" doc:"Open for stances at once instead of saving a draft (create only)."`
}

func (in ProposalBody) app() app.ProposalInput {
	return app.ProposalInput{Title: in.Title, Body: in.Body, Method: string(in.Method), Quorum: in.Quorum, ClosesAt: in.ClosesAt,
		Options: in.Options, PrincipleIDs: in.PrincipleIDs, OrganizationID: in.OrganizationID, Open: in.Open}
}

// StanceBody is the body of a stance. In a poll, send choice (single) or ranking
// (ranked), or position abstain.
type StanceBody struct {
	OrganizationID string   `json:"organization_id,omitempty" maxLength:"64" doc:"The member organization you speak for, when stances are by organization; by default the one you represent."`
	Position       string   `json:"position,omitempty" enum:"agree,disagree,abstain,stand_aside,block" doc:"Required except for a poll ballot."`
	Choice         string   `json:"choice,omitempty" maxLength:"64" doc:"The option id chosen in a single-choice poll."`
	Ranking        []string `json:"ranking,omitempty" maxItems:"20" maxLength:"64" doc:"Option ids of a ranked poll, most preferred first, each at most once."`
	Reason         string   `json:"reason,omitempty" maxLength:"20000" doc:"Required with block."`
	PrincipleID    string   `json:"principle_id,omitempty" maxLength:"64" doc:"The principle a block cites; required with block."`
	Comment        string   `json:"comment,omitempty" maxLength:"20000"`
}

// VoiceSettingsInput is the body of a coalition's voice settings.
type VoiceSettingsInput struct {
	StancesBy  stancesBy  `json:"stances_by" doc:"organization: one stance per member organization, by its representative; person: one per person."`
	QueueOrder queueOrder `json:"queue_order" doc:"progressive stack or first_come, for speaking queues."`
}

// ProposalDetail is a proposal with every stance taken on it.
type ProposalDetail struct {
	domain.Proposal
	Stances []domain.Stance `json:"stances"`
}

// ProposalPath names a proposal of a coalition.
type ProposalPath struct {
	CoalitionPath
	ProposalID string `path:"proposal_id" maxLength:"64"`
}

type proposalOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Proposal
}

func (x *API) registerProposals() {
	tag := "Proposals"
	huma.Register(x.huma, operation("get-voice-settings", http.MethodGet, "/coalitions/{id}/voice-settings", "Who takes stances and how speaking queues are ordered", tag, signedIn,
		http.StatusNotFound), x.getVoice)
	huma.Register(x.huma, operation("put-voice-settings", http.MethodPut, "/coalitions/{id}/voice-settings", "Choose who takes stances and the speaking queue order", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.putVoice)
	huma.Register(x.huma, operation("list-proposals", http.MethodGet, "/coalitions/{id}/proposals", "List proposals, newest first", tag, signedIn,
		http.StatusNotFound), x.listProposals)
	huma.Register(x.huma, operation("create-proposal", http.MethodPost, "/coalitions/{id}/proposals", "Draft a proposal, or open it at once", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createProposal)
	huma.Register(x.huma, operation("get-proposal", http.MethodGet, "/coalitions/{id}/proposals/{proposal_id}", "Get a proposal with its stances and, once closed, its outcome", tag, signedIn,
		http.StatusNotFound), x.getProposal)
	huma.Register(x.huma, operation("update-proposal", http.MethodPut, "/coalitions/{id}/proposals/{proposal_id}", "Replace a draft", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateProposal)
	huma.Register(x.huma, ok200(operation("open-proposal", http.MethodPost, "/coalitions/{id}/proposals/{proposal_id}/open", "Open a draft for stances", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)), x.openProposal)
	huma.Register(x.huma, ok200(operation("close-proposal", http.MethodPost, "/coalitions/{id}/proposals/{proposal_id}/close", "Close a proposal early and compute its outcome", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)), x.closeProposal)
	huma.Register(x.huma, operation("put-stance", http.MethodPut, "/coalitions/{id}/proposals/{proposal_id}/stance", "Take or change your stance (or your organization's)", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.putStance)
}

func (x *API) getVoice(ctx context.Context, in *CoalitionPath) (*struct{ Body domain.VoiceSettings }, error) {
	s, err := x.app.Voice(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body domain.VoiceSettings }{s}, nil
}

func (x *API) putVoice(ctx context.Context, in *struct {
	CoalitionPath
	Body VoiceSettingsInput
}) (*struct{ Body domain.VoiceSettings }, error) {
	s, err := x.app.SetVoice(ctx, httpx.User(ctx), in.ID, domain.VoiceSettings{StancesBy: string(in.Body.StancesBy), QueueOrder: string(in.Body.QueueOrder)})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body domain.VoiceSettings }{s}, nil
}

func (x *API) listProposals(ctx context.Context, in *CoalitionPath) (*struct{ Body []*domain.Proposal }, error) {
	ps, err := x.app.Proposals(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body []*domain.Proposal }{orEmpty(ps)}, nil
}

func (x *API) createProposal(ctx context.Context, in *struct {
	CoalitionPath
	Body ProposalBody
}) (*struct {
	ETag     string `header:"ETag"`
	Location string `header:"Location"`
	Body     *domain.Proposal
}, error) {
	p, err := x.app.CreateProposal(ctx, httpx.User(ctx), in.ID, in.Body.app())
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct {
		ETag     string `header:"ETag"`
		Location string `header:"Location"`
		Body     *domain.Proposal
	}{etag(p.Version), Prefix + "/coalitions/" + url.PathEscape(p.CoalitionID) + "/proposals/" + url.PathEscape(p.ID), p}, nil
}

func (x *API) getProposal(ctx context.Context, in *ProposalPath) (*struct {
	ETag string `header:"ETag"`
	Body ProposalDetail
}, error) {
	d, err := x.app.Proposal(ctx, httpx.User(ctx), in.ID, in.ProposalID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct {
		ETag string `header:"ETag"`
		Body ProposalDetail
	}{etag(d.Proposal.Version), ProposalDetail{Proposal: *d.Proposal, Stances: d.Stances}}, nil
}

func (x *API) updateProposal(ctx context.Context, in *struct {
	ProposalPath
	Precondition
	Body ProposalBody
}) (*proposalOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	p, err := x.app.UpdateProposal(ctx, httpx.User(ctx), in.ID, in.ProposalID, in.Body.app(), version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &proposalOutput{etag(p.Version), p}, nil
}

func (x *API) openProposal(ctx context.Context, in *ProposalPath) (*proposalOutput, error) {
	p, err := x.app.OpenProposal(ctx, httpx.User(ctx), in.ID, in.ProposalID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &proposalOutput{etag(p.Version), p}, nil
}

func (x *API) closeProposal(ctx context.Context, in *ProposalPath) (*proposalOutput, error) {
	p, err := x.app.CloseProposal(ctx, httpx.User(ctx), in.ID, in.ProposalID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &proposalOutput{etag(p.Version), p}, nil
}

func (x *API) putStance(ctx context.Context, in *struct {
	ProposalPath
	Body StanceBody
}) (*struct{ Body *domain.Stance }, error) {
	b := in.Body
	s, err := x.app.TakeStance(ctx, httpx.User(ctx), in.ID, in.ProposalID, app.StanceInput{OrganizationID: b.OrganizationID,
		Position: b.Position, Choice: b.Choice, Ranking: b.Ranking, Reason: b.Reason, PrincipleID: b.PrincipleID, Comment: b.Comment})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Stance }{s}, nil
}

// ok200 makes an action that changes a record answer 200 with it rather than 201 Created.
func ok200(op huma.Operation) huma.Operation {
	op.DefaultStatus = http.StatusOK
	return op
}
