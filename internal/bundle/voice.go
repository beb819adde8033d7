package bundle

import (
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// The records of voice (issue 4): the coalition's voice settings, proposals with their
// stances and decided outcome, and members stepping back.

// VoiceSettings are the coalition's choices about how members speak and decide. A
// bundle holds null when the coalition never changed the defaults.
type VoiceSettings struct {
	StancesBy  string    `json:"stances_by"`
	QueueOrder string    `json:"queue_order"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Proposal is a question put to the coalition with its options, the principles it
// draws on, its stances and, once closed, its outcome. The author's account is left
// out; the organization the author proposed for is kept.
type Proposal struct {
	ID                   string           `json:"id"`
	Title                string           `json:"title"`
	Body                 string           `json:"body"`
	Method               string           `json:"method"`
	StancesBy            string           `json:"stances_by"`
	Quorum               float64          `json:"quorum"`
	ClosesAt             time.Time        `json:"closes_at"`
	Status               string           `json:"status"`
	AuthorOrganizationID string           `json:"author_organization_id"`
	PrincipleIDs         []string         `json:"principle_ids"`
	Options              []ProposalOption `json:"options"`
	CreatedAt            time.Time        `json:"created_at"`
	OpenedAt             *time.Time       `json:"opened_at"`
	ClosedAt             *time.Time       `json:"closed_at"`
	// Outcome is the count stored when the proposal closed, kept as it was computed:
	// an import never counts again.
	Outcome *domain.Outcome `json:"outcome"`
	Stances []Stance        `json:"stances"`
}

// ProposalOption is one option of a poll; positions are 1, 2, 3… in order.
type ProposalOption struct {
	ID       string `json:"id"`
	Position int    `json:"position"`
	Label    string `json:"label"`
}

// Stance is one voter's stance. On a proposal decided by organization the voter is the
// member organization; by person it is an account, which a bundle never holds, so the
// export names each such voter by a pseudonym (voter-1, voter-2…) that stays the same
// across the bundle's proposals and in their outcomes.
type Stance struct {
	ID             string    `json:"id"`
	VoterID        string    `json:"voter_id"`
	OrganizationID string    `json:"organization_id"`
	Position       string    `json:"position"`
	Choice         string    `json:"choice"`
	Ranking        []string  `json:"ranking"`
	Reason         string    `json:"reason"`
	PrincipleID    string    `json:"principle_id"`
	Comment        string    `json:"comment"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// SteppingBack records that a member organization stepped back for a while.
type SteppingBack struct {
	ID             string     `json:"id"`
	MembershipID   string     `json:"membership_id"`
	OrganizationID string     `json:"organization_id"`
	Scope          string     `json:"scope"`
	WorkstreamID   string     `json:"workstream_id"` // for the workstream scope, "" otherwise
	Reason         string     `json:"reason"`
	Note           string     `json:"note"`
	StartsAt       time.Time  `json:"starts_at"`
	Until          *time.Time `json:"until"`
	EndedAt        *time.Time `json:"ended_at"`
}
