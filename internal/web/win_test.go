package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// winSite is a coalition with two member organizations: Hmong Tenants United (listed
// publicly) and Somali Youth Voices (unlisted).
type winSite struct {
	site      *testSite
	coord     *domain.User
	co        *domain.Coalition
	hmong, sy *domain.Membership
}

func newWinSite(t *testing.T) winSite {
	t.Helper()
	s := winSite{site: newTestSite(t)}
	s.coord = newTestUser(t, s.site, "Amina", "amina@example.org")
	s.co = newTestCoalition(t, s.site, s.coord, "Housing Justice", true)
	s.hmong = addTestMember(t, s.site, s.coord, s.coord, s.co.ID, "Hmong Tenants United", domain.RoleSteering)
	s.sy = addTestMember(t, s.site, s.coord, s.coord, s.co.ID, "Somali Youth Voices", domain.RoleMember)
	org := *s.hmong.Organization
	org.Visibility.Listed = true
	if _, err := s.site.App.UpdateOrganization(context.Background(), s.coord, org, org.Version); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s winSite) form(title string, credits map[string][2]string) url.Values {
	f := url.Values{"title": {title}, "date": {"2025-02-10"}, "kind": {"policy"}, "size": {"milestone"},
		"description": {"The council scheduled a hearing."}, "public": {"on"}}
	for id, cw := range credits {
		f.Add("credit", id)
		f.Set("contribution_"+id, cw[0])
		f.Set("weight_"+id, cw[1])
	}
	return f
}

func TestWinForm_RecordWithTwoCredits(t *testing.T) {
	s := newWinSite(t)
	c := signIn(t, s.site, "amina@example.org", testPassword)
	wins := "/coalitions/" + s.co.ID + "/wins"

	res := c.get(wins + "/new")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Record a win", `name="credit" value="`+s.hmong.OrganizationID+`"`, "What Hmong Tenants United did", "Weight for Somali Youth Voices")

	h, y := s.hmong.OrganizationID, s.sy.OrganizationID
	res = c.post(wins, s.form("Hearing scheduled", map[string][2]string{h: {"Drafted the ordinance", "3"}, y: {"Turned out 40 people", ""}}))
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	// Weights 3 and 1 (blank): shares 3/4 = 75% and 1/4 = 25%.
	wantBody(t, res, "Win recorded: Hearing scheduled.", "<strong>Hmong Tenants United</strong> — Drafted the ordinance", "75.0% of the credit",
		"<strong>Somali Youth Voices</strong> — Turned out 40 people", "25.0% of the credit", "Milestone", "on the public page")

	// The same win again is refused, and the form keeps what was typed.
	res = c.post(wins, s.form("Hearing scheduled", map[string][2]string{h: {"Drafted", "1"}}))
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "already recorded", `value="Hearing scheduled"`)

	// The coalition page shows it on the timeline; the public page with its credit lines,
	// naming only the listed organization.
	res = c.get("/coalitions/" + s.co.ID)
	wantBody(t, res, "Timeline", "Hearing scheduled", "Milestone", "since the start")
	res = anonymous(t, s.site).get("/c/" + s.co.Slug)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Our wins", "Hearing scheduled", "<strong>Hmong Tenants United</strong> — Drafted the ordinance",
		"<strong>A member organization</strong> — Turned out 40 people")
	wantNoBody(t, res, "Somali Youth Voices")

	// The audit log says who recorded it and whom it credits, in words.
	res = c.get("/coalitions/" + s.co.ID + "/audit")
	wantBody(t, res, "Recorded a win", "<strong>Kind:</strong> Policy", "<strong>Size:</strong> Milestone",
		"Organization: Hmong Tenants United; weight: 3")
}

func TestWinForm_BadCreditsKeepInput(t *testing.T) {
	s := newWinSite(t)
	c := signIn(t, s.site, "amina@example.org", testPassword)
	wins := "/coalitions/" + s.co.ID + "/wins"
	h, y := s.hmong.OrganizationID, s.sy.OrganizationID
	cases := []struct {
		name   string
		form   url.Values
		status int
		want   []string
	}{
		{"negative weight", s.form("A", map[string][2]string{h: {"Drafted", "-1"}}), 422,
			[]string{`id="e-weight-` + h + `" class="error">Give a weight of 0 or more`, `value="-1"`, `value="Drafted"`}},
		{"not a number", s.form("B", map[string][2]string{y: {"", "lots"}}), 422,
			[]string{`id="e-weight-` + y + `" class="error">`, `value="lots"`}},
		{"all zero", s.form("C", map[string][2]string{h: {"", "0"}, y: {"", "0,0"}}), 422,
			[]string{`id="e-credits" class="error">At least one credited organization needs a weight above zero.`}},
		{"not a member", s.form("D", map[string][2]string{"someone-else": {"", "1"}}), 422, []string{"Some fields need attention."}},
		{"no title", s.form("", nil), 422, []string{`id="e-title" class="error">`}},
		{"bad date", func() url.Values { f := s.form("E", nil); f.Set("date", "tomorrow"); return f }(), 422,
			[]string{`id="e-date" class="error">Give a date as YYYY-MM-DD.`}},
	}
	for _, tc := range cases {
		res := c.post(wins, tc.form)
		if res.Status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, res.Status, tc.status)
			continue
		}
		wantBody(t, res, tc.want...)
	}
	// A decimal comma is a weight like any other.
	res := c.post(wins, s.form("Comma", map[string][2]string{h: {"", "0,5"}, y: {"", "1,5"}}))
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(wins)
	wantBody(t, res, "25.0% of the credit", "75.0% of the credit")
	wantNoBody(t, res, ">A<", "Give a weight")
	if n := strings.Count(res.Body, `class="win"`); n != 1 {
		t.Errorf("%d wins listed, want only the one with valid input", n)
	}
}

func TestWinForm_EditAndStale(t *testing.T) {
	s := newWinSite(t)
	ctx := context.Background()
	w, err := s.site.App.CreateWin(ctx, s.coord, s.co.ID, domain.Win{Date: "2025-01-05", Title: "Press coverage", Kind: "narrative", Size: "short_term",
		Credits: []domain.Credit{{OrganizationID: s.hmong.OrganizationID, Contribution: "Spoke", Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	c := signIn(t, s.site, "amina@example.org", testPassword)
	edit := "/coalitions/" + s.co.ID + "/wins/" + w.ID + "/edit"
	res := c.get(edit)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `value="Press coverage"`, `name="version" value="1"`, `value="Spoke"`, "checked")

	// Someone else saves first.
	other := *w
	other.Title = "Their title"
	if _, err := s.site.App.UpdateWin(ctx, s.coord, s.co.ID, other, 1); err != nil {
		t.Fatal(err)
	}
	f := s.form("My title", map[string][2]string{s.sy.OrganizationID: {"Wrote the op-ed", "2"}})
	f.Set("version", "1")
	res = c.post(edit, f)
	wantStatus(t, res, http.StatusPreconditionFailed)
	wantBody(t, res, "Someone else changed this win", "What is saved now", "Their title", `value="My title"`, `value="Wrote the op-ed"`, `name="version" value="2"`)
	f.Set("version", "2")
	res = c.post(edit, f)
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	wantBody(t, res, "Changes saved: My title.", "Wrote the op-ed")

	// Another coalition's win is not found through this coalition.
	otherCo := newTestCoalition(t, s.site, s.coord, "Transit", false)
	res = c.get("/coalitions/" + otherCo.ID + "/wins/" + w.ID + "/edit")
	wantStatus(t, res, http.StatusNotFound)
	res = c.post("/coalitions/"+otherCo.ID+"/wins/"+w.ID+"/edit", f)
	wantStatus(t, res, http.StatusNotFound)
}

func TestPhasePage_MoveNeedsRetrospective(t *testing.T) {
	s := newWinSite(t)
	c := signIn(t, s.site, "amina@example.org", testPassword)
	phase := "/coalitions/" + s.co.ID + "/phase"
	res := c.get(phase)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Move to another phase", `<option value="campaign"`, "no move yet")
	wantNoBody(t, res, `<option value="forming"`)

	res = c.post(phase, url.Values{"to_phase": {"campaign"}, "on": {"2025-01-15"}, "learned": {"  "}, "carry_forward": {"Meals"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-learned" class="error">Say what the coalition learned`, `Meals</textarea>`)
	res = c.post(phase, url.Values{"to_phase": {"forming"}, "learned": {"x"}, "carry_forward": {"y"}})
	wantStatus(t, res, http.StatusConflict)

	res = c.post(phase, url.Values{"to_phase": {"campaign"}, "on": {"2025-01-15"}, "learned": {"Trust takes time"}, "carry_forward": {"Monthly meals"}})
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	wantBody(t, res, "now in the Campaign phase", "Phase: Campaign", "Timeline", "since 2025-01-15", "until 2025-01-15", "Trust takes time")
	res = c.get(phase)
	wantBody(t, res, "Forming → Campaign", "Monthly meals")

	// The edit form shows the phase and sends the person to this page to change it.
	res = c.get("/coalitions/" + s.co.ID + "/edit")
	wantBody(t, res, `href="/coalitions/`+s.co.ID+`/phase"`)
	wantNoBody(t, res, `name="phase"`)

	// A member sees the history without the form, and cannot post a move.
	rep := newTestUser(t, s.site, "Bao", "bao@example.org")
	addTestMember(t, s.site, s.coord, rep, s.co.ID, "Bao's org", domain.RoleMember)
	m := signIn(t, s.site, "bao@example.org", testPassword)
	res = m.get(phase)
	wantStatus(t, res, http.StatusOK)
	wantNoBody(t, res, `name="learned"`)
	res = m.post(phase, url.Values{"to_phase": {"movement"}, "learned": {"x"}, "carry_forward": {"y"}})
	wantStatus(t, res, http.StatusForbidden)
	co, _, err := s.site.App.Coalition(context.Background(), s.coord, s.co.ID)
	if err != nil || co.Phase != "campaign" {
		t.Errorf("phase %q, %v", co.Phase, err)
	}
	_ = app.PhaseMove{}
}

// A win recorded by mistake can be deleted from its edit page; a stale delete deletes
// nothing and shows what is saved now; another coalition's win is not found.
func TestWinForm_Delete(t *testing.T) {
	s := newWinSite(t)
	ctx := context.Background()
	w, err := s.site.App.CreateWin(ctx, s.coord, s.co.ID, domain.Win{Date: "2025-01-05", Title: "Duplicate press win", Kind: "narrative", Size: "short_term",
		Credits: []domain.Credit{{OrganizationID: s.hmong.OrganizationID, Contribution: "Spoke", Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	c := signIn(t, s.site, "amina@example.org", testPassword)
	base := "/coalitions/" + s.co.ID + "/wins/" + w.ID
	res := c.get(base + "/edit")
	wantBody(t, res, `action="`+base+`/delete"`, "Delete this win")

	// Someone else changes it after the page was loaded.
	other := *w
	other.Title = "Renamed"
	if _, err := s.site.App.UpdateWin(ctx, s.coord, s.co.ID, other, 1); err != nil {
		t.Fatal(err)
	}
	res = c.post(base+"/delete", url.Values{"version": {"1"}})
	wantStatus(t, res, http.StatusPreconditionFailed)
	wantBody(t, res, "Someone else changed this win", "What is saved now", "Renamed", `name="version" value="2"`, `value="Spoke"`)

	otherCo := newTestCoalition(t, s.site, s.coord, "Transit", false)
	res = c.post("/coalitions/"+otherCo.ID+"/wins/"+w.ID+"/delete", url.Values{"version": {"2"}})
	wantStatus(t, res, http.StatusNotFound)

	res = c.post(base+"/delete", url.Values{"version": {"2"}})
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(res.Location)
	wantBody(t, res, "The win was deleted.")
	wantNoBody(t, res, "Renamed")
	if _, err := s.site.App.Win(ctx, s.coord, s.co.ID, w.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("the win is still there: %v", err)
	}
	wantStatus(t, c.post(base+"/delete", url.Values{"version": {"2"}}), http.StatusNotFound)
}

// Thanks for a win: sent from the wins page to a credited organization, shown under the
// win and on the organization's profile; an empty message says what to do.
func TestWinThanks(t *testing.T) {
	s := newWinSite(t)
	ctx := context.Background()
	w, err := s.site.App.CreateWin(ctx, s.coord, s.co.ID, domain.Win{Date: "2025-01-05", Title: "Hearing won", Kind: "policy", Size: "major",
		Credits: []domain.Credit{{OrganizationID: s.hmong.OrganizationID, Contribution: "Testified", Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	c := signIn(t, s.site, "amina@example.org", testPassword)
	wins := "/coalitions/" + s.co.ID + "/wins"
	res := c.get(wins)
	wantBody(t, res, "Send thanks", `<option value="`+s.hmong.OrganizationID+`">Hmong Tenants United</option>`, "contributions?link=win:"+w.ID)
	res = c.post(wins+"/"+w.ID+"/thanks", url.Values{"organization_id": {s.hmong.OrganizationID}, "message": {" "}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, c.get(res.Location), "Write a message of at most 500 characters")
	res = c.post(wins+"/"+w.ID+"/thanks", url.Values{"organization_id": {s.hmong.OrganizationID}, "message": {"You packed the hearing."}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, c.get(wins), "Thanks sent", "<strong>Hmong Tenants United</strong> — You packed the hearing.")
	wantBody(t, c.get("/organizations/"+s.hmong.OrganizationID), "Thanks received", "From Housing Justice for “Hearing won”: “You packed the hearing.”")
	other := newTestCoalition(t, s.site, s.coord, "Transit", false)
	wantStatus(t, c.post("/coalitions/"+other.ID+"/wins/"+w.ID+"/thanks", url.Values{"organization_id": {s.hmong.OrganizationID}, "message": {"x"}}), http.StatusNotFound)
}
