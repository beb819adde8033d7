package domain

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Win kinds and sizes.
var (
	WinKinds = []string{"policy", "narrative", "relationship", "capacity", "other"}
	WinSizes = []string{"short_term", "milestone", "major"}
)

// Limits on a win's credits.
const (
	MaxCredits   = 100
	MaxWeight    = 1000
	MaxWinsShown = 1000
)

// Win is something the coalition achieved, with credit to the organizations that made it
// happen. Date is a calendar day (YYYY-MM-DD).
type Win struct {
	ID          string    `json:"id"`
	CoalitionID string    `json:"coalition_id"`
	Date        string    `json:"date"`
	Title       string    `json:"title"`
	Kind        string    `json:"kind"`
	Size        string    `json:"size"`
	Description string    `json:"description"`
	Public      bool      `json:"public"`
	Credits     []Credit  `json:"credits"`
	CreatedBy   string    `json:"created_by"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Credit names one organization that made a win happen, what it did, and its weight.
// A win's weights are relative: each organization's share is its weight over their sum.
type Credit struct {
	OrganizationID string  `json:"organization_id"`
	Contribution   string  `json:"contribution"`
	Weight         float64 `json:"weight"`
	// OrganizationName is filled when reading, for display.
	OrganizationName string `json:"organization_name,omitempty"`
}

// Share returns each credit's weight normalised so that the win's shares sum to 1. A win
// whose weights sum to 0 (never stored: Validate refuses it) yields no shares.
func (w Win) Share() map[string]float64 {
	sum := 0.0
	for _, c := range w.Credits {
		sum += c.Weight
	}
	out := make(map[string]float64, len(w.Credits))
	if sum <= 0 {
		return out
	}
	for _, c := range w.Credits {
		out[c.OrganizationID] += c.Weight / sum
	}
	return out
}

// Normalize trims text.
func (w *Win) Normalize() {
	w.Title = strings.TrimSpace(w.Title)
	w.Description = strings.TrimSpace(w.Description)
	w.Date = strings.TrimSpace(w.Date)
	if w.Credits == nil {
		w.Credits = []Credit{}
	}
	for i := range w.Credits {
		w.Credits[i].Contribution = strings.TrimSpace(w.Credits[i].Contribution)
	}
}

// Validate checks every field and the credits: each organization at most once, weights
// finite, not negative, at most MaxWeight, and not all zero. Membership of the credited
// organizations is checked by the use case, which can see the coalition.
func (w *Win) Validate() error {
	var v Validation
	checkDay(&v, "date", w.Date)
	CheckText(&v, "title", w.Title, 1, MaxName)
	CheckText(&v, "description", w.Description, 0, MaxText)
	if !OneOf(w.Kind, WinKinds) {
		v.Add("kind", "Choose policy, narrative, relationship, capacity or other.")
	}
	if !OneOf(w.Size, WinSizes) {
		v.Add("size", "Choose short_term, milestone or major.")
	}
	if len(w.Credits) > MaxCredits {
		v.Add("credits", fmt.Sprintf("A win can credit at most %d organizations.", MaxCredits))
		return v.Err()
	}
	seen := map[string]bool{}
	sum := 0.0
	for i, c := range w.Credits {
		at := fmt.Sprintf("/credits/%d/", i)
		if c.OrganizationID == "" {
			v.Add(at+"organization_id", "Choose an organization.")
		} else if seen[c.OrganizationID] {
			v.Add(at+"organization_id", "This organization is credited twice.")
		}
		seen[c.OrganizationID] = true
		CheckText(&v, at+"contribution", c.Contribution, 0, MaxShort)
		switch {
		case math.IsNaN(c.Weight) || math.IsInf(c.Weight, 0):
			v.Add(at+"weight", "The weight must be a number.")
		case c.Weight < 0:
			v.Add(at+"weight", "A weight cannot be negative.")
		case c.Weight > MaxWeight:
			v.Add(at+"weight", fmt.Sprintf("A weight can be at most %d.", MaxWeight))
		default:
			sum += c.Weight
		}
	}
	if len(w.Credits) > 0 && sum == 0 && len(v.Fields) == 0 {
		v.Add("credits", "At least one credited organization needs a weight above zero.")
	}
	return v.Err()
}

// PhaseChange is a coalition's move from one phase to another, with the short
// retrospective the move requires. On is the calendar day of the move (YYYY-MM-DD).
type PhaseChange struct {
	ID           string    `json:"id"`
	CoalitionID  string    `json:"coalition_id"`
	FromPhase    string    `json:"from_phase"`
	ToPhase      string    `json:"to_phase"`
	On           string    `json:"on"`
	Learned      string    `json:"learned"`
	CarryForward string    `json:"carry_forward"`
	CreatedBy    string    `json:"created_by"`
	CreatedAt    time.Time `json:"created_at"`
}

// Normalize trims text.
func (p *PhaseChange) Normalize() {
	p.Learned = strings.TrimSpace(p.Learned)
	p.CarryForward = strings.TrimSpace(p.CarryForward)
	p.On = strings.TrimSpace(p.On)
}

// Validate checks the move on its own: a known phase, a day, and a retrospective (both
// what was learned and what is carried forward). Whether it is a move at all (to a phase
// other than the current one) is for the use case, which knows the current phase.
func (p *PhaseChange) Validate() error {
	var v Validation
	if !OneOf(p.ToPhase, Phases) {
		v.Add("to_phase", "Choose one of the listed phases.")
	}
	checkDay(&v, "on", p.On)
	if strings.TrimSpace(p.Learned) == "" {
		v.Add("learned", "Say what the coalition learned in this phase before moving on.")
	} else {
		CheckText(&v, "learned", p.Learned, 1, MaxText)
	}
	if strings.TrimSpace(p.CarryForward) == "" {
		v.Add("carry_forward", "Say what the coalition carries forward into the next phase.")
	} else {
		CheckText(&v, "carry_forward", p.CarryForward, 1, MaxText)
	}
	return v.Err()
}

// CheckDate adds an error unless s is a calendar day YYYY-MM-DD between 1900 and 2200.
func checkDay(v *Validation, field, s string) {
	d, err := time.Parse(time.DateOnly, s)
	switch {
	case s == "":
		v.Add(field, "This field is required.")
	case err != nil:
		v.Add(field, "Give a date as YYYY-MM-DD.")
	case d.Year() < 1900 || d.Year() > 2200:
		v.Add(field, "Give a date between 1900 and 2200.")
	}
}

// Thanks is recognition a coalition sends a member organization, usually for a win. The
// names are filled for display.
type Thanks struct {
	ID               string    `json:"id"`
	CoalitionID      string    `json:"coalition_id"`
	CoalitionName    string    `json:"coalition_name,omitempty"`
	WinID            string    `json:"win_id"`
	WinTitle         string    `json:"win_title,omitempty"`
	OrganizationID   string    `json:"organization_id"`
	OrganizationName string    `json:"organization_name,omitempty"`
	Message          string    `json:"message"`
	CreatedAt        time.Time `json:"created_at"`
}
