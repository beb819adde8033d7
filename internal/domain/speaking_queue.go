package domain

import "time"

// Statuses of a speaking queue.
const (
	QueueOpen   = "open"
	QueueClosed = "closed"
)

// SpeakingQueue is the live queue of hands raised during one meeting. Hands are listed in
// speaking order; Speaking is the turn under way, if any; Turns are every turn taken in
// the meeting, earliest first.
type SpeakingQueue struct {
	ID          string         `json:"id"`
	CoalitionID string         `json:"coalition_id"`
	MeetingID   string         `json:"meeting_id"`
	Status      string         `json:"status" enum:"open,closed"`
	Order       string         `json:"queue_order" enum:"progressive,first_come" doc:"Copied from the coalition's voice settings when the queue opens."`
	OpenedBy    string         `json:"opened_by"`
	OpenedAt    time.Time      `json:"opened_at"`
	ClosedAt    *time.Time     `json:"closed_at"`
	Version     int            `json:"version" doc:"Grows with every change; live events carry it."`
	Hands       []SpeakingHand `json:"hands"`
	Speaking    *SpeakingTurn  `json:"speaking"`
	Turns       []SpeakingTurn `json:"turns"`
}

// SpeakingHand is one person's raised hand, optionally speaking for one of the member
// organizations they represent.
type SpeakingHand struct {
	ID               string    `json:"id"`
	UserID           string    `json:"user_id"`
	Name             string    `json:"name"`
	OrganizationID   string    `json:"organization_id"`
	OrganizationName string    `json:"organization_name"`
	RaisedAt         time.Time `json:"raised_at"`
	// Position is the place in the queue, from 1.
	Position int `json:"position"`
	// PinnedPosition is set when a facilitator moved the hand; it then keeps that place.
	PinnedPosition *int       `json:"pinned_position"`
	PinnedAt       *time.Time `json:"-"`
	// HasSpoken and Centred are what the progressive stack orders by.
	HasSpoken bool `json:"has_spoken" doc:"The person already spoke in this meeting."`
	Centred   bool `json:"centred" doc:"Speaks for a member organization that is BIPOC-led or flagged most impacted."`
}

// SpeakingTurn is one person's time speaking: from being called until the next speaker
// is called or the queue closes.
type SpeakingTurn struct {
	ID               string     `json:"id"`
	UserID           string     `json:"user_id"`
	Name             string     `json:"name"`
	OrganizationID   string     `json:"organization_id"`
	OrganizationName string     `json:"organization_name"`
	StartedAt        time.Time  `json:"started_at"`
	EndedAt          *time.Time `json:"ended_at"`
	Seconds          int        `json:"seconds" doc:"Length of a finished turn; 0 while it lasts."`
}

// SpeakingShare is how one group's speaking time in a meeting compares with its share
// of the organizations attending.
type SpeakingShare struct {
	Attribute string `json:"attribute" enum:"bipoc_led,most_impacted"`
	Group     string `json:"group"`
	Seconds   int    `json:"seconds"`
	// SpeakingShare and AttendanceShare are nil when nobody spoke (or attended).
	SpeakingShare   *float64 `json:"speaking_share"`
	AttendanceShare *float64 `json:"attendance_share"`
}
