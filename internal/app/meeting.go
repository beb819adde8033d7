package app

import (
	"context"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// MeetingInput is what a person sets on a meeting or event.
type MeetingInput struct {
	Title          string              `json:"title"`
	Kind           string              `json:"kind"`
	StartsAt       time.Time           `json:"starts_at"`
	EndsAt         time.Time           `json:"ends_at"`
	TimeZone       string              `json:"time_zone"`
	Place          string              `json:"place"`
	Link           string              `json:"link"`
	Languages      []string            `json:"languages"`
	Interpretation string              `json:"interpretation"`
	AccessNotes    string              `json:"access_notes"`
	Notes          string              `json:"notes"`
	Agenda         []domain.AgendaItem `json:"agenda"`
}

func (in MeetingInput) meeting() domain.Meeting {
	m := domain.Meeting{Title: in.Title, Kind: in.Kind, StartsAt: in.StartsAt.UTC(), EndsAt: in.EndsAt.UTC(), TimeZone: in.TimeZone,
		Place: in.Place, Link: in.Link, Languages: in.Languages, Interpretation: in.Interpretation, AccessNotes: in.AccessNotes,
		Notes: in.Notes, Agenda: append([]domain.AgendaItem{}, in.Agenda...)}
	if in.StartsAt.IsZero() {
		m.StartsAt = time.Time{}
	}
	if in.EndsAt.IsZero() {
		m.EndsAt = time.Time{}
	}
	return m
}

// MeetingRecord is a meeting with everything recorded about it.
type MeetingRecord struct {
	domain.Meeting
	Decisions   []domain.Decision   `json:"decisions"`
	ActionItems []domain.ActionItem `json:"action_items"`
	Attendance  []domain.Attendance `json:"attendance"`
	Turnout     []domain.Turnout    `json:"turnout"`
}

// Meetings returns a coalition's meetings starting within [from, to], earliest first.
func (a *App) Meetings(ctx context.Context, actor Actor, coalitionID string, from, to *time.Time) ([]domain.Meeting, error) {
	var out []domain.Meeting
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListMeetings(ctx, p.Coalition.ID, from, to)
		return err
	})
	return out, err
}

// Meeting returns a meeting with its agenda, decisions, action items, attendance and turnout.
func (a *App) Meeting(ctx context.Context, actor Actor, coalitionID, id string) (*MeetingRecord, error) {
	var rec *MeetingRecord
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		rec, err = meetingRecord(ctx, tx, p.Coalition.ID, id)
		return err
	})
	return rec, err
}

func meetingRecord(ctx context.Context, tx *store.Tx, coalitionID, id string) (*MeetingRecord, error) {
	m, err := tx.FindMeeting(ctx, coalitionID, id)
	if err != nil {
		return nil, err
	}
	rec := &MeetingRecord{Meeting: *m}
	if rec.Decisions, err = tx.ListDecisions(ctx, m.ID); err != nil {
		return nil, err
	}
	if rec.ActionItems, err = tx.ListActionItems(ctx, m.ID); err != nil {
		return nil, err
	}
	if rec.Attendance, err = tx.ListAttendance(ctx, m.ID); err != nil {
		return nil, err
	}
	rec.Turnout, err = tx.ListTurnout(ctx, m.ID)
	return rec, err
}

// CreateMeeting schedules a meeting or event. One that ends before it starts is EINVALID.
func (a *App) CreateMeeting(ctx context.Context, actor Actor, coalitionID string, in MeetingInput) (*MeetingRecord, error) {
	m := in.meeting()
	if err := m.Validate(); err != nil {
		return nil, err
	}
	var rec *MeetingRecord
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageMeetings)
		if err != nil {
			return err
		}
		m.CoalitionID, m.CreatedBy = p.Coalition.ID, actor.ID
		if err := tx.CreateMeeting(ctx, &m); err != nil {
			return err
		}
		if err := tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.create", "meeting", m.ID, meetingFields(&m)); err != nil {
			return err
		}
		rec, err = meetingRecord(ctx, tx, p.Coalition.ID, m.ID)
		return err
	})
	return rec, err
}

// UpdateMeeting changes a meeting still at expectVersion, including its notes and agenda.
func (a *App) UpdateMeeting(ctx context.Context, actor Actor, coalitionID, id string, in MeetingInput, expectVersion int) (*MeetingRecord, error) {
	m := in.meeting()
	if err := m.Validate(); err != nil {
		return nil, err
	}
	var rec *MeetingRecord
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageMeetings)
		if err != nil {
			return err
		}
		before, err := tx.FindMeeting(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		m.ID, m.CoalitionID = before.ID, before.CoalitionID
		if err := tx.UpdateMeeting(ctx, &m, expectVersion); err != nil {
			return err
		}
		if err := tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.update", "meeting", id, diff(meetingFields(before), meetingFields(&m))); err != nil {
			return err
		}
		rec, err = meetingRecord(ctx, tx, p.Coalition.ID, id)
		return err
	})
	return rec, err
}

func meetingFields(m *domain.Meeting) map[string]any {
	agenda := make([]string, len(m.Agenda))
	for i, a := range m.Agenda {
		agenda[i] = a.Title
	}
	return map[string]any{"title": m.Title, "kind": m.Kind, "starts_at": m.StartsAt, "ends_at": m.EndsAt, "time_zone": m.TimeZone,
		"place": m.Place, "link": m.Link, "languages": m.Languages, "interpretation": m.Interpretation,
		"access_notes": m.AccessNotes, "notes": m.Notes, "agenda": agenda}
}

// AddDecision notes a decision taken at a meeting.
func (a *App) AddDecision(ctx context.Context, actor Actor, coalitionID, meetingID, text string) (*domain.Decision, error) {
	d := domain.Decision{Text: strings.TrimSpace(text)}
	var v domain.Validation
	domain.CheckText(&v, "text", d.Text, 1, domain.MaxText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, ManageMeetings)
		if err != nil {
			return err
		}
		d.MeetingID = m.ID
		if err := tx.AddDecision(ctx, &d); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.decision", "meeting", m.ID, map[string]any{"text": d.Text})
	})
	return &d, err
}

// meetingFor authorizes action and loads a meeting of the coalition.
func meetingFor(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, meetingID string, action Action) (Permission, *domain.Meeting, error) {
	p, err := authorize(ctx, tx, actor, coalitionID, action)
	if err != nil {
		return p, nil, err
	}
	m, err := tx.FindMeeting(ctx, p.Coalition.ID, meetingID)
	return p, m, err
}
