package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// The coalition page shows the momentum table and who to reach out to: after three
// meetings that only Hmong Tenants United attended, Somali Youth Voices is listed.
func TestCoalitionPage_Momentum(t *testing.T) {
	s := newWinSite(t)
	ctx := context.Background()
	c := signIn(t, s.site, "amina@example.org", testPassword)
	page := "/coalitions/" + s.co.ID

	res := c.get(page)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<h2 id="momentum-h">Momentum</h2>`, "The last 12 months", "No meetings have been held yet")

	// The meetings start after the members joined; the clock moves past them.
	joined := time.Now().UTC()
	now := joined.Add(4 * time.Hour)
	s.site.App.DB().Now = func() time.Time { return now }
	for i := 1; i <= 3; i++ {
		start := joined.Add(time.Duration(i) * time.Hour)
		m, err := s.site.App.CreateMeeting(ctx, s.coord, s.co.ID, app.MeetingInput{Title: "Meeting", Kind: domain.MeetingKindMeeting,
			StartsAt: start, EndsAt: start.Add(30 * time.Minute)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.site.App.RecordAttendance(ctx, s.coord, s.co.ID, m.ID, app.AttendanceInput{OrganizationID: s.hmong.OrganizationID}); err != nil {
			t.Fatal(err)
		}
	}
	res = c.get(page)
	wantStatus(t, res, http.StatusOK)
	month := now.Format("2006-01")
	wantBody(t, res, `<time datetime="`+month+`">`+month+`</time>`, "These member organizations were not at any of the last three meetings",
		`<a href="/organizations/`+s.sy.OrganizationID+`">Somali Youth Voices</a>`,
		// Three meetings this month: the full-width bar and the figure.
		`<rect width="60" height="10" class="momentum-bar" fill="#6d2d8a"></rect></svg> 3</span>`)
	wantNoBody(t, res, `<a href="/organizations/`+s.hmong.OrganizationID+`">Hmong Tenants United</a></li>`)

	// In Spanish too.
	if r := c.post("/language", map[string][]string{"lang": {"es"}, "next": {page}}); r.Status != http.StatusSeeOther {
		t.Fatalf("language: %d", r.Status)
	}
	wantBody(t, c.get(page), "Impulso", "A quién contactar")
}
