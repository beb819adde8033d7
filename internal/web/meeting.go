package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerMeetings(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/meetings", h.meetingsShow)
	r.HandleFunc("POST /coalitions/{id}/meetings", h.meetingCreate)
	r.HandleFunc("GET /coalitions/{id}/meetings/{meeting_id}", h.meetingShow)
	r.HandleFunc("GET /coalitions/{id}/meetings/{meeting_id}/edit", h.meetingEdit)
	r.HandleFunc("POST /coalitions/{id}/meetings/{meeting_id}/edit", h.meetingUpdate)
	h.registerMeetingRecords(r)
	h.registerCalendar(r)
	h.registerCommitments(r)
}

// meetingsView is the data of the meetings page: upcoming first (soonest first), then
// past ones (latest first).
type meetingsView struct {
	*workBase
	Upcoming, Past []meetingRow
	Kinds          []string
	Zones          []string
	// FeedActive says whether the viewer has a calendar address; FeedURL is set only
	// right after one is made, the one time it can be shown.
	FeedActive bool
	FeedURL    string
}

// meetingRow is a meeting with its time written in its own time zone.
type meetingRow struct {
	domain.Meeting
	When string
}

// commonZones are offered as suggestions; any IANA name is accepted.
var commonZones = []string{"UTC", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
	"America/Phoenix", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "America/Mexico_City", "Europe/London"}

// meetingWhen writes a meeting's span in its time zone, e.g. "2025-03-04 12:00–13:30 CST".
func meetingWhen(m domain.Meeting) string {
	loc, err := time.LoadLocation(m.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	s, e := m.StartsAt.In(loc), m.EndsAt.In(loc)
	if s.Format("2006-01-02") == e.Format("2006-01-02") {
		return s.Format("Mon 2006-01-02 15:04") + "–" + e.Format("15:04 MST")
	}
	return s.Format("Mon 2006-01-02 15:04 MST") + " – " + e.Format("Mon 2006-01-02 15:04 MST")
}

func (h *Handler) loadMeetings(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	list, err := h.app.Meetings(r.Context(), httpx.User(r.Context()), b.Coalition.ID, nil, nil)
	if err != nil {
		return nil, "", err
	}
	v := &meetingsView{workBase: b, Kinds: domain.MeetingKinds, Zones: commonZones}
	if v.FeedActive, err = h.app.CalendarFeedActive(r.Context(), httpx.User(r.Context()), b.Coalition.ID); err != nil {
		return nil, "", err
	}
	now := time.Now()
	for _, m := range list {
		row := meetingRow{Meeting: m, When: meetingWhen(m)}
		if m.EndsAt.After(now) {
			v.Upcoming = append(v.Upcoming, row)
		} else {
			v.Past = append([]meetingRow{row}, v.Past...)
		}
	}
	return v, "", nil
}

func (h *Handler) meetingsShow(w http.ResponseWriter, r *http.Request) {
	h.showWorkPage(w, r, "meetings", "work.meetings.title", h.loadMeetings)
}

// meetingInputFromForm reads the meeting form. Times are typed in the meeting's time
// zone; a time that cannot be read is left empty, which the use case reports.
func meetingInputFromForm(r *http.Request) app.MeetingInput {
	f := r.PostForm
	in := app.MeetingInput{Title: f.Get("title"), Kind: f.Get("kind"), TimeZone: strings.TrimSpace(f.Get("time_zone")),
		Place: f.Get("place"), Link: f.Get("link"), Languages: domain.SplitList(f.Get("languages")),
		Interpretation: f.Get("interpretation"), AccessNotes: f.Get("access_notes"), Notes: f.Get("notes"),
		Agenda: parseAgenda(f.Get("agenda"))}
	loc, err := time.LoadLocation(in.TimeZone)
	if err != nil || in.TimeZone == "" {
		loc = time.UTC
	}
	in.StartsAt, _ = time.ParseInLocation("2006-01-02T15:04", f.Get("starts_at"), loc)
	in.EndsAt, _ = time.ParseInLocation("2006-01-02T15:04", f.Get("ends_at"), loc)
	return in
}

// parseAgenda reads one agenda item per line: "Title | Presenter | Minutes", the last two
// optional.
func parseAgenda(text string) []domain.AgendaItem {
	var out []domain.AgendaItem
	for _, line := range strings.Split(text, "\n") {
		parts := strings.Split(line, "|")
		title := strings.TrimSpace(parts[0])
		if title == "" {
			continue
		}
		item := domain.AgendaItem{Title: title}
		if len(parts) > 1 {
			item.Presenter = strings.TrimSpace(parts[1])
		}
		if len(parts) > 2 {
			item.Minutes, _ = strconv.Atoi(strings.TrimSpace(parts[2]))
		}
		out = append(out, item)
	}
	return out
}

// agendaText writes an agenda back in the form's line format.
func agendaText(items []domain.AgendaItem) string {
	var b strings.Builder
	for _, a := range items {
		b.WriteString(a.Title)
		if a.Presenter != "" || a.Minutes > 0 {
			fmt.Fprintf(&b, " | %s", a.Presenter)
		}
		if a.Minutes > 0 {
			fmt.Fprintf(&b, " | %d", a.Minutes)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// meetingCreate handles POST /coalitions/{id}/meetings.
func (h *Handler) meetingCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	m, err := h.app.CreateMeeting(r.Context(), httpx.User(r.Context()), r.PathValue("id"), meetingInputFromForm(r))
	if err != nil {
		h.workFormError(w, r, "meetings", "work.meetings.title", h.loadMeetings, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.meetings.created", "Title", m.Title))
	http.Redirect(w, r, coalitionPath(r, "/meetings/"+m.ID), http.StatusSeeOther)
}

// meetingFormView is the data of the meeting edit page, with the stored values as the
// form shows them.
type meetingFormView struct {
	*workBase
	Meeting  *app.MeetingRecord
	Kinds    []string
	Zones    []string
	StartsAt string
	EndsAt   string
	Agenda   string
	Langs    string
}

func (h *Handler) loadMeetingForm(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	m, err := h.app.Meeting(r.Context(), httpx.User(r.Context()), b.Coalition.ID, r.PathValue("meeting_id"))
	if err != nil {
		return nil, "", err
	}
	loc, err := time.LoadLocation(m.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	return &meetingFormView{workBase: b, Meeting: m, Kinds: domain.MeetingKinds, Zones: commonZones,
		StartsAt: m.StartsAt.In(loc).Format("2006-01-02T15:04"), EndsAt: m.EndsAt.In(loc).Format("2006-01-02T15:04"),
		Agenda: agendaText(m.Agenda), Langs: strings.Join(m.Languages, ", ")}, m.Title, nil
}

// meetingEdit handles GET /coalitions/{id}/meetings/{meeting_id}/edit.
func (h *Handler) meetingEdit(w http.ResponseWriter, r *http.Request) {
	data, title, err := h.loadMeetingForm(r)
	if err == nil && !data.(*meetingFormView).CanMeetings {
		err = domain.Errorf(domain.EFORBIDDEN, "Your role in this coalition does not allow this.")
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "work.meetings.edit_title", data)
	p.Title = p.T("work.meetings.edit_title") + " · " + title
	h.render(w, r, http.StatusOK, "meeting_edit", p)
}

// meetingUpdate handles POST /coalitions/{id}/meetings/{meeting_id}/edit.
func (h *Handler) meetingUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	m, err := h.app.UpdateMeeting(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), meetingInputFromForm(r), version)
	if err != nil {
		h.workFormError(w, r, "meeting_edit", "work.meetings.edit_title", h.loadMeetingForm, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.meetings.updated", "Title", m.Title))
	http.Redirect(w, r, coalitionPath(r, "/meetings/"+m.ID), http.StatusSeeOther)
}
