package domain

import (
	"strings"
	"time"
)

// What a member organization steps back from.
const (
	StepBackFromCoalition  = "coalition"
	StepBackFromRole       = "role"
	StepBackFromWorkstream = "workstream"
)

// SteppingBackScopes lists what an organization can step back from: the whole coalition,
// its role (say, from steering to member for a while), or one workstream it holds a seat in.
var SteppingBackScopes = []string{StepBackFromCoalition, StepBackFromRole, StepBackFromWorkstream}

// SteppingBackReasons lists the reason categories of stepping back.
var SteppingBackReasons = []string{"capacity", "resources", "relationships", "strategic", "other"}

// SteppingBack records that a member organization steps back for a while. It is
// respected, not penalised: while it lasts the organization is left out of quorum counts.
type SteppingBack struct {
	ID             string     `json:"id"`
	CoalitionID    string     `json:"coalition_id"`
	MembershipID   string     `json:"membership_id"`
	OrganizationID string     `json:"organization_id"`
	Scope          string     `json:"scope"`
	WorkstreamID   string     `json:"workstream_id,omitempty"` // for the workstream scope
	Reason         string     `json:"reason"`
	Note           string     `json:"note"`
	StartsAt       time.Time  `json:"starts_at"`
	Until          *time.Time `json:"until"`    // The planned return, if any.
	EndedAt        *time.Time `json:"ended_at"` // When the organization came back.
	CreatedBy      string     `json:"created_by"`
	// Organization and Workstream are filled for display.
	Organization string `json:"organization,omitempty"`
	Workstream   string `json:"workstream,omitempty"`
}

// Active reports whether the stepping back lasts at now.
func (s *SteppingBack) Active(now time.Time) bool {
	return s.EndedAt == nil && !now.Before(s.StartsAt) && (s.Until == nil || now.Before(*s.Until))
}

// Validate checks the fields a representative fills in.
func (s *SteppingBack) Validate(now time.Time) error {
	var v Validation
	s.Note = strings.TrimSpace(s.Note)
	if !OneOf(s.Scope, SteppingBackScopes) {
		v.Add("scope", "Choose coalition, role or workstream.")
	}
	if s.Scope == StepBackFromWorkstream && s.WorkstreamID == "" {
		v.Add("workstream_id", "Choose the workstream.")
	}
	if s.Scope != StepBackFromWorkstream {
		s.WorkstreamID = ""
	}
	if !OneOf(s.Reason, SteppingBackReasons) {
		v.Add("reason", "Choose capacity, resources, relationships, strategic or other.")
	}
	CheckText(&v, "note", s.Note, 0, MaxShort)
	if s.Until != nil && !s.Until.After(now) {
		v.Add("until", "The planned return must be in the future.")
	}
	return v.Err()
}
