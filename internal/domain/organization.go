package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Skill is one skill an organization brings, with its level.
type Skill struct {
	Name  string `json:"name"`
	Level string `json:"level"`
}

// Visibility says what of an organization's profile is public.
type Visibility struct {
	// Listed organizations appear by name on the public pages of their coalitions.
	Listed bool `json:"listed"`
	// Fields names the profile fields shown publicly (see PublicFields).
	Fields []string `json:"fields"`
}

// Shows reports whether the public may see field.
func (v Visibility) Shows(field string) bool {
	if !v.Listed {
		return false
	}
	for _, f := range v.Fields {
		if f == field {
			return true
		}
	}
	return false
}

// Organization is one organization of the ecosystem; it may belong to several coalitions.
type Organization struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Kind        string     `json:"kind"`
	Mission     string     `json:"mission"`
	Website     string     `json:"website"`
	Geographies []string   `json:"geographies"`
	IssueAreas  []string   `json:"issue_areas"`
	Skills      []Skill    `json:"skills"`
	Languages   []string   `json:"languages"`
	BudgetBand  string     `json:"budget_band"`
	StaffSize   int        `json:"staff_size"`
	BipocLed    string     `json:"bipoc_led"`
	Identity    string     `json:"identity"`
	Visibility  Visibility `json:"visibility"`
	Version     int        `json:"version"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Normalize trims text and fills defaults for empty enumerations.
func (o *Organization) Normalize() {
	o.Name = strings.TrimSpace(o.Name)
	o.Mission = strings.TrimSpace(o.Mission)
	o.Website = strings.TrimSpace(o.Website)
	o.Identity = strings.TrimSpace(o.Identity)
	if o.Kind == "" {
		o.Kind = "nonprofit"
	}
	if o.BudgetBand == "" {
		o.BudgetBand = NotSaid
	}
	if o.BipocLed == "" {
		o.BipocLed = NotSaid
	}
	o.Geographies = CleanList(o.Geographies)
	o.IssueAreas = CleanList(o.IssueAreas)
	o.Languages = CleanList(o.Languages)
	if o.Skills == nil {
		o.Skills = []Skill{}
	}
	if o.Visibility.Fields == nil {
		o.Visibility.Fields = []string{}
	}
}

// Validate checks every field and reports all problems at once.
func (o *Organization) Validate() error {
	var v Validation
	CheckText(&v, "name", o.Name, 1, MaxName)
	CheckText(&v, "mission", o.Mission, 0, MaxText)
	CheckText(&v, "website", o.Website, 0, MaxShort)
	CheckText(&v, "identity", o.Identity, 0, MaxShort)
	if !OneOf(o.Kind, OrganizationKinds) {
		v.Add("kind", "Choose one of the listed kinds.")
	}
	if !OneOf(o.BudgetBand, BudgetBands) {
		v.Add("budget_band", "Choose one of the listed budget bands.")
	}
	if !OneOf(o.BipocLed, BipocLedValues) {
		v.Add("bipoc_led", "Choose yes, no or not said.")
	}
	if o.StaffSize < 0 || o.StaffSize > 1000000 {
		v.Add("staff_size", "Staff size must be between 0 and 1,000,000.")
	}
	CheckList(&v, "geographies", o.Geographies)
	CheckList(&v, "issue_areas", o.IssueAreas)
	CheckList(&v, "languages", o.Languages)
	if len(o.Skills) > MaxList {
		v.Add("skills", "Too many skills.")
	}
	for _, s := range o.Skills {
		if s.Name == "" || utf8.RuneCountInString(s.Name) > MaxName || strings.ContainsFunc(s.Name, isControl) {
			v.Add("skills", "Each skill needs a name of at most 200 characters.")
			break
		}
		if !OneOf(s.Level, SkillLevels) {
			v.Add("skills", "Each skill level must be learning, practising or can_teach.")
			break
		}
	}
	for _, f := range o.Visibility.Fields {
		if !OneOf(f, PublicFields) {
			v.Add("visibility.fields", "Unknown profile field: "+f)
			break
		}
	}
	return v.Err()
}

// CheckText validates the length of a text field.
func CheckText(v *Validation, field, s string, min, max int) {
	n := utf8.RuneCountInString(s)
	if min > 0 && strings.TrimSpace(s) == "" {
		v.Add(field, "This field is required.")
	} else if n > max {
		v.Add(field, "This text is too long.")
	} else if !utf8.ValidString(s) {
		v.Add(field, "This text is not valid UTF-8.")
	} else if strings.ContainsFunc(s, isControl) {
		v.Add(field, "This text contains control characters.")
	}
}

// isControl reports control characters other than tab and line breaks; PostgreSQL
// rejects NUL in text, and none of them belongs in a name or a mission.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}

// CheckList validates a list of short labels.
func CheckList(v *Validation, field string, list []string) {
	if len(list) > MaxList {
		v.Add(field, "Too many entries.")
		return
	}
	for _, s := range list {
		if utf8.RuneCountInString(s) > MaxName {
			v.Add(field, "An entry is too long.")
			return
		}
		if !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
			v.Add(field, "An entry contains characters that are not allowed.")
			return
		}
	}
}

// CleanList trims entries, drops empty ones and duplicates, keeping order; never nil.
func CleanList(list []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" || seen[strings.ToLower(s)] {
			continue
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
	}
	return out
}

// SplitList splits a comma-separated form value into a clean list.
func SplitList(s string) []string { return CleanList(strings.Split(s, ",")) }

// Person is someone who works with an organization; a person may have an account.
type Person struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Pronouns  string    `json:"pronouns"`
	Languages []string  `json:"languages"`
	UserID    string    `json:"user_id,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Affiliation links a person to an organization; a representative may act for it.
type Affiliation struct {
	PersonID       string `json:"person_id"`
	OrganizationID string `json:"organization_id"`
	Title          string `json:"title"`
	Representative bool   `json:"representative"`
}
