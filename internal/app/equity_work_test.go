package app_test

import (
	"math"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// equityWorld is a four-member coalition that joined on 2025-01-01, with one workstream:
//
//	org  bipoc     impacted  band
//	A    yes       yes       under_250k
//	B    no        no        over_5m
//	C    yes       no        250k_1m
//	D    not_said  no        not_said
type equityWorld struct {
	a     *app.App
	coord *domain.User
	c     *domain.Coalition
	org   map[string]string // name → organization id
	ws    string
	clock *time.Time
}

func newEquityWorld(t *testing.T, a *app.App) *equityWorld {
	t.Helper()
	now := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	w := &equityWorld{a: a, org: map[string]string{}, clock: &now}
	a.DB().Now = func() time.Time { return *w.clock }
	w.coord = mustUser(t, a, "coord@example.org", false)
	w.c = mustCoalition(t, a, w.coord, "Housing")
	for _, r := range []struct {
		name, bipoc, band string
		impacted          bool
	}{
		{"A", "yes", domain.BudgetUnder250k, true}, {"B", "no", domain.BudgetOver5m, false},
		{"C", "yes", domain.Budget250kTo1m, false}, {"D", "not_said", domain.NotSaid, false},
	} {
		rep, m := join(t, a, w.coord, w.c, r.name, r.name+"@example.org", domain.RoleMember, r.impacted)
		org, _, _ := a.Organization(ctx, rep, m.OrganizationID)
		org.BipocLed, org.BudgetBand = r.bipoc, r.band
		if _, err := a.UpdateOrganization(ctx, rep, *org, org.Version); err != nil {
			t.Fatal(err)
		}
		w.org[r.name] = m.OrganizationID
	}
	ws, err := a.CreateWorkstream(ctx, w.coord, w.c.ID, app.WorkstreamText{Name: "Organizing"})
	if err != nil {
		t.Fatal(err)
	}
	w.ws = ws.ID
	return w
}

// doneTask creates a task owned by org and marks it done at the given time.
func (w *equityWorld) doneTask(t *testing.T, org string, at time.Time) *domain.Task {
	t.Helper()
	*w.clock = at
	task, err := w.a.CreateTask(ctx, w.coord, w.c.ID, app.TaskInput{WorkstreamID: w.ws, Title: "Task of " + org, OwnerOrgID: w.org[org]})
	if err != nil {
		t.Fatal(err)
	}
	task, err = w.a.SetTaskStatus(ctx, w.coord, w.c.ID, task.ID, domain.TaskDone, task.Version)
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func march() (*time.Time, *time.Time) {
	from := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC).Add(-time.Microsecond)
	return &from, &to
}

// wantGroups checks the share, ratio and flag of each listed group.
func wantGroups(t *testing.T, rep *app.EquityReport, want map[string][3]float64) {
	t.Helper()
	for _, g := range rep.Groups {
		w, ok := want[g.Attribute+"="+g.Value]
		if !ok {
			continue
		}
		flag := w[2] == 1
		if math.Abs(*g.Share-w[0]) > 1e-12 || math.Abs(*g.Ratio-w[1]) > 1e-12 || g.Flag != flag {
			t.Errorf("%s=%s: share %v ratio %v flag %v, want %v %v %v", g.Attribute, g.Value, *g.Share, *g.Ratio, g.Flag, w[0], w[1], flag)
		}
		delete(want, g.Attribute+"="+g.Value)
	}
	for k := range want {
		t.Errorf("group %s missing", k)
	}
}

// TestTasksLedReport: in March 2025 A finished 1 task and B 3; C finished one in
// February (outside), and D finished one in March that was then reopened (not done).
//
//	quantities A=1 B=3 C=0 D=0, total 4, n = 4
//	bipoc_led=yes (A, C): membership 2/4 = 0.5, share 1/4, ratio 0.5 → flagged (centred < 0.8)
//	bipoc_led=no (B): membership 0.25, share 3/4, ratio 3 → flagged (advantaged > 1.25)
//	bipoc_led=not_said (D): share 0, ratio 0 → never flagged
//	Gini over [1,3,0,0]: Σᵢ Σⱼ |xᵢ−xⱼ| = 2·(2+1+1+3+3+0) = 20; 2·n²·mean = 2·16·1 = 32 → 0.625
//	Top 20 %: ⌈0.2·4⌉ = 1 member (B) holds 3 of 4 → 0.75
func TestTasksLedReport(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newEquityWorld(t, a)
		w.doneTask(t, "A", time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC))
		for d := 1; d <= 3; d++ {
			w.doneTask(t, "B", time.Date(2025, 3, 10*d, 10, 0, 0, 0, time.UTC))
		}
		w.doneTask(t, "C", time.Date(2025, 2, 28, 23, 59, 0, 0, time.UTC))
		reopened := w.doneTask(t, "D", time.Date(2025, 3, 15, 10, 0, 0, 0, time.UTC))
		if _, err := a.SetTaskStatus(ctx, w.coord, w.c.ID, reopened.ID, domain.TaskInProgress, reopened.Version); err != nil {
			t.Fatal(err)
		}
		from, to := march()
		rep, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionTasksLed, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Members != 4 || rep.Total != 4 {
			t.Fatalf("members %d total %v, want 4 and 4", rep.Members, rep.Total)
		}
		wantGroups(t, rep, map[string][3]float64{
			"bipoc_led=yes": {0.25, 0.5, 1}, "bipoc_led=no": {0.75, 3, 1}, "bipoc_led=not_said": {0, 0, 0},
		})
		if math.Abs(*rep.Concentration.Gini-0.625) > 1e-12 || math.Abs(*rep.Concentration.Top20Share-0.75) > 1e-12 {
			t.Errorf("concentration = %v / %v, want 0.625 / 0.75", *rep.Concentration.Gini, *rep.Concentration.Top20Share)
		}
		// Over all time C's February task counts too: total 5.
		all, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionTasksLed, nil, nil)
		if err != nil || all.Total != 5 {
			t.Errorf("all time: total %v, %v; want 5", all.Total, err)
		}
	})
}

// TestAttendanceReport: three meetings. On 4 March A (two people, counted once) and B
// attended; on 18 March A attended; on 1 April C attended (outside March).
//
//	quantities A=2 B=1 C=0 D=0, total 3, n = 4
//	bipoc_led=yes (A, C): membership 0.5, share 2/3, ratio 4/3 → not flagged (centred groups flag below 0.8)
//	bipoc_led=no (B): membership 0.25, share 1/3, ratio 4/3 → flagged (advantaged > 1.25)
//	most_impacted=yes (A): membership 0.25, share 2/3, ratio 8/3 → not flagged
//	Gini over [2,1,0,0]: Σᵢ Σⱼ |xᵢ−xⱼ| = 2·(1+2+2+1+1+0) = 14; 2·16·0.75 = 24 → 0.58333…
//	Top 20 %: 1 member (A) holds 2 of 3 → 0.6667
func TestAttendanceReport(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newEquityWorld(t, a)
		meet := func(day time.Time, orgs ...string) {
			m, err := a.CreateMeeting(ctx, w.coord, w.c.ID, app.MeetingInput{Title: "Meeting", Kind: domain.MeetingKindMeeting, StartsAt: day, EndsAt: day.Add(time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range orgs {
				if _, err := a.RecordAttendance(ctx, w.coord, w.c.ID, m.ID, app.AttendanceInput{OrganizationID: w.org[o]}); err != nil {
					t.Fatal(err)
				}
			}
		}
		meet(time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC), "A", "B")
		meet(time.Date(2025, 3, 18, 18, 0, 0, 0, time.UTC), "A")
		meet(time.Date(2025, 4, 1, 18, 0, 0, 0, time.UTC), "C")
		// A second person of A at the first meeting: one more record, not one more meeting.
		first, _ := a.Meetings(ctx, w.coord, w.c.ID, nil, nil)
		if err := a.DB().Write(ctx, func(tx *storeTx) error { return addPersonAttendance(ctx, tx, first[0].ID, w.org["A"]) }); err != nil {
			t.Fatal(err)
		}
		from, to := march()
		rep, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionAttendance, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Members != 4 || rep.Total != 3 {
			t.Fatalf("members %d total %v, want 4 and 3", rep.Members, rep.Total)
		}
		wantGroups(t, rep, map[string][3]float64{
			"bipoc_led=yes": {2.0 / 3, 4.0 / 3, 0}, "bipoc_led=no": {1.0 / 3, 4.0 / 3, 1}, "most_impacted=yes": {2.0 / 3, 8.0 / 3, 0},
		})
		if math.Abs(*rep.Concentration.Gini-14.0/24) > 1e-12 || math.Abs(*rep.Concentration.Top20Share-2.0/3) > 1e-12 {
			t.Errorf("concentration = %v / %v, want 0.5833 / 0.6667", *rep.Concentration.Gini, *rep.Concentration.Top20Share)
		}
		// Nobody attended in February: the figures are undefined, not 0.
		feb, feb2 := time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)
		empty, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionAttendance, &feb, &feb2)
		if err != nil || empty.Total != 0 || empty.Concentration.Gini != nil {
			t.Errorf("February: %+v, %v", empty, err)
		}
	})
}
