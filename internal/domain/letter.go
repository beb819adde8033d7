package domain

import (
	"net/mail"
	"strings"
	"time"
	"unicode"
)

// Sign-on letter statuses: drafted inside the coalition, open for signatures (and shown
// publicly), or closed (still shown, no new signatures).
const (
	LetterDraft  = "draft"
	LetterOpen   = "open"
	LetterClosed = "closed"
)

// LetterStatuses lists the statuses of a sign-on letter.
var LetterStatuses = []string{LetterDraft, LetterOpen, LetterClosed}

// Signature statuses. A signature from outside the coalition is pending until its email
// link is followed; a signed-in member's is confirmed at once; withdrawn ones are kept
// (so that signing again merges into the same record) but never shown.
const (
	SignaturePending   = "pending"
	SignatureConfirmed = "confirmed"
	SignatureWithdrawn = "withdrawn"
)

// SignOnLetter is a position statement that organizations sign, inside the coalition and,
// by its public page, outside it.
type SignOnLetter struct {
	ID          string     `json:"id"`
	CoalitionID string     `json:"coalition_id"`
	Title       string     `json:"title"`
	Body        string     `json:"body"` // Markdown, sanitised when rendered
	Status      string     `json:"status"`
	CreatedBy   string     `json:"created_by"`
	Version     int        `json:"version"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	OpenedAt    *time.Time `json:"opened_at"`
	ClosedAt    *time.Time `json:"closed_at"`
	// Signers is the number of confirmed signatures, filled by list queries.
	Signers int `json:"signers"`
}

// Validate trims and checks a letter's text.
func (l *SignOnLetter) Validate() error {
	var v Validation
	l.Title = strings.TrimSpace(l.Title)
	l.Body = strings.TrimSpace(l.Body)
	CheckText(&v, "title", l.Title, 1, MaxName)
	CheckText(&v, "body", l.Body, 1, MaxText)
	return v.Err()
}

// Signature is one organization's signature on a letter. ContactName and ContactEmail
// are private: only the coalition's coordinators and facilitators see them.
type Signature struct {
	ID               string     `json:"id"`
	LetterID         string     `json:"letter_id"`
	OrganizationID   string     `json:"organization_id,omitempty"` // a member organization, signed by its representative
	OrganizationName string     `json:"organization_name"`
	City             string     `json:"city"`
	IssueArea        string     `json:"issue_area"`
	ContactName      string     `json:"contact_name,omitempty"`
	ContactEmail     string     `json:"contact_email,omitempty"`
	Status           string     `json:"status"`
	SignedBy         string     `json:"-"`
	CreatedAt        time.Time  `json:"created_at"`
	ConfirmedAt      *time.Time `json:"confirmed_at"`
	WithdrawnAt      *time.Time `json:"withdrawn_at"`
	// DedupeKey identifies the signer: "org:<id>" for a member organization, otherwise
	// the organization's name and city folded (case, spacing and punctuation
	// ignored), so that a second submission merges into the first.
	DedupeKey string `json:"-"`
}

// ValidateOutside trims and checks a signature submitted from the public page: an
// organization name, a city, an optional issue area, and a contact with a valid email
// address to confirm by.
func (s *Signature) ValidateOutside() error {
	var v Validation
	s.OrganizationName = strings.TrimSpace(s.OrganizationName)
	s.City = strings.TrimSpace(s.City)
	s.IssueArea = strings.TrimSpace(s.IssueArea)
	s.ContactName = strings.TrimSpace(s.ContactName)
	s.ContactEmail = strings.ToLower(strings.TrimSpace(s.ContactEmail))
	CheckText(&v, "organization_name", s.OrganizationName, 1, MaxName)
	CheckText(&v, "city", s.City, 1, MaxName)
	CheckText(&v, "issue_area", s.IssueArea, 0, MaxName)
	CheckText(&v, "contact_name", s.ContactName, 1, MaxName)
	if addr, err := mail.ParseAddress(s.ContactEmail); err != nil || addr.Address != s.ContactEmail || len(s.ContactEmail) > 254 {
		v.Add("contact_email", "Enter an email address like name@example.org.")
	}
	s.DedupeKey = SignerKey(s.OrganizationName, s.City)
	return v.Err()
}

// SignerKey folds an organization's name and city into the key that merges duplicate
// signatures: letters and digits only, lower case, so "Youth Voice, Inc." in "St. Paul"
// and "youth voice inc" in "St Paul" are one signer.
func SignerKey(name, city string) string {
	fold := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	return "name:" + fold(name) + "|" + fold(city)
}

// MemberSignerKey is the key of a member organization's signature.
func MemberSignerKey(organizationID string) string { return "org:" + organizationID }

// OutboxMessage is an email waiting to be sent (or sent) by the mail delivery loop.
type OutboxMessage struct {
	ID        string     `json:"id"`
	To        string     `json:"to"`
	Subject   string     `json:"subject"`
	Body      string     `json:"body"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at"`
	Attempts  int        `json:"attempts"`
	LastError string     `json:"last_error"`
}
