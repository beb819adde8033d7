package web

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/ical"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerCalendar(r *httpx.Router) {
	r.HandleFunc("GET /calendar/{file}", h.calendarFeed)
	r.HandleFunc("POST /coalitions/{id}/calendar-feed", h.calendarFeedNew)
	r.HandleFunc("POST /coalitions/{id}/calendar-feed/delete", h.calendarFeedRevoke)
}

// calendarFeed handles GET /calendar/{token}.ics: the coalition's meetings as iCalendar,
// for calendar clients that subscribe with the secret address (no cookie, no header).
func (h *Handler) calendarFeed(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		http.NotFound(w, r)
		return
	}
	c, meetings, locale, err := h.app.CalendarByToken(r.Context(), token)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		http.NotFound(w, r)
		return
	} else if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !h.catalog.Supported(locale) {
		locale = h.catalog.Pick("", r)
	}
	loc := h.catalog.For(locale)
	cal := ical.Calendar{ProductID: "-//Braid//Meetings//EN", Name: c.Name}
	for _, m := range meetings {
		cal.Events = append(cal.Events, ical.Event{UID: m.ID + "@braid", Start: m.StartsAt, End: m.EndsAt, Stamp: m.UpdatedAt,
			LastModified: m.UpdatedAt, Sequence: m.Version - 1, Summary: m.Title, Location: m.Place, URL: m.Link,
			Description: h.eventDescription(r, loc, c.ID, m), Categories: []string{loc.T("work.kind." + m.Kind)}})
	}
	var buf bytes.Buffer
	if err := cal.Write(&buf); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="meetings.ics"`)
	w.Header().Set("Cache-Control", "private, max-age=300")
	buf.WriteTo(w)
}

// eventDescription writes what a calendar entry should carry besides time and place.
func (h *Handler) eventDescription(r *http.Request, loc *i18n.Localizer, coalitionID string, m domain.Meeting) string {
	var lines []string
	add := func(key, value string) {
		if value != "" {
			lines = append(lines, loc.T(key)+": "+value)
		}
	}
	add("work.field.link", m.Link)
	add("work.field.languages", strings.Join(m.Languages, ", "))
	add("work.field.interpretation", m.Interpretation)
	add("work.field.access_notes", m.AccessNotes)
	if len(m.Agenda) > 0 {
		lines = append(lines, loc.T("work.field.agenda")+":")
		for i, a := range m.Agenda {
			item := a.Title
			if a.Presenter != "" {
				item += " — " + a.Presenter
			}
			lines = append(lines, "  "+strconv.Itoa(i+1)+". "+item)
		}
	}
	lines = append(lines, h.absoluteURL(r, "/coalitions/"+coalitionID+"/meetings/"+m.ID))
	return strings.Join(lines, "\n")
}

// calendarFeedNew handles POST /coalitions/{id}/calendar-feed: a new secret address,
// shown once on the meetings page; any earlier one stops working.
func (h *Handler) calendarFeedNew(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	token, err := h.app.NewCalendarFeed(r.Context(), httpx.User(r.Context()), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data, _, err := h.loadMeetings(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := data.(*meetingsView)
	v.FeedURL = h.absoluteURL(r, "/calendar/"+token+".ics")
	p := h.page(r, "work.meetings.title", v)
	p.Flash = p.T("work.calendar.created")
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, r, http.StatusOK, "meetings", p)
}

// calendarFeedRevoke handles POST /coalitions/{id}/calendar-feed/delete.
func (h *Handler) calendarFeedRevoke(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	if err := h.app.RevokeCalendarFeed(r.Context(), httpx.User(r.Context()), r.PathValue("id")); err != nil {
		h.fail(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.calendar.revoked"))
	http.Redirect(w, r, coalitionPath(r, "/meetings#calendar"), http.StatusSeeOther)
}
