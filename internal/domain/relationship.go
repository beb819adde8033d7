package domain

import (
	"strings"
	"time"
)

// Relationship kinds.
var RelationshipKinds = []string{"worked_together", "shared_staff_or_members", "mentoring", "funding", "formal_agreement", "other"}

// Depth bounds of a relationship: 1 means the organizations know of each other, 5 deep
// trust (they act together without asking).
const (
	MinDepth = 1
	MaxDepth = 5
)

// Relationship is one organization's own account of its relationship with another.
// The other side may give its own account (confirm it, perhaps with another depth); the
// ecosystem then uses the mean of both depths. A declaration belongs to its two
// organizations, not to a coalition: members of a coalition see the relationships among
// the coalition's current member organizations.
type Relationship struct {
	ID                  string    `json:"id"`
	OrganizationID      string    `json:"organization_id" doc:"The organization whose account this is."`
	OtherOrganizationID string    `json:"other_organization_id"`
	Kind                string    `json:"kind" enum:"worked_together,shared_staff_or_members,mentoring,funding,formal_agreement,other"`
	Depth               int       `json:"depth" minimum:"1" maximum:"5"`
	Since               string    `json:"since" doc:"Since when (YYYY-MM-DD), or empty."`
	Note                string    `json:"note"`
	RecordedBy          string    `json:"recorded_by"`
	Version             int       `json:"version"`
	CreatedAt           time.Time `json:"created_at"`
	UpdatedAt           time.Time `json:"updated_at"`
	// Filled by queries that join the organizations.
	OrganizationName      string `json:"organization_name"`
	OtherOrganizationName string `json:"other_organization_name"`
}

// Normalize trims text.
func (r *Relationship) Normalize() {
	r.Kind = strings.TrimSpace(r.Kind)
	r.Since = strings.TrimSpace(r.Since)
	r.Note = strings.TrimSpace(r.Note)
}

// Validate checks every field the person gives.
func (r *Relationship) Validate() error {
	var v Validation
	if r.OrganizationID != "" && r.OrganizationID == r.OtherOrganizationID {
		v.Add("other_organization_id", "An organization cannot record a relationship with itself.")
	}
	if !OneOf(r.Kind, RelationshipKinds) {
		v.Add("kind", "Choose one of the listed kinds.")
	}
	if r.Depth < MinDepth || r.Depth > MaxDepth {
		v.Add("depth", "Depth is a number from 1 to 5.")
	}
	CheckDate(&v, "since", r.Since)
	CheckText(&v, "note", r.Note, 0, MaxText)
	return v.Err()
}

// CheckDate accepts an empty string or a date written YYYY-MM-DD.
func CheckDate(v *Validation, field, s string) {
	if s == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		v.Add(field, "Write the date as YYYY-MM-DD.")
	}
}
