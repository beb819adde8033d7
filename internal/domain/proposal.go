package domain

import (
	"math"
	"strings"
	"time"
)

// Proposal statuses. A draft can be edited by its author; an open proposal takes stances
// until it closes; a closed proposal carries its outcome and never changes again.
const (
	ProposalDraft  = "draft"
	ProposalOpen   = "open"
	ProposalClosed = "closed"
)

// ProposalStatuses lists the statuses in their order of life.
var ProposalStatuses = []string{ProposalDraft, ProposalOpen, ProposalClosed}

// Methods of deciding a proposal (the same words as internal/decide).
var ProposalMethods = []string{"consent", "consensus", "majority", "supermajority", "poll_single", "poll_ranked"}

// IsPollMethod reports whether a method chooses among options.
func IsPollMethod(method string) bool { return method == "poll_single" || method == "poll_ranked" }

// StancePositions lists the positions a voter can take on a proposal that passes or fails.
var StancePositions = []string{"agree", "disagree", "abstain", "stand_aside", "block"}

// Who takes stances: one per member organization (its representative speaks for it) or
// one per person with a non-observer access role.
const (
	StancesByOrganization = "organization"
	StancesByPerson       = "person"
)

// StancesByValues lists the choices of who takes stances.
var StancesByValues = []string{StancesByOrganization, StancesByPerson}

// Orders of a speaking queue.
const (
	QueueProgressive = "progressive"
	QueueFirstCome   = "first_come"
)

// QueueOrders lists the orders a coalition can choose for its speaking queues.
var QueueOrders = []string{QueueProgressive, QueueFirstCome}

// MaxOptions is the most options a poll may offer.
const MaxOptions = 20

// VoiceSettings are a coalition's choices about how its members speak and decide.
type VoiceSettings struct {
	CoalitionID string    `json:"coalition_id"`
	StancesBy   string    `json:"stances_by"`
	QueueOrder  string    `json:"queue_order"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Validate checks the settings.
func (s *VoiceSettings) Validate() error {
	var v Validation
	if !OneOf(s.StancesBy, StancesByValues) {
		v.Add("stances_by", "Choose organization or person.")
	}
	if !OneOf(s.QueueOrder, QueueOrders) {
		v.Add("queue_order", "Choose progressive or first_come.")
	}
	return v.Err()
}

// Proposal is a question put to a coalition, decided by one method when it closes.
type Proposal struct {
	ID          string `json:"id"`
	CoalitionID string `json:"coalition_id"`
	Title       string `json:"title"`
	Body        string `json:"body"`
	Method      string `json:"method"`
	// StancesBy is copied from the coalition's settings when the proposal opens, so a
	// later change of settings never changes who may vote on it.
	StancesBy string    `json:"stances_by"`
	Quorum    float64   `json:"quorum"`
	ClosesAt  time.Time `json:"closes_at"`
	Status    string    `json:"status"`
	AuthorID  string    `json:"author_id"`
	// AuthorOrganizationID is the member organization the author proposed for, "" for none.
	AuthorOrganizationID string           `json:"author_organization_id"`
	PrincipleIDs         []string         `json:"principle_ids"`
	Options              []ProposalOption `json:"options"`
	CreatedAt            time.Time        `json:"created_at"`
	OpenedAt             *time.Time       `json:"opened_at"`
	ClosedAt             *time.Time       `json:"closed_at"`
	Outcome              *Outcome         `json:"outcome"`
	Version              int              `json:"version"`
}

// ProposalOption is one option of a poll.
type ProposalOption struct {
	ID       string `json:"id"`
	Position int    `json:"position"`
	Label    string `json:"label"`
}

// Due reports whether an open proposal's closing time has come.
func (p *Proposal) Due(now time.Time) bool {
	return p.Status == ProposalOpen && !now.Before(p.ClosesAt)
}

// Normalize trims text.
func (p *Proposal) Normalize() {
	p.Title = strings.TrimSpace(p.Title)
	p.Body = strings.TrimSpace(p.Body)
	p.PrincipleIDs = CleanList(p.PrincipleIDs)
	for i := range p.Options {
		p.Options[i].Label = strings.TrimSpace(p.Options[i].Label)
	}
}

// Validate checks the fields a person writes. The closing time is checked against the
// clock by the application, which knows it.
func (p *Proposal) Validate() error {
	var v Validation
	CheckText(&v, "title", p.Title, 1, MaxName)
	CheckText(&v, "body", p.Body, 1, MaxText)
	if !OneOf(p.Method, ProposalMethods) {
		v.Add("method", "Choose consent, consensus, majority, supermajority, poll_single or poll_ranked.")
	}
	if math.IsNaN(p.Quorum) || p.Quorum <= 0 || p.Quorum > 1 {
		v.Add("quorum", "The quorum is a share of the voters: more than 0 and at most 1.")
	}
	if p.ClosesAt.IsZero() {
		v.Add("closes_at", "Choose when the proposal closes.")
	}
	CheckList(&v, "principle_ids", p.PrincipleIDs)
	checkOptions(&v, p)
	return v.Err()
}

func checkOptions(v *Validation, p *Proposal) {
	if !IsPollMethod(p.Method) {
		if len(p.Options) > 0 {
			v.Add("options", "Only polls have options.")
		}
		return
	}
	if len(p.Options) < 2 || len(p.Options) > MaxOptions {
		v.Add("options", "A poll needs between 2 and 20 options.")
		return
	}
	seen := map[string]bool{}
	for _, o := range p.Options {
		key := strings.ToLower(o.Label)
		switch {
		case o.Label == "" || len([]rune(o.Label)) > MaxName:
			v.Add("options", "Each option needs a label of at most 200 characters.")
			return
		case seen[key]:
			v.Add("options", "Two options have the same label.")
			return
		}
		seen[key] = true
	}
}

// Stance is one voter's stance on a proposal: a position, or a choice or ranking in a
// poll, with an optional comment. It can be changed until the proposal closes.
type Stance struct {
	ID         string `json:"id"`
	ProposalID string `json:"proposal_id"`
	// VoterID is the organization that speaks (stances by organization) or the user
	// (stances by person).
	VoterID        string    `json:"voter_id"`
	OrganizationID string    `json:"organization_id"`
	UserID         string    `json:"user_id"`
	Position       string    `json:"position"`
	Choice         string    `json:"choice"`
	Ranking        []string  `json:"ranking"`
	Reason         string    `json:"reason"`
	PrincipleID    string    `json:"principle_id"`
	Comment        string    `json:"comment"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Outcome is a closed proposal's result with the arithmetic that produced it, as
// computed by internal/decide and stored once.
type Outcome struct {
	Result      string         `json:"result"`
	Winner      string         `json:"winner"`
	Tied        []string       `json:"tied"`
	Counts      OutcomeCounts  `json:"counts"`
	Blocks      []OutcomeBlock `json:"blocks"`
	Rounds      []RunoffRound  `json:"rounds"`
	Explanation []OutcomeLine  `json:"explanation"`
	// Excluded counts stances left out because their voter was no longer eligible when
	// the proposal closed (the organization stepped back or left).
	Excluded int `json:"excluded"`
}

// OutcomeCounts are the numbers of stances of each kind.
type OutcomeCounts struct {
	Eligible     int           `json:"eligible"`
	Required     int           `json:"required"`
	Participants int           `json:"participants"`
	Agree        int           `json:"agree"`
	Disagree     int           `json:"disagree"`
	Abstain      int           `json:"abstain"`
	StandAside   int           `json:"stand_aside"`
	Block        int           `json:"block"`
	Options      []OptionTally `json:"options"`
}

// OptionTally is the votes of one option.
type OptionTally struct {
	Option string `json:"option"`
	Votes  int    `json:"votes"`
}

// OutcomeBlock is one block with its reason and the principle it cites.
type OutcomeBlock struct {
	VoterID     string `json:"voter_id"`
	PrincipleID string `json:"principle_id"`
	Reason      string `json:"reason"`
}

// RunoffRound is one round of an instant-runoff count.
type RunoffRound struct {
	Number         int           `json:"number"`
	Tallies        []OptionTally `json:"tallies"`
	Continuing     int           `json:"continuing"`
	Exhausted      int           `json:"exhausted"`
	Eliminated     string        `json:"eliminated"`
	TieBreak       string        `json:"tie_break"`
	Transfers      []OptionTally `json:"transfers"`
	NewlyExhausted int           `json:"newly_exhausted"`
}

// OutcomeLine is one step of the explanation: a rule, whether it held, its numbers and
// the arithmetic, with the English text as a fallback for translation.
type OutcomeLine struct {
	Rule       string         `json:"rule"`
	Holds      bool           `json:"holds"`
	Values     map[string]int `json:"values"`
	Threshold  string         `json:"threshold"`
	TieBreak   string         `json:"tie_break"`
	Arithmetic string         `json:"arithmetic"`
	Options    []string       `json:"options"`
	Text       string         `json:"text"`
}
