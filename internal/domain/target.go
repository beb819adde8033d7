package domain

import (
	"strings"
	"time"
)

// Target kinds: a decision-maker is a person or an institution.
var TargetKinds = []string{"person", "institution"}

// Influence and stance bounds of a power map assessment.
const (
	MinInfluence = 1
	MaxInfluence = 5
	MinStance    = -2 // opposed
	MaxStance    = 2  // champion
)

// Target is a decision-maker on a coalition's power map, with its dated assessments
// (oldest first, so movement shows) and the member organizations' access to it.
type Target struct {
	ID          string             `json:"id"`
	CoalitionID string             `json:"coalition_id"`
	Campaign    string             `json:"campaign" doc:"The campaign this target belongs to, if any."`
	Name        string             `json:"name"`
	Kind        string             `json:"kind" enum:"person,institution"`
	Title       string             `json:"title" doc:"Role or office, e.g. City Council President."`
	Note        string             `json:"note"`
	Version     int                `json:"version"`
	CreatedAt   time.Time          `json:"created_at"`
	UpdatedAt   time.Time          `json:"updated_at"`
	Assessments []TargetAssessment `json:"assessments"`
	Access      []TargetAccess     `json:"access"`
}

// Current returns the latest assessment (by date, then record order), nil if none.
func (t *Target) Current() *TargetAssessment {
	if len(t.Assessments) == 0 {
		return nil
	}
	return &t.Assessments[len(t.Assessments)-1]
}

// Previous returns the assessment before the latest, nil if none.
func (t *Target) Previous() *TargetAssessment {
	if len(t.Assessments) < 2 {
		return nil
	}
	return &t.Assessments[len(t.Assessments)-2]
}

// Normalize trims text.
func (t *Target) Normalize() {
	t.Campaign, t.Name, t.Title, t.Note = strings.TrimSpace(t.Campaign), strings.TrimSpace(t.Name), strings.TrimSpace(t.Title), strings.TrimSpace(t.Note)
}

// Validate checks the target's own fields.
func (t *Target) Validate() error {
	var v Validation
	CheckText(&v, "name", t.Name, 1, MaxName)
	CheckText(&v, "campaign", t.Campaign, 0, MaxName)
	CheckText(&v, "title", t.Title, 0, MaxName)
	CheckText(&v, "note", t.Note, 0, MaxText)
	if !OneOf(t.Kind, TargetKinds) {
		v.Add("kind", "Choose person or institution.")
	}
	return v.Err()
}

// TargetAssessment is where a target stood on a date: influence 1–5 and stance −2
// (opposed) … +2 (champion).
type TargetAssessment struct {
	ID         string    `json:"id"`
	TargetID   string    `json:"target_id"`
	Influence  int       `json:"influence" minimum:"1" maximum:"5"`
	Stance     int       `json:"stance" minimum:"-2" maximum:"2"`
	AssessedOn string    `json:"assessed_on" doc:"YYYY-MM-DD"`
	Note       string    `json:"note"`
	RecordedBy string    `json:"recorded_by"`
	CreatedAt  time.Time `json:"created_at"`
}

// Validate checks an assessment.
func (a *TargetAssessment) Validate() error {
	var v Validation
	if a.Influence < MinInfluence || a.Influence > MaxInfluence {
		v.Add("influence", "Influence is a number from 1 to 5.")
	}
	if a.Stance < MinStance || a.Stance > MaxStance {
		v.Add("stance", "Stance is a number from −2 (opposed) to +2 (champion).")
	}
	a.AssessedOn = strings.TrimSpace(a.AssessedOn)
	if a.AssessedOn == "" {
		v.Add("assessed_on", "Give the date of this assessment.")
	} else {
		CheckDate(&v, "assessed_on", a.AssessedOn)
	}
	a.Note = strings.TrimSpace(a.Note)
	CheckText(&v, "note", a.Note, 0, MaxText)
	return v.Err()
}

// TargetAccess is a member organization's relationship with a target and its strength
// (1: can get a meeting … 5: a trusted ally on the inside).
type TargetAccess struct {
	TargetID         string    `json:"target_id"`
	OrganizationID   string    `json:"organization_id"`
	OrganizationName string    `json:"organization_name"`
	Strength         int       `json:"strength" minimum:"1" maximum:"5"`
	Note             string    `json:"note"`
	RecordedBy       string    `json:"recorded_by"`
	UpdatedAt        time.Time `json:"updated_at"`
}

// Validate checks an access record.
func (a *TargetAccess) Validate() error {
	var v Validation
	if a.Strength < MinDepth || a.Strength > MaxDepth {
		v.Add("strength", "Strength is a number from 1 to 5.")
	}
	a.Note = strings.TrimSpace(a.Note)
	CheckText(&v, "note", a.Note, 0, MaxText)
	return v.Err()
}

// StanceKey is the stance counted from 0 (opposed) to 4 (champion), for message ids.
func (a TargetAssessment) StanceKey() int { return a.Stance - MinStance }
