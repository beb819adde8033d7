package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/momentum"
)

// TestMomentum_FromRecords builds a coalition's half year on a fixed clock and checks
// the momentum table against figures counted by hand from the records below.
//
// Members: Tenants United and Legal Aid (joined 2025-01-02), Youth Voice (joined
// 2025-01-02), Late Comers (joined 2025-06-10). Legal Aid steps back from the coalition.
// Meetings: 03-10 (Tenants, Legal Aid), 04-08 (Tenants), 05-06 (Tenants), 06-03 (Tenants),
// 07-01 (in the future on 06-15: not held). Tasks done: 02-01, 04-20, 06-01, 06-05.
// Wins: 2024-12-01, 05-20, 06-02. Now: 2025-06-15, three months shown.
//
//	month    meetings  attending  tasks  wins
//	2025-04  1         1          1      0
//	2025-05  1         1          0      1
//	2025-06  1         1          2      1
//
// The last three meetings held are 06-03, 05-06 and 04-08. Tenants attended them; Legal
// Aid attended none but steps back; Late Comers joined after all three; Youth Voice
// attended none: it alone is to reach out to.
func TestMomentum_FromRecords(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)
		a.DB().Now = func() time.Time { return now }
		w := newWorkWorld(t, a)
		_, youth := join(t, a, w.coord, w.c, "Youth Voice", "youth@example.org", domain.RoleMember, true)

		meeting := func(day string, orgs ...string) {
			t.Helper()
			start, _ := time.Parse(time.DateOnly, day)
			start = start.Add(18 * time.Hour)
			m, err := a.CreateMeeting(ctx, w.coord, w.c.ID, app.MeetingInput{Title: "Monthly " + day, Kind: domain.MeetingKindMeeting,
				StartsAt: start, EndsAt: start.Add(time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range orgs {
				if _, err := a.RecordAttendance(ctx, w.coord, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: o}); err != nil {
					t.Fatal(err)
				}
			}
		}
		tenants, legal := w.m1.OrganizationID, w.m2.OrganizationID
		meeting("2025-03-10", tenants, legal)
		meeting("2025-04-08", tenants)
		meeting("2025-05-06", tenants)
		meeting("2025-06-03", tenants)
		meeting("2025-07-01", tenants, legal, youth.OrganizationID)

		for _, day := range []string{"2025-02-01", "2025-04-20", "2025-06-01", "2025-06-05"} {
			task, err := a.CreateTask(ctx, w.coord, w.c.ID, app.TaskInput{WorkstreamID: w.ws.ID, Title: "Task " + day, OwnerOrgID: tenants})
			if err != nil {
				t.Fatal(err)
			}
			now, _ = time.Parse(time.DateOnly, day)
			if _, err := a.SetTaskStatus(ctx, w.coord, w.c.ID, task.ID, domain.TaskDone, task.Version); err != nil {
				t.Fatal(err)
			}
		}
		// A task still open counts nowhere.
		if _, err := a.CreateTask(ctx, w.coord, w.c.ID, app.TaskInput{WorkstreamID: w.ws.ID, Title: "Open", OwnerOrgID: tenants}); err != nil {
			t.Fatal(err)
		}
		for _, day := range []string{"2024-12-01", "2025-05-20", "2025-06-02"} {
			if _, err := a.CreateWin(ctx, w.coord, w.c.ID, domain.Win{Date: day, Title: "Win " + day, Kind: "policy", Size: "short_term"}); err != nil {
				t.Fatal(err)
			}
		}
		now = time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)
		join(t, a, w.coord, w.c, "Late Comers", "late@example.org", domain.RoleMember, false)
		if _, err := a.StepBack(ctx, w.rep2, w.c.ID, app.SteppingBackInput{Scope: domain.StepBackFromCoalition, Reason: "capacity"}); err != nil {
			t.Fatal(err)
		}

		now = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)
		got, err := a.Momentum(ctx, w.rep, w.c.ID, 3)
		if err != nil {
			t.Fatal(err)
		}
		want := []momentum.Month{
			{Month: "2025-04", MeetingsHeld: 1, AttendingOrganizations: 1, TasksDone: 1, Wins: 0},
			{Month: "2025-05", MeetingsHeld: 1, AttendingOrganizations: 1, TasksDone: 0, Wins: 1},
			{Month: "2025-06", MeetingsHeld: 1, AttendingOrganizations: 1, TasksDone: 2, Wins: 1},
		}
		if len(got.Months) != len(want) {
			t.Fatalf("months = %+v, want %+v", got.Months, want)
		}
		for i := range want {
			if got.Months[i] != want[i] {
				t.Errorf("month %d = %+v, want %+v", i, got.Months[i], want[i])
			}
		}
		if got.LastMeetings != 3 || len(got.ReachOut) != 1 || got.ReachOut[0].OrganizationID != youth.OrganizationID || got.ReachOut[0].Name != "Youth Voice" {
			t.Errorf("reach out = %d meetings, %+v; want 3 meetings, Youth Voice alone", got.LastMeetings, got.ReachOut)
		}

		// Twelve months by default; bad ranges and other coalitions are refused.
		if m, err := a.Momentum(ctx, w.coord, w.c.ID, 0); err != nil || len(m.Months) != 12 || m.Months[11].Month != "2025-06" {
			t.Errorf("default momentum: %v, %+v", err, m)
		}
		_, err = a.Momentum(ctx, w.coord, w.c.ID, 37)
		wantCode(t, err, domain.EINVALID)
		_, err = a.Momentum(ctx, w.coord, w.other.ID, 3)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.Momentum(ctx, nil, w.c.ID, 3)
		wantCode(t, err, domain.EUNAUTHORIZED)
	})
}
