package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestSpeakingQueuePage runs a queue without JavaScript: every action is a form that
// posts and comes back to the page.
func TestSpeakingQueuePage(t *testing.T) {
	site := newTestSite(t)
	ctx := context.Background()
	coord := newTestUser(t, site, "Coral Coordinator", "coord@example.org")
	rep := newTestUser(t, site, "Rosa Rep", "rep@example.org")
	c := newTestCoalition(t, site, coord, "Housing", false)
	m1 := addTestMember(t, site, coord, rep, c.ID, "Tenants United", domain.RoleMember)
	start := time.Now().UTC().Truncate(time.Minute)
	m, err := site.App.CreateMeeting(ctx, coord, c.ID, app.MeetingInput{Title: "Assembly", Kind: domain.MeetingKindMeeting, StartsAt: start, EndsAt: start.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	page := "/coalitions/" + c.ID + "/meetings/" + m.ID + "/queue"
	co, re := signIn(t, site, "coord@example.org", testPassword), signIn(t, site, "rep@example.org", testPassword)

	res := co.get(page)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "No speaking queue has been opened", "Open the speaking queue", `aria-live="polite"`, "/static/", "queue.js")
	wantNoBody(t, re.get(page), "Open the speaking queue")
	wantStatus(t, re.post(page+"/open", nil), http.StatusForbidden)

	res = co.post(page+"/open", nil)
	if res.Status != http.StatusSeeOther || res.Location != page {
		t.Fatalf("open: %d %q", res.Status, res.Location)
	}
	wantBody(t, co.get(page), "The speaking queue is open.", "Raise my hand", "Close the speaking queue")
	wantStatus(t, re.post(page+"/hand", url.Values{"organization_id": {m1.OrganizationID}}), http.StatusSeeOther)
	wantBody(t, re.get(page), "Your hand is up.", "you are number 1", "Lower my hand", "Tenants United")
	wantStatus(t, re.post(page+"/hand", nil), http.StatusSeeOther)
	wantBody(t, re.get(page), "Your hand was already up; it kept its place.")
	wantStatus(t, co.post(page+"/hand", nil), http.StatusSeeOther)

	// The region alone, as queue.js fetches it: no layout, the facilitator's buttons.
	res = co.get(page + "?region=queue")
	wantStatus(t, res, http.StatusOK)
	if strings.Contains(res.Body, "<html") {
		t.Error("the region came with the whole page")
	}
	wantBody(t, res, `data-version="`, "Move Rosa Rep", "Remove Coral Coordinator from the queue", "Call the next speaker: Rosa Rep")

	wantStatus(t, re.post(page+"/next", nil), http.StatusForbidden)
	wantStatus(t, co.post(page+"/hands/"+coord.ID+"/move", url.Values{"position": {"1"}}), http.StatusSeeOther)
	wantBody(t, co.get(page+"?region=queue"), "Call the next speaker: Coral Coordinator", "moved by the facilitator")
	wantStatus(t, co.post(page+"/hands/"+coord.ID+"/move", url.Values{"position": {"first"}}), http.StatusUnprocessableEntity)
	wantStatus(t, co.post(page+"/hands/nobody/remove", nil), http.StatusNotFound)
	wantStatus(t, co.post(page+"/next", nil), http.StatusSeeOther)
	wantBody(t, re.get(page), "Speaking now", "Coral Coordinator", "you are number 1")
	wantStatus(t, re.post(page+"/hand/lower", nil), http.StatusSeeOther)
	wantBody(t, re.get(page), "Your hand is down.", "No hands are raised.")
	wantStatus(t, co.post(page+"/close", nil), http.StatusSeeOther)
	wantBody(t, re.get(page), "The speaking queue is closed.", "Turns so far")
	wantStatus(t, re.post(page+"/hand", nil), http.StatusNotFound)

	// The meeting's page links to the queue and shows the split once someone spoke for
	// an organization.
	wantBody(t, re.get("/coalitions/"+c.ID+"/meetings/"+m.ID), "Speaking time by group", page, "No speaking time has been recorded")
	// Rosa speaks 30 s for Tenants United, which attended: all of the time and all of the
	// attendance fall in its groups.
	clock := time.Date(2026, 5, 1, 18, 0, 0, 0, time.UTC)
	site.App.DB().Now = func() time.Time { return clock }
	for _, step := range []func() error{
		func() error { _, err := site.App.OpenSpeakingQueue(ctx, coord, c.ID, m.ID); return err },
		func() error { _, _, err := site.App.RaiseHand(ctx, rep, c.ID, m.ID, m1.OrganizationID); return err },
		func() error { _, err := site.App.CallNextSpeaker(ctx, coord, c.ID, m.ID); return err },
		func() error {
			clock = clock.Add(30 * time.Second)
			_, err := site.App.CloseSpeakingQueue(ctx, coord, c.ID, m.ID)
			return err
		},
		func() error {
			_, err := site.App.RecordAttendance(ctx, coord, c.ID, m.ID, app.AttendanceInput{OrganizationID: m1.OrganizationID})
			return err
		},
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	wantBody(t, re.get("/coalitions/"+c.ID+"/meetings/"+m.ID), "Share of speaking time", "BIPOC-led: not said</th><td>30</td>\n<td>100.0%</td><td>100.0%</td>",
		"Not flagged most impacted</th><td>30</td>")
	other := newTestCoalition(t, site, newTestUser(t, site, "Otto", "otto@example.org"), "Transit", false)
	wantStatus(t, co.get("/coalitions/"+other.ID+"/meetings/"+m.ID+"/queue"), http.StatusNotFound)
	wantStatus(t, co.get("/coalitions/"+c.ID+"/meetings/nope/queue"), http.StatusNotFound)
}
