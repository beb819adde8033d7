package domain

import (
	"slices"
	"strings"
	"time"
)

// Kinds of tension.
var TensionKinds = []string{"interpersonal", "issue", "resources", "process", "other"}

// States of a tension: the process runs raised → acknowledged → in_dialogue → agreement →
// resolved; withdrawn ends it from anywhere.
const (
	TensionRaised       = "raised"
	TensionAcknowledged = "acknowledged"
	TensionInDialogue   = "in_dialogue"
	TensionAgreement    = "agreement"
	TensionResolved     = "resolved"
	TensionWithdrawn    = "withdrawn"
)

// TensionSteps are the states in process order; TensionStates adds withdrawn.
var (
	TensionSteps  = []string{TensionRaised, TensionAcknowledged, TensionInDialogue, TensionAgreement, TensionResolved}
	TensionStates = append(slices.Clone(TensionSteps), TensionWithdrawn)
)

// Who sees a tension: by default only its parties, the person who raised it and the
// coalition's facilitators; "coalition" (everyone with a role in it) only when a
// facilitator widened it with every party's agreement.
const (
	VisibilityParties   = "parties_and_facilitators"
	VisibilityCoalition = "coalition"
)

// Party types.
const (
	PartyOrganization = "organization"
	PartyPerson       = "person"
)

// Tension is a conflict named in a coalition, carried through a process by a facilitator.
type Tension struct {
	ID            string         `json:"id"`
	CoalitionID   string         `json:"coalition_id"`
	Title         string         `json:"title"`
	Description   string         `json:"description"`
	Kind          string         `json:"kind"`
	State         string         `json:"state"`
	Visibility    string         `json:"visibility"`
	FacilitatorID string         `json:"facilitator_id"`
	FollowUpOn    *time.Time     `json:"follow_up_on"`
	RaisedBy      string         `json:"raised_by"`
	CreatedAt     time.Time      `json:"created_at"`
	UpdatedAt     time.Time      `json:"updated_at"`
	Version       int            `json:"version"`
	Parties       []TensionParty `json:"parties"`
	PrincipleIDs  []string       `json:"principle_ids"`
	// Entries is the dated history (filled on the detail only).
	Entries []TensionEntry `json:"entries,omitempty"`
}

// TensionParty is an organization or a person (a user) in a tension.
type TensionParty struct {
	Type          string `json:"type" enum:"organization,person"`
	ID            string `json:"id"`
	Name          string `json:"name,omitempty"`
	AgreedToWiden bool   `json:"agreed_to_widen"`
}

// Kinds of tension history entries.
const (
	EntryNote        = "note"
	EntryAgreement   = "agreement"
	EntryState       = "state"
	EntryFacilitator = "facilitation"
	EntryVisibility  = "visibility"
	EntryWiden       = "widen_agreement"
)

// TensionEntry is one dated line of a tension's history: a note, an agreement made, a
// change of state (Body holds the reason), of facilitation or of visibility.
type TensionEntry struct {
	ID        string    `json:"id"`
	TensionID string    `json:"tension_id"`
	Kind      string    `json:"kind"`
	Body      string    `json:"body"`
	FromState string    `json:"from_state,omitempty"`
	ToState   string    `json:"to_state,omitempty"`
	AuthorID  string    `json:"author_id"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate checks a new tension's text, kind and parties.
func (t *Tension) Validate() error {
	t.Title, t.Description = strings.TrimSpace(t.Title), strings.TrimSpace(t.Description)
	var v Validation
	CheckText(&v, "title", t.Title, 1, MaxName)
	CheckText(&v, "description", t.Description, 1, MaxText)
	if !OneOf(t.Kind, TensionKinds) {
		v.Add("kind", "Choose one of the listed kinds.")
	}
	if len(t.Parties) == 0 {
		v.Add("parties", "Name at least one party: an organization or a person.")
	}
	if len(t.Parties) > MaxList {
		v.Add("parties", "Too many parties.")
	}
	return v.Err()
}

// StepIndex is a state's place in the process; withdrawn is after every step.
func StepIndex(state string) int {
	if i := slices.Index(TensionSteps, state); i >= 0 {
		return i
	}
	return len(TensionSteps)
}

// Backwards reports whether moving from one state to another goes back in the process
// (reopening a resolved or withdrawn tension included).
func Backwards(from, to string) bool {
	if to == TensionWithdrawn {
		return false
	}
	return StepIndex(to) < StepIndex(from)
}
