package domain

import (
	"strings"
	"time"
)

// Coalition is a group of organizations working toward a shared goal.
type Coalition struct {
	ID             string    `json:"id"`
	Slug           string    `json:"slug"`
	Name           string    `json:"name"`
	Goal           string    `json:"goal"`
	TheoryOfChange string    `json:"theory_of_change"`
	IssueAreas     []string  `json:"issue_areas"`
	Geography      string    `json:"geography"`
	Phase          string    `json:"phase"`
	Public         bool      `json:"public"`
	Version        int       `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Normalize trims text and fills defaults.
func (c *Coalition) Normalize() {
	c.Name = strings.TrimSpace(c.Name)
	c.Goal = strings.TrimSpace(c.Goal)
	c.TheoryOfChange = strings.TrimSpace(c.TheoryOfChange)
	c.Geography = strings.TrimSpace(c.Geography)
	c.IssueAreas = CleanList(c.IssueAreas)
	if c.Phase == "" {
		c.Phase = "forming"
	}
}

// Validate checks every field.
func (c *Coalition) Validate() error {
	var v Validation
	CheckText(&v, "name", c.Name, 1, MaxName)
	CheckText(&v, "goal", c.Goal, 1, MaxText)
	CheckText(&v, "theory_of_change", c.TheoryOfChange, 0, MaxText)
	CheckText(&v, "geography", c.Geography, 0, MaxShort)
	CheckList(&v, "issue_areas", c.IssueAreas)
	if !OneOf(c.Phase, Phases) {
		v.Add("phase", "Choose one of the listed phases.")
	}
	return v.Err()
}

// Membership is an organization's place in a coalition.
type Membership struct {
	ID             string     `json:"id"`
	CoalitionID    string     `json:"coalition_id"`
	OrganizationID string     `json:"organization_id"`
	Role           string     `json:"role"`
	MostImpacted   bool       `json:"most_impacted"`
	Status         string     `json:"status"`
	StatusReason   string     `json:"status_reason"`
	JoinedAt       time.Time  `json:"joined_at"`
	LeftAt         *time.Time `json:"left_at"`
	Version        int        `json:"version"`
	// Organization is filled by queries that join the organization.
	Organization *Organization `json:"organization,omitempty"`
}

// Counts reports whether the membership counts in the equity report (not left).
func (m Membership) Counts() bool { return m.Status == StatusActive || m.Status == StatusSteppingBack }

// Validate checks role and status.
func (m *Membership) Validate() error {
	var v Validation
	if !OneOf(m.Role, MembershipRoles) {
		v.Add("role", "Choose anchor, steering, member, supporter or observer.")
	}
	if !OneOf(m.Status, MembershipStatuses) {
		v.Add("status", "Choose active, stepping_back or left.")
	}
	CheckText(&v, "status_reason", m.StatusReason, 0, MaxShort)
	return v.Err()
}

// Invitation is a single-use link that lets an organization join a coalition.
// Only the hash of its token is stored.
type Invitation struct {
	ID               string     `json:"id"`
	CoalitionID      string     `json:"coalition_id"`
	OrganizationName string     `json:"organization_name"`
	OrganizationID   string     `json:"organization_id,omitempty"`
	Email            string     `json:"email"`
	Role             string     `json:"role"`
	MostImpacted     bool       `json:"most_impacted"`
	CreatedBy        string     `json:"created_by"`
	CreatedAt        time.Time  `json:"created_at"`
	ExpiresAt        time.Time  `json:"expires_at"`
	AcceptedAt       *time.Time `json:"accepted_at"`
	MembershipID     string     `json:"membership_id,omitempty"`
	// Token is set only when the invitation is created, never read back.
	Token string `json:"token,omitempty"`
}

// CoalitionAccess is a user's access role in a coalition.
type CoalitionAccess struct {
	CoalitionID string `json:"coalition_id"`
	UserID      string `json:"user_id"`
	Role        string `json:"role"`
}

// Principle is one guiding principle of a coalition; its text lives in versions.
type Principle struct {
	ID          string             `json:"id"`
	CoalitionID string             `json:"coalition_id"`
	Position    int                `json:"position"`
	CreatedAt   time.Time          `json:"created_at"`
	Current     PrincipleVersion   `json:"current"`
	Versions    []PrincipleVersion `json:"versions,omitempty"`
}

// PrincipleVersion is one revision of a principle's text. Revisions are never edited.
type PrincipleVersion struct {
	ID          string    `json:"id"`
	PrincipleID string    `json:"principle_id"`
	Version     int       `json:"version"`
	Title       string    `json:"title"`
	Body        string    `json:"body"`
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// Validate checks the text of a principle version.
func (p *PrincipleVersion) Validate() error {
	var v Validation
	p.Title = strings.TrimSpace(p.Title)
	p.Body = strings.TrimSpace(p.Body)
	CheckText(&v, "title", p.Title, 1, MaxName)
	CheckText(&v, "body", p.Body, 1, MaxText)
	return v.Err()
}

// Adoption records that a membership adopted one version of a principle.
type Adoption struct {
	ID                 string    `json:"id"`
	MembershipID       string    `json:"membership_id"`
	PrincipleVersionID string    `json:"principle_version_id"`
	AdoptedBy          string    `json:"adopted_by"`
	AdoptedAt          time.Time `json:"adopted_at"`
}
