package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestCalendarFeed subscribes as a calendar client would (no cookie) and reads the feed
// with an independent iCalendar parser; then rotates and revokes the address.
func TestCalendarFeed(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "cal")
	w.addMember("Alder", "member", true, "yes", "under_250k")
	coord := w.as("coord-cal@example.org")
	member := w.as("alder@example.org")
	base := "/coalitions/" + w.coalition.ID
	ctx := context.Background()
	start := time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	title := "Hearing prep, part 2; bring signs \\ flyers"
	long := strings.Repeat("Cuidado infantil y comida — ", 8)
	for i, in := range []app.MeetingInput{
		{Title: title, Kind: domain.MeetingKindMeeting, StartsAt: start, EndsAt: start.Add(90 * time.Minute), Place: "Library, Room 2",
			Languages: []string{"English", "Español"}, Interpretation: "Spanish ↔ English", AccessNotes: long,
			Agenda: []domain.AgendaItem{{Title: "Welcome", Presenter: "Ana"}, {Title: "Testimony"}}},
		{Title: "Rally at City Hall", Kind: domain.MeetingKindEvent, StartsAt: start.Add(14 * 24 * time.Hour), EndsAt: start.Add(14*24*time.Hour + 2*time.Hour)},
	} {
		if _, err := site.App.CreateMeeting(ctx, w.coordinator, w.coalition.ID, in); err != nil {
			t.Fatalf("meeting %d: %v", i, err)
		}
	}

	res := member.post(base+"/calendar-feed", url.Values{})
	wantStatus(t, res, http.StatusOK)
	feedURL := regexp.MustCompile(`id="feed-url" type="text" readonly value="([^"]+)"`).FindStringSubmatch(res.Body)
	if feedURL == nil {
		t.Fatalf("no feed address on the page:\n%.2000s", res.Body)
	}
	path := strings.TrimPrefix(feedURL[1], site.URL)
	client := anonymous(t, site)
	res = client.get(path)
	wantStatus(t, res, http.StatusOK)
	raw, err := http.Get(site.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	raw.Body.Close()
	if ct := raw.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(res.Body))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, res.Body)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	e := events[0]
	if got := e.GetProperty(ics.ComponentPropertySummary).Value; got != title {
		t.Errorf("SUMMARY = %q, want %q", got, title)
	}
	if s, err := e.GetStartAt(); err != nil || !s.Equal(start) {
		t.Errorf("DTSTART = %v, %v; want %v", s, err, start)
	}
	if end, err := e.GetEndAt(); err != nil || !end.Equal(start.Add(90*time.Minute)) {
		t.Errorf("DTEND = %v, %v", end, err)
	}
	if got := e.GetProperty(ics.ComponentPropertyLocation).Value; got != "Library, Room 2" {
		t.Errorf("LOCATION = %q", got)
	}
	desc := e.GetProperty(ics.ComponentPropertyDescription).Value
	for _, want := range []string{"Spanish ↔ English", strings.TrimSpace(long), "1. Welcome — Ana", "2. Testimony", "English, Español"} {
		if !strings.Contains(desc, want) {
			t.Errorf("DESCRIPTION lacks %q:\n%s", want, desc)
		}
	}
	if uid := e.GetProperty(ics.ComponentPropertyUniqueId).Value; !strings.HasSuffix(uid, "@braid") {
		t.Errorf("UID = %q", uid)
	}
	for _, line := range strings.Split(res.Body, "\r\n") {
		if len(line) > 75 {
			t.Errorf("unfolded line of %d octets", len(line))
		}
	}

	// A new address replaces the old one; turning it off ends both.
	wantStatus(t, member.post(base+"/calendar-feed", url.Values{}), http.StatusOK)
	wantStatus(t, client.get(path), http.StatusNotFound)
	wantStatus(t, member.post(base+"/calendar-feed/delete", url.Values{}), http.StatusSeeOther)
	active, err := site.App.CalendarFeedActive(ctx, w.coordinator, w.coalition.ID)
	if err != nil || active {
		t.Errorf("the coordinator has no feed: %v, %v", active, err)
	}
	wantStatus(t, client.get("/calendar/cal_guess.ics"), http.StatusNotFound)
	wantStatus(t, client.get("/calendar/nothing"), http.StatusNotFound)
	res = coord.get(base + "/meetings")
	wantBody(t, res, "Get a calendar address")
}
