package app_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// clock lets a test set the time every transaction sees.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }
func (c *clock) get() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func newClock(a *app.App, t time.Time) *clock {
	c := &clock{now: t}
	a.DB().Now = c.get
	return c
}

// names lists the queue's hands in order.
func names(q *domain.SpeakingQueue) string {
	var out []string
	for _, h := range q.Hands {
		out = append(out, h.Name)
	}
	return strings.Join(out, ", ")
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// TestSpeakingQueue_ProgressiveStack runs a meeting's queue from opening to closing,
// checking the order, the turns and their seconds at each step.
func TestSpeakingQueue_ProgressiveStack(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		m := w.meeting(t, domain.MeetingKindMeeting)
		clk := newClock(a, w.start)
		at := func(sec int) { clk.set(w.start.Add(time.Duration(sec) * time.Second)) }
		ok := must[*domain.SpeakingQueue](t)
		// Tenants United (rep) is flagged most impacted, so centred; Legal Aid (rep2) is not.
		c, mid := w.c.ID, m.ID

		_, _, err := a.RaiseHand(ctx, w.rep, c, mid, "")
		wantCode(t, err, domain.ENOTFOUND) // no queue yet
		_, err = a.OpenSpeakingQueue(ctx, w.rep, c, mid)
		wantCode(t, err, domain.EFORBIDDEN) // a member is not a facilitator
		q := ok(a.OpenSpeakingQueue(ctx, w.coord, c, mid))
		if q.Status != domain.QueueOpen || q.Order != "progressive" {
			t.Fatalf("opened %+v", q)
		}
		_, err = a.OpenSpeakingQueue(ctx, w.coord, c, mid)
		wantCode(t, err, domain.ECONFLICT)

		at(0)
		q, raised, err := a.RaiseHand(ctx, w.rep2, c, mid, w.m2.OrganizationID)
		if err != nil || !raised {
			t.Fatal(raised, err)
		}
		at(1)
		q, _, _ = a.RaiseHand(ctx, w.coord, c, mid, "")
		at(2)
		_, _, err = a.RaiseHand(ctx, w.rep, c, mid, w.m2.OrganizationID)
		wantCode(t, err, domain.EINVALID) // not an organization rep represents
		q, _, _ = a.RaiseHand(ctx, w.rep, c, mid, w.m1.OrganizationID)
		// Nobody has spoken: the centred Tenants United first, then by time.
		if got := names(q); got != "Tenants United rep, Legal Aid rep, coord@example.org" {
			t.Fatalf("order %q", got)
		}
		// A second raise is idempotent: nothing moves.
		at(3)
		q, raised, err = a.RaiseHand(ctx, w.rep2, c, mid, "")
		if err != nil || raised || names(q) != "Tenants United rep, Legal Aid rep, coord@example.org" {
			t.Fatalf("second raise: raised=%v err=%v order %q", raised, err, names(q))
		}

		_, err = a.CallNextSpeaker(ctx, w.rep2, c, mid)
		wantCode(t, err, domain.EFORBIDDEN)
		at(10)
		q = ok(a.CallNextSpeaker(ctx, w.coord, c, mid))
		if q.Speaking == nil || q.Speaking.Name != "Tenants United rep" || names(q) != "Legal Aid rep, coord@example.org" {
			t.Fatalf("after call: speaking %+v, order %q", q.Speaking, names(q))
		}
		// Tenants United raises again: having spoken, it goes after those who have not.
		at(20)
		q, _, _ = a.RaiseHand(ctx, w.rep, c, mid, w.m1.OrganizationID)
		if got := names(q); got != "Legal Aid rep, coord@example.org, Tenants United rep" {
			t.Fatalf("order after speaking %q", got)
		}
		at(70) // Tenants United spoke 60 s
		q = ok(a.CallNextSpeaker(ctx, w.coord, c, mid))
		if q.Speaking.Name != "Legal Aid rep" || len(q.Turns) != 2 || q.Turns[0].Seconds != 60 {
			t.Fatalf("second call: %+v turns %+v", q.Speaking, q.Turns)
		}
		// The facilitator moves Tenants United to the front, overriding the stack.
		_, err = a.MoveHand(ctx, w.rep, c, mid, q.Hands[1].UserID, 1)
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.MoveHand(ctx, w.coord, c, mid, "nope", 1)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.MoveHand(ctx, w.coord, c, mid, q.Hands[1].UserID, 0)
		wantCode(t, err, domain.EINVALID)
		q = ok(a.MoveHand(ctx, w.coord, c, mid, q.Hands[1].UserID, 1))
		if names(q) != "Tenants United rep, coord@example.org" || q.Hands[0].PinnedPosition == nil || *q.Hands[0].PinnedPosition != 1 {
			t.Fatalf("after move: %q %+v", names(q), q.Hands[0])
		}
		at(100) // Legal Aid spoke 30 s
		q = ok(a.CallNextSpeaker(ctx, w.coord, c, mid))
		if q.Speaking.Name != "Tenants United rep" || names(q) != "coord@example.org" {
			t.Fatalf("third call: %+v %q", q.Speaking, names(q))
		}
		q = ok(a.LowerHand(ctx, w.coord, c, mid))
		q = ok(a.LowerHand(ctx, w.coord, c, mid)) // lowering again changes nothing
		if len(q.Hands) != 0 {
			t.Fatalf("hands after lowering %q", names(q))
		}
		q, _, _ = a.RaiseHand(ctx, w.rep2, c, mid, "")
		_, err = a.RemoveHand(ctx, w.rep2, c, mid, q.Hands[0].UserID)
		wantCode(t, err, domain.EFORBIDDEN)
		q = ok(a.RemoveHand(ctx, w.coord, c, mid, q.Hands[0].UserID))
		if len(q.Hands) != 0 {
			t.Fatal("hand not removed")
		}
		at(120) // Tenants United spoke 20 s more
		q = ok(a.CloseSpeakingQueue(ctx, w.coord, c, mid))
		if q.Status != domain.QueueClosed || q.Speaking != nil || len(q.Turns) != 3 || q.Turns[2].Seconds != 20 {
			t.Fatalf("closed %+v turns %+v", q, q.Turns)
		}
		// A closed queue takes no action.
		_, _, err = a.RaiseHand(ctx, w.rep, c, mid, "")
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.CallNextSpeaker(ctx, w.coord, c, mid)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.CloseSpeakingQueue(ctx, w.coord, c, mid)
		wantCode(t, err, domain.ENOTFOUND)
		// Another coalition's meeting does not exist here.
		_, err = a.SpeakingQueue(ctx, w.coord, w.other.ID, mid)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.OpenSpeakingQueue(ctx, w.coord, w.other.ID, mid)
		wantCode(t, err, domain.ENOTFOUND)

		// Reopened, the queue remembers who spoke: Tenants United after Legal Aid... both
		// spoke, so the centred Tenants United first.
		q = ok(a.OpenSpeakingQueue(ctx, w.coord, c, mid))
		at(130)
		a.RaiseHand(ctx, w.rep2, c, mid, w.m2.OrganizationID)
		at(131)
		q, _, _ = a.RaiseHand(ctx, w.rep, c, mid, w.m1.OrganizationID)
		if got := names(q); got != "Tenants United rep, Legal Aid rep" || !q.Hands[0].HasSpoken || !q.Hands[0].Centred {
			t.Fatalf("reopened order %q %+v", got, q.Hands)
		}
		if len(q.Turns) != 3 {
			t.Fatalf("turns after reopening %d", len(q.Turns))
		}

		// Speaking time in the equity report: Tenants United 60 + 20 = 80 s, Legal Aid 30 s;
		// the coordinator spoke for no organization and is not counted.
		rep, err := a.EquityReport(ctx, w.coord, c, domain.DimensionSpeakingTime, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Total != 110 {
			t.Fatalf("total %v, want 110", rep.Total)
		}
		for _, o := range rep.Organizations {
			want := map[string]float64{w.m1.OrganizationID: 80, w.m2.OrganizationID: 30}[o.OrganizationID]
			if o.Quantity != want {
				t.Errorf("%s spoke %v s, want %v", o.OrganizationID, o.Quantity, want)
			}
		}
		for _, g := range rep.Groups {
			// most_impacted=yes is Tenants United alone: share 80/110, one of two members.
			if g.Attribute == "most_impacted" && g.Value == "yes" && (g.Share == nil || *g.Share != 80.0/110 || g.MembershipShare != 0.5) {
				t.Errorf("most impacted group %+v", g)
			}
		}
		// A period that excludes the meeting has no speaking time.
		later := w.start.Add(24 * time.Hour)
		rep, _ = a.EquityReport(ctx, w.coord, c, domain.DimensionSpeakingTime, &later, nil)
		if rep.Total != 0 {
			t.Errorf("later period total %v", rep.Total)
		}

		// On the meeting page: both attended, so each has half the attendance; Tenants
		// United (most impacted, BIPOC-led not said) has 80/110 of the speaking time.
		for _, o := range []string{w.m1.OrganizationID, w.m2.OrganizationID} {
			if _, err := a.RecordAttendance(ctx, w.coord, c, mid, app.AttendanceInput{OrganizationID: o}); err != nil {
				t.Fatal(err)
			}
		}
		shares, err := a.MeetingSpeakingTime(ctx, w.rep2, c, mid)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, s := range shares {
			got[s.Attribute+"="+s.Group] = fmtShare(s)
		}
		want := map[string]string{"bipoc_led=not_said": "110 1.000 1.000", "most_impacted=yes": "80 0.727 0.500", "most_impacted=no": "30 0.273 0.500"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %q, want %q (all %v)", k, got[k], v, got)
			}
		}
		if len(got) != len(want) {
			t.Errorf("groups %v, want %v", got, want)
		}
	})
}

func fmtShare(s domain.SpeakingShare) string {
	f := func(p *float64) string {
		if p == nil {
			return "nil"
		}
		return fmt.Sprintf("%.3f", *p)
	}
	return fmt.Sprintf("%d %s %s", s.Seconds, f(s.SpeakingShare), f(s.AttendanceShare))
}
