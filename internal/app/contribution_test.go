package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// wantField fails unless err is EINVALID with an error at the field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	wantCode(t, err, domain.EINVALID)
	for _, f := range domain.ErrorFields(err) {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("error %v has no message at %q: %+v", err, field, domain.ErrorFields(err))
}

// linkTargets makes a task, a meeting and a win in coalition c and returns their ids.
func linkTargets(t *testing.T, a *app.App, coord *domain.User, c *domain.Coalition, orgID string) (task, meeting, win string) {
	t.Helper()
	ws, err := a.CreateWorkstream(ctx, coord, c.ID, app.WorkstreamText{Name: "Outreach"})
	if err != nil {
		t.Fatal(err)
	}
	tk, err := a.CreateTask(ctx, coord, c.ID, app.TaskInput{WorkstreamID: ws.ID, Title: "Door knocking", OwnerOrgID: orgID})
	if err != nil {
		t.Fatal(err)
	}
	w, err := a.CreateWin(ctx, coord, c.ID, domain.Win{Date: "2025-02-01", Title: "Hearing packed", Kind: "policy", Size: "short_term"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := a.CreateMeeting(ctx, coord, c.ID, app.MeetingInput{Title: "Assembly", Kind: domain.MeetingKindMeeting,
		StartsAt: mustTime(t, "2025-02-03T18:00:00Z"), EndsAt: mustTime(t, "2025-02-03T19:30:00Z"), TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	return tk.ID, m.Meeting.ID, w.ID
}

func TestContribution_LinksMustBelongToTheCoalition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		org := w.m1.OrganizationID
		task, meeting, win := linkTargets(t, w.a, w.coord, w.c, org)
		// Another coalition, with its own task, meeting and win.
		coordB := mustUser(t, w.a, "coord-b@example.org", false)
		other := mustCoalition(t, w.a, coordB, "Elsewhere")
		_, orgB := join(t, w.a, coordB, other, "Org B", "b@example.org", domain.RoleMember, false)
		taskB, meetingB, winB := linkTargets(t, w.a, coordB, other, orgB.OrganizationID)

		log := func(linkType, linkID string) error {
			_, err := w.a.LogContribution(ctx, w.rep1, w.c.ID, app.ContributionInput{OrganizationID: org, Day: "2025-02-04",
				Minutes: 60, Kind: "organizing", LinkType: linkType, LinkID: linkID})
			return err
		}
		for _, ok := range [][2]string{{"task", task}, {"meeting", meeting}, {"win", win}, {"", ""}} {
			if err := log(ok[0], ok[1]); err != nil {
				t.Errorf("link %v: %v", ok, err)
			}
		}
		for _, bad := range [][2]string{{"task", taskB}, {"meeting", meetingB}, {"win", winB}, {"task", "nope"}, {"win", task},
			{"task", ""}, {"", task}, {"proposal", task}} {
			wantField(t, log(bad[0], bad[1]), "link_id")
		}
		// A person must be one of the organization's people.
		_, err := w.a.LogContribution(ctx, w.rep1, w.c.ID, app.ContributionInput{OrganizationID: org, PersonID: "nobody", Day: "2025-02-04",
			Minutes: 60, Kind: "organizing"})
		wantField(t, err, "person_id")

		// The CSV import checks links the same way, row by row, and writes nothing.
		csv := "organization,date,hours,kind,description,link_type,link_id\n" +
			"Org One,2025-02-05,1,organizing,Ours,task," + task + "\n" +
			"Org One,2025-02-05,1,organizing,Theirs,task," + taskB + "\n" +
			"Org One,2025-02-05,1,organizing,Half a link,win,\n"
		res, err := w.a.ImportContributions(ctx, w.coord, w.c.ID, csv, true)
		if err != nil {
			t.Fatal(err)
		}
		if res.Written || len(res.Errors) != 2 || res.Errors[0].Row != 3 || res.Errors[0].Field != "link_id" ||
			!strings.Contains(res.Errors[0].Message, "no such task") || res.Errors[1].Row != 4 {
			t.Errorf("import of bad links = %+v", res)
		}
		res, err = w.a.ImportContributions(ctx, w.coord, w.c.ID, strings.Join(strings.Split(csv, "\n")[:2], "\n"), true)
		if err != nil || !res.Written {
			t.Fatalf("import of a good link: %+v %v", res, err)
		}
		linked, err := w.a.Contributions(ctx, w.coord, w.c.ID, app.ContributionQuery{LinkType: "win", LinkID: win})
		if err != nil || len(linked) != 1 || linked[0].LinkID != win {
			t.Errorf("contributions linked to the win: %+v, %v", linked, err)
		}
		_, err = w.a.Contributions(ctx, w.coord, w.c.ID, app.ContributionQuery{LinkType: "win"})
		wantField(t, err, "link_id")
		list, err := w.a.Contributions(ctx, w.coord, w.c.ID, app.ContributionQuery{})
		if err != nil {
			t.Fatal(err)
		}
		// Four logged above and one imported, which is confirmed and keeps its link.
		if len(list) != 5 || list[0].LinkID != task || list[0].LinkType != "task" || !list[0].Confirmed() {
			t.Errorf("contributions = %+v", list)
		}
	})
}

func TestContribution_ListFiltersAndAuthorization(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		o1, o2 := w.m1.OrganizationID, w.m2.OrganizationID
		w.confirmed(t, o1, "2025-01-10", 90)
		w.confirmed(t, o2, "2025-02-11", 30)
		if _, err := w.a.LogContribution(ctx, w.rep2, w.c.ID, app.ContributionInput{OrganizationID: o2, Day: "2025-03-01", Minutes: 45, Kind: "childcare"}); err != nil {
			t.Fatal(err)
		}
		count := func(q app.ContributionQuery) int {
			t.Helper()
			cs, err := w.a.Contributions(ctx, w.rep1, w.c.ID, q)
			if err != nil {
				t.Fatal(err)
			}
			return len(cs)
		}
		for _, tc := range []struct {
			q    app.ContributionQuery
			want int
		}{
			{app.ContributionQuery{}, 3},
			{app.ContributionQuery{OrganizationID: o2}, 2},
			{app.ContributionQuery{From: "2025-02-01"}, 2},
			{app.ContributionQuery{From: "2025-02-01", To: "2025-02-28"}, 1},
			{app.ContributionQuery{Confirmed: "yes"}, 2},
			{app.ContributionQuery{Confirmed: "no", OrganizationID: o2}, 1},
			{app.ContributionQuery{Confirmed: "no", OrganizationID: o1}, 0},
		} {
			if got := count(tc.q); got != tc.want {
				t.Errorf("%+v: %d contributions, want %d", tc.q, got, tc.want)
			}
		}
		_, err := w.a.Contributions(ctx, w.rep1, w.c.ID, app.ContributionQuery{From: "March"})
		wantField(t, err, "from")
		_, err = w.a.Contributions(ctx, w.rep1, w.c.ID, app.ContributionQuery{Confirmed: "maybe"})
		wantField(t, err, "confirmed")

		// Org Two's representative logs only Org Two's time; someone outside the coalition
		// is told it does not exist.
		_, err = w.a.LogContribution(ctx, w.rep2, w.c.ID, app.ContributionInput{OrganizationID: o1, Day: "2025-03-01", Minutes: 45, Kind: "childcare"})
		wantCode(t, err, domain.EFORBIDDEN)
		outsider := mustUser(t, w.a, "out@example.org", false)
		_, err = w.a.Contributions(ctx, outsider, w.c.ID, app.ContributionQuery{})
		wantCode(t, err, domain.ENOTFOUND)
		_, err = w.a.ContributionPage(ctx, outsider, w.c.ID, app.ContributionQuery{})
		wantCode(t, err, domain.ENOTFOUND)

		// The page offers Org Two's representative only Org Two, and the coordinator both.
		page, err := w.a.ContributionPage(ctx, w.rep2, w.c.ID, app.ContributionQuery{})
		if err != nil || len(page.Contributors) != 1 || page.Contributors[0] != o2 || page.CanImport || len(page.Contributions) != 3 {
			t.Errorf("page for Org Two = %+v, %v", page, err)
		}
		page, err = w.a.ContributionPage(ctx, w.coord, w.c.ID, app.ContributionQuery{})
		if err != nil || len(page.Contributors) != 2 || !page.CanImport || page.Names[o1] != "Org One" {
			t.Errorf("page for the coordinator = %+v, %v", page, err)
		}
	})
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
