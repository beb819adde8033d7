package demo_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestDemoWork checks that every demo coalition has a year of meetings with attendance,
// tasks in several states with some overdue, workstreams the roles page flags, and
// commitments with records; and that the attendance and tasks_led reports have data.
func TestDemoWork(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a, u := seeded(t, db)
		page, err := a.Coalitions(ctx, u, "", 50)
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("coalitions: %v", err)
		}
		for _, c := range page.Items {
			ms, err := a.Meetings(ctx, u, c.ID, nil, nil)
			if err != nil || len(ms) != 12 {
				t.Fatalf("%s: %d meetings, %v", c.Name, len(ms), err)
			}
			if span := ms[11].StartsAt.Sub(ms[0].StartsAt); span < 300*24*time.Hour {
				t.Errorf("%s: meetings span %v, want about a year", c.Name, span)
			}
			tasks, err := a.Tasks(ctx, u, c.ID, app.TaskQuery{})
			if err != nil {
				t.Fatal(err)
			}
			status := map[string]int{}
			for _, task := range tasks {
				status[task.Status]++
			}
			if status[domain.TaskDone] == 0 || len(status) < 3 {
				t.Errorf("%s: task statuses %v, want done and others", c.Name, status)
			}
			ws, _ := a.Workstreams(ctx, u, c.ID)
			noLead, single := 0, 0
			for _, w := range ws {
				if len(w.Leads()) == 0 {
					noLead++
				}
				if w.Organizations() == 1 {
					single++
				}
			}
			if len(ws) != 4 || noLead == 0 || single == 0 {
				t.Errorf("%s: %d workstreams, %d without a lead, %d with one organization", c.Name, len(ws), noLead, single)
			}
			for _, d := range []string{domain.DimensionAttendance, domain.DimensionTasksLed} {
				rep, err := a.EquityReport(ctx, u, c.ID, d, nil, nil)
				if err != nil || rep.Total == 0 {
					t.Errorf("%s %s: total %v, %v", c.Name, d, rep.Total, err)
				}
			}
			cs, err := a.Commitments(ctx, u, c.ID)
			if err != nil || len(cs) == 0 || len(cs[0].Records) != 6 {
				t.Errorf("%s: commitments %d, %v", c.Name, len(cs), err)
			}
		}
	})
}
