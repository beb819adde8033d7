package domain

import (
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // meeting time zones must resolve on machines without a zoneinfo folder
)

// Roles in a workstream.
const (
	RoleLead             = "lead"
	RoleCoLead           = "co_lead"
	RoleWorkstreamMember = "member"
)

// WorkstreamRoles lists the roles an organization can hold in a workstream, leads first.
var WorkstreamRoles = []string{RoleLead, RoleCoLead, RoleWorkstreamMember}

// Task statuses.
const (
	TaskOpen       = "open"
	TaskInProgress = "in_progress"
	TaskBlocked    = "blocked"
	TaskDone       = "done"
	TaskDropped    = "dropped"
)

// TaskStatuses lists the statuses of a task.
var TaskStatuses = []string{TaskOpen, TaskInProgress, TaskBlocked, TaskDone, TaskDropped}

// Meeting kinds: a meeting of members, or a public event with turnout.
const (
	MeetingKindMeeting = "meeting"
	MeetingKindEvent   = "event"
)

// MeetingKinds lists the kinds of meeting.
var MeetingKinds = []string{MeetingKindMeeting, MeetingKindEvent}

// DateLayout is how dates without a time are written in forms, JSON and the database.
const DateLayout = "2006-01-02"

// Workstream is a shared area of work in a coalition (organizing, lobbying, research…).
type Workstream struct {
	ID          string             `json:"id"`
	CoalitionID string             `json:"coalition_id"`
	Name        string             `json:"name"`
	Description string             `json:"description"`
	Version     int                `json:"version"`
	CreatedAt   time.Time          `json:"created_at"`
	UpdatedAt   time.Time          `json:"updated_at"`
	Members     []WorkstreamMember `json:"members"`
}

// Validate trims and checks a workstream's text.
func (w *Workstream) Validate() error {
	var v Validation
	w.Name = strings.TrimSpace(w.Name)
	w.Description = strings.TrimSpace(w.Description)
	CheckText(&v, "name", w.Name, 1, MaxName)
	CheckText(&v, "description", w.Description, 0, MaxText)
	return v.Err()
}

// Leads returns the seats with role lead or co_lead.
func (w *Workstream) Leads() []WorkstreamMember {
	var out []WorkstreamMember
	for _, m := range w.Members {
		if m.Role != RoleWorkstreamMember {
			out = append(out, m)
		}
	}
	return out
}

// Organizations counts the distinct organizations with a seat.
func (w *Workstream) Organizations() int {
	seen := map[string]bool{}
	for _, m := range w.Members {
		seen[m.OrganizationID] = true
	}
	return len(seen)
}

// WorkstreamMember is an organization's seat in a workstream, optionally naming a person.
type WorkstreamMember struct {
	ID               string    `json:"id"`
	WorkstreamID     string    `json:"workstream_id"`
	OrganizationID   string    `json:"organization_id"`
	OrganizationName string    `json:"organization_name,omitempty"`
	PersonID         string    `json:"person_id"`
	PersonName       string    `json:"person_name,omitempty"`
	Role             string    `json:"role"`
	CreatedAt        time.Time `json:"created_at"`
}

// Task is a piece of work owned by a member organization in a workstream.
type Task struct {
	ID             string     `json:"id"`
	CoalitionID    string     `json:"coalition_id"`
	WorkstreamID   string     `json:"workstream_id"`
	WorkstreamName string     `json:"workstream_name,omitempty"`
	Title          string     `json:"title"`
	Description    string     `json:"description"`
	OwnerOrgID     string     `json:"owner_organization_id"`
	OwnerOrgName   string     `json:"owner_organization_name,omitempty"`
	OwnerPersonID  string     `json:"owner_person_id"`
	DueOn          string     `json:"due_on"` // YYYY-MM-DD or ""
	Status         string     `json:"status"`
	MeetingID      string     `json:"meeting_id"` // the meeting whose action item it came from, or ""
	DoneAt         *time.Time `json:"done_at"`
	CreatedBy      string     `json:"created_by"`
	Version        int        `json:"version"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

// Validate trims and checks a task's own fields (membership of the owner is checked
// against the database by the use case).
func (t *Task) Validate() error {
	var v Validation
	t.Title = strings.TrimSpace(t.Title)
	t.Description = strings.TrimSpace(t.Description)
	t.DueOn = strings.TrimSpace(t.DueOn)
	CheckText(&v, "title", t.Title, 1, MaxName)
	CheckText(&v, "description", t.Description, 0, MaxText)
	if t.WorkstreamID == "" {
		v.Add("workstream_id", "Choose a workstream.")
	}
	if t.OwnerOrgID == "" {
		v.Add("owner_organization_id", "Choose the member organization that owns this task.")
	}
	CheckDate(&v, "due_on", t.DueOn)
	if !OneOf(t.Status, TaskStatuses) {
		v.Add("status", "Choose open, in_progress, blocked, done or dropped.")
	}
	return v.Err()
}

// Overdue reports whether the task is still to do and its due date is before today.
func (t *Task) Overdue(today string) bool {
	return t.DueOn != "" && t.DueOn < today && (t.Status == TaskOpen || t.Status == TaskInProgress || t.Status == TaskBlocked)
}

// Meeting is a meeting of the coalition or a public event it holds.
type Meeting struct {
	ID             string       `json:"id"`
	CoalitionID    string       `json:"coalition_id"`
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
	Notes          string       `json:"notes"` // Markdown, sanitised when rendered
	CreatedBy      string       `json:"created_by"`
	Version        int          `json:"version"`
	CreatedAt      time.Time    `json:"created_at"`
	UpdatedAt      time.Time    `json:"updated_at"`
	Agenda         []AgendaItem `json:"agenda"`
}

// Validate trims and checks a meeting. A meeting must end after it starts.
func (m *Meeting) Validate() error {
	var v Validation
	m.Title = strings.TrimSpace(m.Title)
	m.Place = strings.TrimSpace(m.Place)
	m.Link = strings.TrimSpace(m.Link)
	m.Interpretation = strings.TrimSpace(m.Interpretation)
	m.AccessNotes = strings.TrimSpace(m.AccessNotes)
	m.Notes = strings.TrimSpace(m.Notes)
	m.Languages = CleanList(m.Languages)
	if m.TimeZone == "" {
		m.TimeZone = "UTC"
	}
	CheckText(&v, "title", m.Title, 1, MaxName)
	if !OneOf(m.Kind, MeetingKinds) {
		v.Add("kind", "Choose meeting or event.")
	}
	if m.StartsAt.IsZero() {
		v.Add("starts_at", "Give the start time.")
	}
	if m.EndsAt.IsZero() {
		v.Add("ends_at", "Give the end time.")
	} else if !m.StartsAt.IsZero() && !m.EndsAt.After(m.StartsAt) {
		v.Add("ends_at", "The meeting must end after it starts.")
	}
	if _, err := time.LoadLocation(m.TimeZone); err != nil || len(m.TimeZone) > 64 {
		v.Add("time_zone", "Use a time zone name such as America/Chicago or UTC.")
	}
	CheckText(&v, "place", m.Place, 0, MaxShort)
	CheckText(&v, "link", m.Link, 0, MaxShort)
	if m.Link != "" {
		if u, err := url.Parse(m.Link); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			v.Add("link", "Give a web address starting with https://.")
		}
	}
	CheckList(&v, "languages", m.Languages)
	CheckText(&v, "interpretation", m.Interpretation, 0, MaxShort)
	CheckText(&v, "access_notes", m.AccessNotes, 0, MaxText)
	CheckText(&v, "notes", m.Notes, 0, MaxText)
	if len(m.Agenda) > MaxList {
		v.Add("agenda", "Too many agenda items.")
	}
	for i := range m.Agenda {
		a := &m.Agenda[i]
		a.Title, a.Presenter = strings.TrimSpace(a.Title), strings.TrimSpace(a.Presenter)
		CheckText(&v, "agenda", a.Title, 1, MaxName)
		CheckText(&v, "agenda", a.Presenter, 0, MaxName)
		if a.Minutes < 0 || a.Minutes > 24*60 {
			v.Add("agenda", "Minutes must be between 0 and 1440.")
		}
	}
	return v.Err()
}

// AgendaItem is one point of a meeting's agenda.
type AgendaItem struct {
	ID        string `json:"id"`
	Position  int    `json:"position"`
	Title     string `json:"title"`
	Presenter string `json:"presenter"`
	Minutes   int    `json:"minutes"`
}

// Decision is something a meeting decided, noted in its record.
type Decision struct {
	ID        string    `json:"id"`
	MeetingID string    `json:"meeting_id"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// Attendance records that a person of a member organization (or the organization,
// without naming anyone) attended a meeting.
type Attendance struct {
	ID               string    `json:"id"`
	MeetingID        string    `json:"meeting_id"`
	OrganizationID   string    `json:"organization_id"`
	OrganizationName string    `json:"organization_name,omitempty"`
	PersonID         string    `json:"person_id"`
	PersonName       string    `json:"person_name,omitempty"`
	RecordedBy       string    `json:"recorded_by"`
	RecordedAt       time.Time `json:"recorded_at"`
}

// Turnout is how many people a member organization brought to an event.
type Turnout struct {
	MeetingID        string `json:"meeting_id"`
	OrganizationID   string `json:"organization_id"`
	OrganizationName string `json:"organization_name,omitempty"`
	People           int    `json:"people"`
}

// ActionItem is a follow-up agreed at a meeting; it becomes a task when assigned.
type ActionItem struct {
	ID           string    `json:"id"`
	MeetingID    string    `json:"meeting_id"`
	Text         string    `json:"text"`
	WorkstreamID string    `json:"workstream_id"`
	OwnerOrgID   string    `json:"owner_organization_id"`
	DueOn        string    `json:"due_on"`
	TaskID       string    `json:"task_id"`
	CreatedAt    time.Time `json:"created_at"`
}

// Commitment is an expectation a member organization agreed to, such as "send someone
// to two meetings a month".
type Commitment struct {
	ID           string             `json:"id"`
	MembershipID string             `json:"membership_id"`
	Text         string             `json:"text"`
	AgreedOn     string             `json:"agreed_on"`
	CreatedAt    time.Time          `json:"created_at"`
	Records      []CommitmentRecord `json:"records"`
}

// CommitmentRecord says whether a commitment was kept in one period.
type CommitmentRecord struct {
	ID           string    `json:"id"`
	CommitmentID string    `json:"commitment_id"`
	PeriodStart  string    `json:"period_start"`
	PeriodEnd    string    `json:"period_end"`
	Kept         bool      `json:"kept"`
	Note         string    `json:"note"`
	RecordedBy   string    `json:"recorded_by"`
	RecordedAt   time.Time `json:"recorded_at"`
}
