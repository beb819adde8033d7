package api

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// AgendaItemInput is one point of an agenda.
type AgendaItemInput struct {
	Title     string `json:"title" minLength:"1" maxLength:"200"`
	Presenter string `json:"presenter,omitempty" maxLength:"200"`
	Minutes   int    `json:"minutes,omitempty" minimum:"0" maximum:"1440"`
}

// MeetingInput is a meeting or public event as a person sets it.
type MeetingInput struct {
	Title          string            `json:"title" minLength:"1" maxLength:"200"`
	Kind           meetingKind       `json:"kind"`
	StartsAt       time.Time         `json:"starts_at" doc:"RFC 3339, with its offset."`
	EndsAt         time.Time         `json:"ends_at" doc:"RFC 3339; must be after starts_at."`
	TimeZone       string            `json:"time_zone,omitempty" maxLength:"64" doc:"IANA name used to show times, e.g. America/Chicago; UTC when omitted."`
	Place          string            `json:"place,omitempty" maxLength:"500"`
	Link           string            `json:"link,omitempty" maxLength:"500" doc:"Where to join online (http or https)."`
	Languages      []string          `json:"languages,omitempty" maxItems:"50" doc:"Languages the meeting is held in."`
	Interpretation string            `json:"interpretation,omitempty" maxLength:"500" doc:"Interpretation provided, e.g. Spanish↔English."`
	AccessNotes    string            `json:"access_notes,omitempty" maxLength:"20000" doc:"Childcare, food, transit, accessibility."`
	Notes          string            `json:"notes,omitempty" maxLength:"20000" doc:"Markdown; sanitised when shown."`
	Agenda         []AgendaItemInput `json:"agenda,omitempty" maxItems:"50"`
}

func (in MeetingInput) app() app.MeetingInput {
	out := app.MeetingInput{Title: in.Title, Kind: string(in.Kind), StartsAt: in.StartsAt, EndsAt: in.EndsAt, TimeZone: in.TimeZone,
		Place: in.Place, Link: in.Link, Languages: in.Languages, Interpretation: in.Interpretation, AccessNotes: in.AccessNotes, Notes: in.Notes}
	for _, a := range in.Agenda {
		out.Agenda = append(out.Agenda, domain.AgendaItem{Title: a.Title, Presenter: a.Presenter, Minutes: a.Minutes})
	}
	return out
}

// MeetingPath names a meeting of a coalition.
type MeetingPath struct {
	CoalitionPath
	MeetingID string `path:"meeting_id" maxLength:"64"`
}

type meetingOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *app.MeetingRecord
}

type createdMeeting struct {
	ETag     string `header:"ETag" doc:"The version, for If-Match."`
	Location string `header:"Location"`
	Body     *app.MeetingRecord
}

func (x *API) registerMeetings() {
	huma.Register(x.huma, operation("list-meetings", http.MethodGet, "/coalitions/{id}/meetings", "List meetings and events", "Meetings", signedIn,
		http.StatusNotFound), x.listMeetings)
	huma.Register(x.huma, operation("create-meeting", http.MethodPost, "/coalitions/{id}/meetings", "Schedule a meeting or event", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createMeeting)
	huma.Register(x.huma, operation("get-meeting", http.MethodGet, "/coalitions/{id}/meetings/{meeting_id}", "Get a meeting with its agenda, decisions, action items and attendance", "Meetings", signedIn,
		http.StatusNotFound), x.getMeeting)
	huma.Register(x.huma, operation("update-meeting", http.MethodPut, "/coalitions/{id}/meetings/{meeting_id}", "Change a meeting, its notes or agenda", "Meetings", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateMeeting)
	x.registerMeetingRecords()
}

func (x *API) listMeetings(ctx context.Context, in *struct {
	CoalitionPath
	From string `query:"from" format:"date" doc:"First day (YYYY-MM-DD) on which meetings start."`
	To   string `query:"to" format:"date" doc:"Last day (YYYY-MM-DD), included."`
}) (*struct{ Body []domain.Meeting }, error) {
	from, ok1 := parseDay(in.From, 0)
	to, ok2 := parseDay(in.To, 24*time.Hour-time.Microsecond)
	if !ok1 || !ok2 {
		return nil, huma.Error422UnprocessableEntity("Dates look like 2024-03-31.")
	}
	ms, err := x.app.Meetings(ctx, httpx.User(ctx), in.ID, from, to)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body []domain.Meeting }{orEmpty(ms)}, nil
}

func (x *API) createMeeting(ctx context.Context, in *struct {
	CoalitionPath
	Body MeetingInput
}) (*createdMeeting, error) {
	m, err := x.app.CreateMeeting(ctx, httpx.User(ctx), in.ID, in.Body.app())
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &createdMeeting{ETag: etag(m.Version), Location: Prefix + "/coalitions/" + url.PathEscape(m.CoalitionID) + "/meetings/" + m.ID, Body: m}, nil
}

func (x *API) getMeeting(ctx context.Context, in *MeetingPath) (*meetingOutput, error) {
	m, err := x.app.Meeting(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &meetingOutput{ETag: etag(m.Version), Body: m}, nil
}

func (x *API) updateMeeting(ctx context.Context, in *struct {
	MeetingPath
	Precondition
	Body MeetingInput
}) (*meetingOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	m, err := x.app.UpdateMeeting(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.Body.app(), version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &meetingOutput{ETag: etag(m.Version), Body: m}, nil
}
