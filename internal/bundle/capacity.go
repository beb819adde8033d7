package bundle

import "time"

// The records of power analysis and shared capacity (issues 5 and 6): the power map's
// targets with their assessments and members' access, asks and offers between members
// with their responses and the help recorded when one was fulfilled, and the skills
// the coalition needs.

// Target is a decision-maker on the coalition's power map.
type Target struct {
	ID          string             `json:"id"`
	Campaign    string             `json:"campaign"`
	Name        string             `json:"name"`
	Kind        string             `json:"kind"`
	Title       string             `json:"title"`
	Note        string             `json:"note"`
	CreatedAt   time.Time          `json:"created_at"`
	UpdatedAt   time.Time          `json:"updated_at"`
	Assessments []TargetAssessment `json:"assessments"`
	Access      []TargetAccess     `json:"access"`
}

// TargetAssessment is where a target stood on a day: influence 1–5, stance −2…+2.
type TargetAssessment struct {
	ID         string    `json:"id"`
	Influence  int       `json:"influence"`
	Stance     int       `json:"stance"`
	AssessedOn string    `json:"assessed_on"`
	Note       string    `json:"note"`
	CreatedAt  time.Time `json:"created_at"`
}

// TargetAccess is a member organization's access to a target, strength 1–5.
type TargetAccess struct {
	OrganizationID string    `json:"organization_id"`
	Strength       int       `json:"strength"`
	Note           string    `json:"note"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// AskOffer is an ask or an offer a member organization posted, with the responses of
// other members and, once fulfilled, the help recorded.
type AskOffer struct {
	ID             string        `json:"id"`
	Kind           string        `json:"kind"`
	OrganizationID string        `json:"organization_id"`
	Title          string        `json:"title"`
	Body           string        `json:"body"`
	NeededBy       string        `json:"needed_by"`
	State          string        `json:"state"`
	CreatedAt      time.Time     `json:"created_at"`
	UpdatedAt      time.Time     `json:"updated_at"`
	Responses      []AskResponse `json:"responses"`
	Help           *Help         `json:"help"`
}

// AskResponse is a member organization's answer to an ask or offer.
type AskResponse struct {
	ID             string    `json:"id"`
	OrganizationID string    `json:"organization_id"`
	Body           string    `json:"body"`
	CreatedAt      time.Time `json:"created_at"`
}

// Help is help given by one member organization to another.
type Help struct {
	ID                 string    `json:"id"`
	FromOrganizationID string    `json:"from_organization_id"`
	ToOrganizationID   string    `json:"to_organization_id"`
	RecordedAt         time.Time `json:"recorded_at"`
}
