package domain

import (
	"strings"
	"time"
)

// CheckIn is a periodic health check-in of a coalition: people rate statements of the
// health instrument anonymously while it is open; results are shown once it is closed.
type CheckIn struct {
	ID          string     `json:"id"`
	CoalitionID string     `json:"coalition_id"`
	Title       string     `json:"title"`
	Instrument  int        `json:"instrument"`
	OpenedBy    string     `json:"opened_by"`
	OpenedAt    time.Time  `json:"opened_at"`
	ClosedAt    *time.Time `json:"closed_at"`
	// Respondents counts the people who have answered.
	Respondents int `json:"respondents"`
}

// Open reports whether the check-in still takes answers.
func (c CheckIn) Open() bool { return c.ClosedAt == nil }

// Validate checks the title.
func (c *CheckIn) Validate() error {
	c.Title = strings.TrimSpace(c.Title)
	var v Validation
	CheckText(&v, "title", c.Title, 1, MaxName)
	return v.Err()
}

// CheckInResponse is one anonymous set of answers to a check-in. ID is random and the
// response names no person: only the groups of the organization answered for
// ("yes", "no" or "not_said") travel with the ratings.
type CheckInResponse struct {
	ID           string         `json:"id"`
	Ratings      map[string]int `json:"ratings"`
	BipocLed     string         `json:"bipoc_led"`
	MostImpacted string         `json:"most_impacted"`
}

// ClosedTime returns when the check-in closed, the zero time while it is open.
func (c CheckIn) ClosedTime() time.Time {
	if c.ClosedAt == nil {
		return time.Time{}
	}
	return *c.ClosedAt
}
