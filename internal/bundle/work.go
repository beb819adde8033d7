package bundle

import (
	"time"
)

// The records of clarity and momentum (issue 3): workstreams with their seats, tasks,
// meetings with what was said and decided there, attendance, commitments and whether
// they were kept, phase changes with their retrospectives, and wins with credit.

// Workstream is a shared area of work with its seats.
type Workstream struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	Seats       []Seat    `json:"seats"`
}

// Seat is a member organization's role in a workstream, optionally naming one of its
// people ("" for none).
type Seat struct {
	ID             string    `json:"id"`
	OrganizationID string    `json:"organization_id"`
	PersonID       string    `json:"person_id"`
	Role           string    `json:"role"`
	CreatedAt      time.Time `json:"created_at"`
}

// Task is a piece of work owned by a member organization in a workstream. MeetingID
// names the meeting whose action item it came from, "" for none.
type Task struct {
	ID                  string     `json:"id"`
	WorkstreamID        string     `json:"workstream_id"`
	Title               string     `json:"title"`
	Description         string     `json:"description"`
	OwnerOrganizationID string     `json:"owner_organization_id"`
	OwnerPersonID       string     `json:"owner_person_id"`
	DueOn               string     `json:"due_on"`
	Status              string     `json:"status"`
	MeetingID           string     `json:"meeting_id"`
	DoneAt              *time.Time `json:"done_at"`
	CreatedAt           time.Time  `json:"created_at"`
	UpdatedAt           time.Time  `json:"updated_at"`
}

// Meeting is a meeting or public event with its agenda, decisions, action items and
// turnout. Attendance is a list of its own.
type Meeting struct {
	ID             string       `json:"id"`
	Title          string       `json:"title"`
	Kind           string       `json:"kind"`
	StartsAt       time.Time    `json:"starts_at"`
	EndsAt         time.Time    `json:"ends_at"`
	TimeZone       string       `json:"time_zone"`
	Place          string       `json:"place"`
	Link           string       `json:"link"`
	Languages      []string     `json:"languages"`
	Interpretation string       `json:"interpretation"`
	AccessNotes    string       `json:"access_notes"`
	Notes          string       `json:"notes"`
	CreatedAt      time.Time    `json:"created_at"`
	UpdatedAt      time.Time    `json:"updated_at"`
	Agenda         []AgendaItem `json:"agenda"`
	Decisions      []Decision   `json:"decisions"`
	ActionItems    []ActionItem `json:"action_items"`
	Turnout        []Turnout    `json:"turnout"`
}

// AgendaItem is one point of an agenda; positions are 1, 2, 3… in order.
type AgendaItem struct {
	ID        string `json:"id"`
	Position  int    `json:"position"`
	Title     string `json:"title"`
	Presenter string `json:"presenter"`
	Minutes   int    `json:"minutes"`
}

// Decision is something a meeting decided.
type Decision struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// ActionItem is a follow-up agreed at a meeting; TaskID names the task it became.
type ActionItem struct {
	ID                  string    `json:"id"`
	Text                string    `json:"text"`
	WorkstreamID        string    `json:"workstream_id"`
	OwnerOrganizationID string    `json:"owner_organization_id"`
	DueOn               string    `json:"due_on"`
	TaskID              string    `json:"task_id"`
	CreatedAt           time.Time `json:"created_at"`
}

// Turnout is how many people a member organization brought to an event.
type Turnout struct {
	OrganizationID string `json:"organization_id"`
	People         int    `json:"people"`
}

// Attendance records that a person of a member organization (or the organization,
// person_id "") attended a meeting. Who recorded it is an account, left out.
type Attendance struct {
	ID             string    `json:"id"`
	MeetingID      string    `json:"meeting_id"`
	OrganizationID string    `json:"organization_id"`
	PersonID       string    `json:"person_id"`
	RecordedAt     time.Time `json:"recorded_at"`
}

// Commitment is an expectation a membership agreed to, with whether it was kept.
type Commitment struct {
	ID           string             `json:"id"`
	MembershipID string             `json:"membership_id"`
	Text         string             `json:"text"`
	AgreedOn     string             `json:"agreed_on"`
	CreatedAt    time.Time          `json:"created_at"`
	Records      []CommitmentRecord `json:"records"`
}

// CommitmentRecord says whether a commitment was kept in one period (days, inclusive).
type CommitmentRecord struct {
	ID          string    `json:"id"`
	PeriodStart string    `json:"period_start"`
	PeriodEnd   string    `json:"period_end"`
	Kept        bool      `json:"kept"`
	Note        string    `json:"note"`
	RecordedAt  time.Time `json:"recorded_at"`
}

// PhaseChange is a move between phases with its retrospective.
type PhaseChange struct {
	ID           string    `json:"id"`
	FromPhase    string    `json:"from_phase"`
	ToPhase      string    `json:"to_phase"`
	On           string    `json:"on"`
	Learned      string    `json:"learned"`
	CarryForward string    `json:"carry_forward"`
	CreatedAt    time.Time `json:"created_at"`
}

// Win is something the coalition achieved, with credits in their order.
type Win struct {
	ID          string    `json:"id"`
	Date        string    `json:"date"`
	Title       string    `json:"title"`
	Kind        string    `json:"kind"`
	Size        string    `json:"size"`
	Description string    `json:"description"`
	Public      bool      `json:"public"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	Credits     []Credit  `json:"credits"`
}

// Credit names a member organization that made a win happen, with its relative weight.
type Credit struct {
	OrganizationID string  `json:"organization_id"`
	Contribution   string  `json:"contribution"`
	Weight         float64 `json:"weight"`
}
