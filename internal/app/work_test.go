package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// workWorld is a coalition with two member organizations (one represented by rep), a
// second coalition with its own member, and a workstream of the first.
type workWorld struct {
	a                *app.App
	coord, rep, rep2 *domain.User
	c, other         *domain.Coalition
	m1, m2, otherM   *domain.Membership
	ws               *domain.Workstream
	start            time.Time
}

func newWorkWorld(t *testing.T, a *app.App) *workWorld {
	t.Helper()
	w := &workWorld{a: a, coord: mustUser(t, a, "coord@example.org", false)}
	w.c = mustCoalition(t, a, w.coord, "Housing")
	w.rep, w.m1 = join(t, a, w.coord, w.c, "Tenants United", "rep1@example.org", domain.RoleMember, true)
	w.rep2, w.m2 = join(t, a, w.coord, w.c, "Legal Aid", "rep2@example.org", domain.RoleMember, false)
	other := mustUser(t, a, "other@example.org", false)
	w.other = mustCoalition(t, a, other, "Transit")
	_, w.otherM = join(t, a, other, w.other, "Riders", "riders@example.org", domain.RoleMember, false)
	var err error
	w.ws, err = a.CreateWorkstream(ctx, w.coord, w.c.ID, app.WorkstreamText{Name: "Lobbying", Description: "City council"})
	if err != nil {
		t.Fatal(err)
	}
	w.start = time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)
	return w
}

func (w *workWorld) meeting(t *testing.T, kind string) *app.MeetingRecord {
	t.Helper()
	m, err := w.a.CreateMeeting(ctx, w.coord, w.c.ID, app.MeetingInput{Title: "Monthly " + kind, Kind: kind, StartsAt: w.start,
		EndsAt: w.start.Add(90 * time.Minute), TimeZone: "America/Chicago", Languages: []string{"English", "Spanish"},
		Agenda: []domain.AgendaItem{{Title: "Welcome", Minutes: 10}, {Title: "Hearing plan", Presenter: "Ana", Minutes: 40}}})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWorkstreams_SeatsAndRules(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		_, err := a.CreateWorkstream(ctx, w.coord, w.c.ID, app.WorkstreamText{Name: "Lobbying"})
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.CreateWorkstream(ctx, w.rep, w.c.ID, app.WorkstreamText{Name: "Research"})
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.CreateWorkstream(ctx, w.coord, w.c.ID, app.WorkstreamText{Name: "  "})
		wantCode(t, err, domain.EINVALID)

		if _, err := a.AddSeat(ctx, w.coord, w.c.ID, w.ws.ID, app.Seat{OrganizationID: w.m1.OrganizationID, Role: domain.RoleLead}); err != nil {
			t.Fatal(err)
		}
		_, err = a.AddSeat(ctx, w.coord, w.c.ID, w.ws.ID, app.Seat{OrganizationID: w.m1.OrganizationID, Role: domain.RoleWorkstreamMember})
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.AddSeat(ctx, w.coord, w.c.ID, w.ws.ID, app.Seat{OrganizationID: w.otherM.OrganizationID, Role: domain.RoleWorkstreamMember})
		wantCode(t, err, domain.EINVALID)
		_, err = a.AddSeat(ctx, w.coord, w.c.ID, w.ws.ID, app.Seat{OrganizationID: w.m2.OrganizationID, Role: "boss"})
		wantCode(t, err, domain.EINVALID)
		_, err = a.AddSeat(ctx, w.coord, w.other.ID, w.ws.ID, app.Seat{OrganizationID: w.m2.OrganizationID, Role: domain.RoleLead})
		wantCode(t, err, domain.ENOTFOUND) // the coordinator has no role in the other coalition
		if _, err := a.AddSeat(ctx, w.coord, w.c.ID, w.ws.ID, app.Seat{OrganizationID: w.m2.OrganizationID, Role: domain.RoleWorkstreamMember}); err != nil {
			t.Fatal(err)
		}
		got, err := a.Workstream(ctx, w.rep, w.c.ID, w.ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Members) != 2 || got.Members[0].Role != domain.RoleLead || got.Members[0].OrganizationName != "Tenants United" || len(got.Leads()) != 1 || got.Organizations() != 2 {
			t.Fatalf("members = %+v", got.Members)
		}
		updated, err := a.UpdateWorkstream(ctx, w.coord, w.c.ID, w.ws.ID, app.WorkstreamText{Name: "Policy"}, got.Version)
		if err != nil || updated.Name != "Policy" || updated.Version != 2 {
			t.Fatalf("update: %+v, %v", updated, err)
		}
		_, err = a.UpdateWorkstream(ctx, w.coord, w.c.ID, w.ws.ID, app.WorkstreamText{Name: "Again"}, 1)
		wantCode(t, err, domain.EPRECONDITION)
		if err := a.RemoveSeat(ctx, w.coord, w.c.ID, w.ws.ID, got.Members[1].ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, a.RemoveSeat(ctx, w.coord, w.c.ID, w.ws.ID, got.Members[1].ID), domain.ENOTFOUND)
	})
}

func TestTasks_OwnerMustBeMember(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		base := app.TaskInput{WorkstreamID: w.ws.ID, Title: "Draft testimony", OwnerOrgID: w.m1.OrganizationID, DueOn: "2025-03-20"}
		bad := base
		bad.OwnerOrgID = w.otherM.OrganizationID // a member of another coalition only
		_, err := a.CreateTask(ctx, w.rep, w.c.ID, bad)
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "owner_organization_id" {
			t.Fatalf("fields = %+v", f)
		}
		bad = base
		bad.DueOn = "20/03/2025"
		_, err = a.CreateTask(ctx, w.rep, w.c.ID, bad)
		wantCode(t, err, domain.EINVALID)
		bad = base
		bad.Status = "finished"
		_, err = a.CreateTask(ctx, w.rep, w.c.ID, bad)
		wantCode(t, err, domain.EINVALID)
		bad = base
		bad.WorkstreamID = "no-such-workstream"
		_, err = a.CreateTask(ctx, w.rep, w.c.ID, bad)
		wantCode(t, err, domain.EINVALID)

		list, err := a.Tasks(ctx, w.rep, w.c.ID, app.TaskQuery{})
		if err != nil || len(list) != 0 {
			t.Fatalf("refused tasks were written: %v, %v", list, err)
		}

		task, err := a.CreateTask(ctx, w.rep, w.c.ID, base)
		if err != nil {
			t.Fatal(err)
		}
		if task.Status != domain.TaskOpen || task.WorkstreamName != "Lobbying" || task.OwnerOrgName != "Tenants United" || task.DoneAt != nil {
			t.Fatalf("task = %+v", task)
		}
		done, err := a.SetTaskStatus(ctx, w.rep2, w.c.ID, task.ID, domain.TaskDone, task.Version)
		if err != nil || done.DoneAt == nil || done.Status != domain.TaskDone {
			t.Fatalf("done: %+v, %v", done, err)
		}
		reopened, err := a.SetTaskStatus(ctx, w.rep, w.c.ID, task.ID, domain.TaskInProgress, done.Version)
		if err != nil || reopened.DoneAt != nil {
			t.Fatalf("reopened: %+v, %v", reopened, err)
		}
		_, err = a.SetTaskStatus(ctx, w.rep, w.c.ID, task.ID, domain.TaskBlocked, done.Version)
		wantCode(t, err, domain.EPRECONDITION)
		_, err = a.Task(ctx, w.rep, w.other.ID, task.ID)
		wantCode(t, err, domain.ENOTFOUND)

		mine, err := a.Tasks(ctx, w.rep, w.c.ID, app.TaskQuery{Mine: true})
		if err != nil || len(mine) != 1 {
			t.Fatalf("mine for rep: %v, %v", mine, err)
		}
		mine, err = a.Tasks(ctx, w.rep2, w.c.ID, app.TaskQuery{Mine: true})
		if err != nil || len(mine) != 0 {
			t.Fatalf("mine for rep2: %v, %v", mine, err)
		}
		if !(&domain.Task{DueOn: "2025-03-20", Status: domain.TaskOpen}).Overdue("2025-03-21") ||
			(&domain.Task{DueOn: "2025-03-20", Status: domain.TaskDone}).Overdue("2025-03-21") ||
			(&domain.Task{DueOn: "2025-03-20", Status: domain.TaskOpen}).Overdue("2025-03-20") {
			t.Error("Overdue: a task is overdue only when still to do and due before today")
		}
	})
}

func TestMeetings_EndBeforeStartIsRefused(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		in := app.MeetingInput{Title: "Backwards", Kind: domain.MeetingKindMeeting, StartsAt: w.start, EndsAt: w.start.Add(-time.Hour)}
		_, err := a.CreateMeeting(ctx, w.coord, w.c.ID, in)
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "ends_at" {
			t.Fatalf("fields = %+v", f)
		}
		in.EndsAt = w.start // zero length is refused too
		_, err = a.CreateMeeting(ctx, w.coord, w.c.ID, in)
		wantCode(t, err, domain.EINVALID)
		in.EndsAt, in.TimeZone = w.start.Add(time.Hour), "Mars/Olympus"
		_, err = a.CreateMeeting(ctx, w.coord, w.c.ID, in)
		wantCode(t, err, domain.EINVALID)
		in.TimeZone, in.Link = "", "javascript:alert(1)"
		_, err = a.CreateMeeting(ctx, w.coord, w.c.ID, in)
		wantCode(t, err, domain.EINVALID)
		list, err := a.Meetings(ctx, w.coord, w.c.ID, nil, nil)
		if err != nil || len(list) != 0 {
			t.Fatalf("refused meetings were written: %v, %v", list, err)
		}
		_, err = a.CreateMeeting(ctx, w.rep, w.c.ID, app.MeetingInput{Title: "Mine", Kind: domain.MeetingKindMeeting, StartsAt: w.start, EndsAt: w.start.Add(time.Hour)})
		wantCode(t, err, domain.EFORBIDDEN)

		m := w.meeting(t, domain.MeetingKindMeeting)
		if len(m.Agenda) != 2 || m.Agenda[1].Position != 2 || m.Agenda[1].Presenter != "Ana" || m.TimeZone != "America/Chicago" {
			t.Fatalf("meeting = %+v", m.Meeting)
		}
		in = app.MeetingInput{Title: m.Title, Kind: m.Kind, StartsAt: m.StartsAt, EndsAt: m.StartsAt.Add(-time.Minute), Notes: "# Notes"}
		_, err = a.UpdateMeeting(ctx, w.coord, w.c.ID, m.ID, in, m.Version)
		wantCode(t, err, domain.EINVALID)
		in.EndsAt = m.EndsAt
		up, err := a.UpdateMeeting(ctx, w.coord, w.c.ID, m.ID, in, m.Version)
		if err != nil || up.Notes != "# Notes" || len(up.Agenda) != 0 || up.Version != 2 {
			t.Fatalf("update: %+v, %v", up, err)
		}
		_, err = a.Meeting(ctx, w.coord, w.other.ID, m.ID)
		wantCode(t, err, domain.ENOTFOUND)
	})
}

func TestAttendance_DuplicatesAndWhoMayRecord(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		m := w.meeting(t, domain.MeetingKindMeeting)
		if _, err := a.RecordAttendance(ctx, w.rep, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.m1.OrganizationID}); err != nil {
			t.Fatal(err)
		}
		_, err := a.RecordAttendance(ctx, w.coord, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.m1.OrganizationID})
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.RecordAttendance(ctx, w.rep, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.m2.OrganizationID})
		wantCode(t, err, domain.EFORBIDDEN) // rep does not represent Legal Aid
		_, err = a.RecordAttendance(ctx, w.coord, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.otherM.OrganizationID})
		wantCode(t, err, domain.EINVALID)
		_, err = a.RecordAttendance(ctx, w.coord, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.m2.OrganizationID, PersonID: "nobody"})
		wantCode(t, err, domain.EINVALID)
		_, err = a.RecordAttendance(ctx, w.coord, w.c.ID, "no-such-meeting", app.AttendanceInput{OrganizationID: w.m2.OrganizationID})
		wantCode(t, err, domain.ENOTFOUND)
		at2, err := a.RecordAttendance(ctx, w.coord, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.m2.OrganizationID})
		if err != nil {
			t.Fatal(err)
		}
		rec, err := a.Meeting(ctx, w.rep, w.c.ID, m.ID)
		if err != nil || len(rec.Attendance) != 2 || rec.Attendance[0].OrganizationName != "Legal Aid" {
			t.Fatalf("attendance = %+v, %v", rec.Attendance, err)
		}
		wantCode(t, a.RemoveAttendance(ctx, w.rep, w.c.ID, m.ID, at2.ID), domain.EFORBIDDEN)
		if err := a.RemoveAttendance(ctx, w.rep2, w.c.ID, m.ID, at2.ID); err != nil {
			t.Fatal(err)
		}

		_, err = a.SetTurnout(ctx, w.coord, w.c.ID, m.ID, domain.Turnout{OrganizationID: w.m1.OrganizationID, People: 5})
		wantCode(t, err, domain.EINVALID) // a meeting is not an event
		ev := w.meeting(t, domain.MeetingKindEvent)
		_, err = a.SetTurnout(ctx, w.rep, w.c.ID, ev.ID, domain.Turnout{OrganizationID: w.m1.OrganizationID, People: -1})
		wantCode(t, err, domain.EINVALID)
		for _, n := range []int{12, 20} {
			if _, err := a.SetTurnout(ctx, w.rep, w.c.ID, ev.ID, domain.Turnout{OrganizationID: w.m1.OrganizationID, People: n}); err != nil {
				t.Fatal(err)
			}
		}
		rec, err = a.Meeting(ctx, w.rep, w.c.ID, ev.ID)
		if err != nil || len(rec.Turnout) != 1 || rec.Turnout[0].People != 20 {
			t.Fatalf("turnout = %+v, %v", rec.Turnout, err)
		}
	})
}

func TestActionItems_BecomeTasks(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		m := w.meeting(t, domain.MeetingKindMeeting)
		if _, err := a.AddDecision(ctx, w.coord, w.c.ID, m.ID, "We testify on the 20th."); err != nil {
			t.Fatal(err)
		}
		_, err := a.AddDecision(ctx, w.coord, w.c.ID, m.ID, " ")
		wantCode(t, err, domain.EINVALID)
		_, err = a.AddActionItem(ctx, w.coord, w.c.ID, m.ID, app.ActionItemInput{Text: "Book the bus", OwnerOrgID: w.otherM.OrganizationID})
		wantCode(t, err, domain.EINVALID)
		item, err := a.AddActionItem(ctx, w.coord, w.c.ID, m.ID, app.ActionItemInput{Text: "Book the bus", DueOn: "2025-03-15"})
		if err != nil {
			t.Fatal(err)
		}
		// Without a workstream and owner the task is refused, and the item stays open.
		_, err = a.ActionItemToTask(ctx, w.rep, w.c.ID, m.ID, item.ID, app.TaskInput{})
		wantCode(t, err, domain.EINVALID)
		_, err = a.ActionItemToTask(ctx, w.rep, w.c.ID, m.ID, item.ID, app.TaskInput{WorkstreamID: w.ws.ID, OwnerOrgID: w.otherM.OrganizationID})
		wantCode(t, err, domain.EINVALID)
		task, err := a.ActionItemToTask(ctx, w.rep, w.c.ID, m.ID, item.ID, app.TaskInput{WorkstreamID: w.ws.ID, OwnerOrgID: w.m1.OrganizationID})
		if err != nil {
			t.Fatal(err)
		}
		if task.Title != "Book the bus" || task.DueOn != "2025-03-15" || task.MeetingID != m.ID {
			t.Fatalf("task = %+v", task)
		}
		_, err = a.ActionItemToTask(ctx, w.rep, w.c.ID, m.ID, item.ID, app.TaskInput{WorkstreamID: w.ws.ID, OwnerOrgID: w.m1.OrganizationID})
		wantCode(t, err, domain.ECONFLICT)
		rec, err := a.Meeting(ctx, w.rep, w.c.ID, m.ID)
		if err != nil || len(rec.Decisions) != 1 || len(rec.ActionItems) != 1 || rec.ActionItems[0].TaskID != task.ID {
			t.Fatalf("record = %+v, %v", rec, err)
		}
		fromMeeting, err := a.Tasks(ctx, w.rep, w.c.ID, app.TaskQuery{TaskFilter: store.TaskFilter{MeetingID: m.ID}})
		if err != nil || len(fromMeeting) != 1 {
			t.Fatalf("tasks of the meeting: %v, %v", fromMeeting, err)
		}
	})
}
