package app_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestSpeakingQueue_FirstComeAndLive checks the first-come order a coalition can choose,
// and that a watcher hears of every change with the queue's version.
func TestSpeakingQueue_FirstComeAndLive(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		m := w.meeting(t, domain.MeetingKindMeeting)
		c, mid := w.c.ID, m.ID
		if _, err := a.SetVoice(ctx, w.coord, c, domain.VoiceSettings{StancesBy: "organization", QueueOrder: "first_come"}); err != nil {
			t.Fatal(err)
		}
		_, _, err := a.WatchSpeakingQueue(ctx, nil, c, mid)
		wantCode(t, err, domain.EUNAUTHORIZED)
		_, _, err = a.WatchSpeakingQueue(ctx, w.coord, w.other.ID, mid)
		wantCode(t, err, domain.ENOTFOUND)
		watch, first, err := a.WatchSpeakingQueue(ctx, w.rep, c, mid)
		if err != nil {
			t.Fatal(err)
		}
		defer watch.Close()
		if first.Status != "none" {
			t.Fatalf("before opening: %+v", first)
		}
		next := func() app.QueueEvent {
			t.Helper()
			select {
			case msg := <-watch.C:
				ev, err := watch.Event(ctx, msg)
				if err != nil {
					t.Fatal(err)
				}
				return ev
			case <-time.After(2 * time.Second):
				t.Fatal("no event within 2 s")
			}
			return app.QueueEvent{}
		}
		clk := newClock(a, w.start)
		q, err := a.OpenSpeakingQueue(ctx, w.coord, c, mid)
		if err != nil {
			t.Fatal(err)
		}
		if ev := next(); ev.Status != "open" || ev.Version != q.Version {
			t.Fatalf("open event %+v, queue version %d", ev, q.Version)
		}
		// First come: the centred Tenants United raised last and stays last.
		a.RaiseHand(ctx, w.rep2, c, mid, w.m2.OrganizationID)
		next()
		clk.set(w.start.Add(time.Second))
		q, _, _ = a.RaiseHand(ctx, w.rep, c, mid, w.m1.OrganizationID)
		if ev := next(); ev.Version != q.Version {
			t.Fatalf("raise event %+v, version %d", ev, q.Version)
		}
		if got := names(q); got != "Legal Aid rep, Tenants United rep" {
			t.Fatalf("first-come order %q", got)
		}
		q, _ = a.CloseSpeakingQueue(ctx, w.coord, c, mid)
		if ev := next(); ev.Status != "closed" || ev.Version != q.Version {
			t.Fatalf("close event %+v", ev)
		}
	})
}

// TestSpeakingQueue_ConcurrentRaises raises 20 hands at once: each lands exactly once,
// and the version counts every change.
func TestSpeakingQueue_ConcurrentRaises(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		m := w.meeting(t, domain.MeetingKindMeeting)
		q0, err := a.OpenSpeakingQueue(ctx, w.coord, w.c.ID, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		var users []*domain.User
		for i := 0; i < 20; i++ {
			u, _ := join(t, a, w.coord, w.c, fmt.Sprintf("Org %d", i), fmt.Sprintf("p%d@example.org", i), domain.RoleMember, false)
			users = append(users, u)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 2*len(users))
		for _, u := range users {
			for range 2 { // a double tap
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						_, _, err := a.RaiseHand(ctx, u, w.c.ID, m.ID, "")
						if domain.ErrorCode(err) == domain.ECONFLICT { // busy database: try again
							continue
						}
						errs <- err
						return
					}
				}()
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		q, err := a.SpeakingQueue(ctx, w.coord, w.c.ID, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(q.Hands) != 20 || q.Version != q0.Version+40 {
			t.Fatalf("%d hands, version %d (opened at %d)", len(q.Hands), q.Version, q0.Version)
		}
	})
}
