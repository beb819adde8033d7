package domain

import (
	"strings"
	"time"
)

// Kinds of exchange posts.
const (
	KindAsk   = "ask"
	KindOffer = "offer"
)

// States of an ask or offer.
const (
	ExchangeOpen      = "open"
	ExchangeFulfilled = "fulfilled"
	ExchangeClosed    = "closed" // withdrawn without help
)

// AskOffer is an ask ("legal review of our testimony by Friday") or an offer ("we can host
// the next meeting, with childcare") that a member organization posts to its coalition.
type AskOffer struct {
	ID             string        `json:"id"`
	CoalitionID    string        `json:"coalition_id"`
	Kind           string        `json:"kind" enum:"ask,offer"`
	OrganizationID string        `json:"organization_id"`
	Title          string        `json:"title"`
	Body           string        `json:"body"`
	NeededBy       *time.Time    `json:"needed_by"`
	State          string        `json:"state" enum:"open,fulfilled,closed"`
	CreatedBy      string        `json:"created_by"`
	CreatedAt      time.Time     `json:"created_at"`
	UpdatedAt      time.Time     `json:"updated_at"`
	Responses      []AskResponse `json:"responses"`
	// Help is the help recorded when it was fulfilled.
	Help *HelpRecord `json:"help,omitempty"`
}

// AskResponse is a member organization's answer to an ask or offer: "we can do it", or
// "we would like that".
type AskResponse struct {
	ID             string    `json:"id"`
	AskOfferID     string    `json:"ask_offer_id"`
	OrganizationID string    `json:"organization_id"`
	Body           string    `json:"body"`
	CreatedBy      string    `json:"created_by"`
	CreatedAt      time.Time `json:"created_at"`
}

// HelpRecord is help given by one organization to another, recorded when an ask or offer
// was fulfilled. It feeds the reciprocity view and the help_given and help_received
// dimensions of the equity report.
type HelpRecord struct {
	ID          string    `json:"id"`
	CoalitionID string    `json:"coalition_id"`
	AskOfferID  string    `json:"ask_offer_id"`
	FromOrg     string    `json:"from_organization_id"`
	ToOrg       string    `json:"to_organization_id"`
	RecordedBy  string    `json:"recorded_by"`
	RecordedAt  time.Time `json:"recorded_at"`
}

// Validate checks a new ask or offer.
func (a *AskOffer) Validate() error {
	a.Title, a.Body = strings.TrimSpace(a.Title), strings.TrimSpace(a.Body)
	var v Validation
	if a.Kind != KindAsk && a.Kind != KindOffer {
		v.Add("kind", "Choose ask or offer.")
	}
	CheckText(&v, "title", a.Title, 1, MaxName)
	CheckText(&v, "body", a.Body, 0, MaxText)
	return v.Err()
}
