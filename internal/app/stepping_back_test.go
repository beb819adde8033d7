package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestSteppingBack: an organization steps back from the coalition and is left out of the
// quorum while it lasts; it comes back and counts again.
func TestSteppingBack(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 4)
		in := app.SteppingBackInput{Scope: "coalition", Reason: "capacity", Note: "Our organizer is on leave."}
		_, err := a.StepBack(ctx, w.coord, w.c.ID, in)
		wantCode(t, err, domain.EFORBIDDEN) // represents no organization
		_, err = a.StepBack(ctx, w.reps[3], w.c.ID, app.SteppingBackInput{Scope: "coalition", Reason: "tired"})
		wantCode(t, err, domain.EINVALID)
		past := w.now.Add(-time.Hour)
		_, err = a.StepBack(ctx, w.reps[3], w.c.ID, app.SteppingBackInput{Scope: "coalition", Reason: "capacity", Until: &past})
		wantCode(t, err, domain.EINVALID)
		sb, err := a.StepBack(ctx, w.reps[3], w.c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.StepBack(ctx, w.reps[3], w.c.ID, in)
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.StepBack(ctx, w.reps[0], w.c.ID, app.SteppingBackInput{OrganizationID: w.members[3].OrganizationID, Scope: "role", Reason: "other"})
		wantCode(t, err, domain.EFORBIDDEN)

		// Quorum ⌈0.5 × 3⌉ = 2 with org 4 left out; orgs 1 and 2 agree: passed.
		p := w.propose(t, "majority", 0.5)
		w.stance(t, p, 0, pos("agree"))
		w.stance(t, p, 1, pos("agree"))
		_, err = a.TakeStance(ctx, w.reps[3], w.c.ID, p.ID, pos("disagree"))
		wantCode(t, err, domain.ECONFLICT) // stepping back: no stance while it lasts
		o := w.closeByClock(t, p).Outcome
		if o.Counts.Eligible != 3 || o.Result != "passed" {
			t.Fatalf("outcome %+v", o)
		}
		list, err := a.SteppingBacks(ctx, w.reps[0], w.c.ID)
		if err != nil || len(list) != 1 || list[0].Organization == "" || list[0].Note != "Our organizer is on leave." {
			t.Fatalf("list %+v (%v)", list, err)
		}
		_, err = a.ComeBack(ctx, w.reps[0], w.c.ID, sb.ID)
		wantCode(t, err, domain.EFORBIDDEN)
		if _, err := a.ComeBack(ctx, w.reps[3], w.c.ID, sb.ID); err != nil {
			t.Fatal(err)
		}
		_, err = a.ComeBack(ctx, w.coord, w.c.ID, sb.ID)
		wantCode(t, err, domain.ECONFLICT)
		*w.now = voiceT0
		p = w.propose(t, "majority", 0.5)
		o = w.closeByClock(t, p).Outcome
		if o.Counts.Eligible != 4 {
			t.Errorf("after coming back: %d eligible, want 4", o.Counts.Eligible)
		}
	})
}

// TestSteppingBack_FromWorkstream: an organization steps back from one workstream it
// holds a seat in, not from one where it has none nor from another coalition's; the list
// names the workstream; it may step back from a second workstream at the same time.
func TestSteppingBack_FromWorkstream(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		if _, err := a.AddSeat(ctx, w.coord, w.c.ID, w.ws.ID, app.Seat{OrganizationID: w.m1.OrganizationID, Role: domain.RoleLead}); err != nil {
			t.Fatal(err)
		}
		research, err := a.CreateWorkstream(ctx, w.coord, w.c.ID, app.WorkstreamText{Name: "Research"})
		if err != nil {
			t.Fatal(err)
		}
		in := app.SteppingBackInput{Scope: "workstream", Reason: "capacity"}
		_, err = a.StepBack(ctx, w.rep, w.c.ID, in)
		wantFieldError(t, err, "workstream_id")
		in.WorkstreamID = research.ID
		_, err = a.StepBack(ctx, w.rep, w.c.ID, in)
		wantFieldError(t, err, "workstream_id") // no seat there
		in.WorkstreamID = "nope"
		_, err = a.StepBack(ctx, w.rep, w.c.ID, in)
		wantFieldError(t, err, "workstream_id")
		in.WorkstreamID = w.ws.ID
		sb, err := a.StepBack(ctx, w.rep, w.c.ID, in)
		if err != nil || sb.WorkstreamID != w.ws.ID {
			t.Fatalf("step back: %+v, %v", sb, err)
		}
		_, err = a.StepBack(ctx, w.rep, w.c.ID, in)
		wantCode(t, err, domain.ECONFLICT)
		if _, err := a.AddSeat(ctx, w.coord, w.c.ID, research.ID, app.Seat{OrganizationID: w.m1.OrganizationID, Role: domain.RoleWorkstreamMember}); err != nil {
			t.Fatal(err)
		}
		in.WorkstreamID = research.ID
		if _, err := a.StepBack(ctx, w.rep, w.c.ID, in); err != nil {
			t.Fatalf("a second workstream: %v", err)
		}
		list, err := a.SteppingBacks(ctx, w.rep2, w.c.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("list: %+v, %v", list, err)
		}
		names := map[string]bool{list[0].Workstream: true, list[1].Workstream: true}
		if !names["Lobbying"] || !names["Research"] {
			t.Errorf("workstream names = %v", names)
		}
		// A coalition-scoped stepping back drops the workstream.
		sb, err = a.StepBack(ctx, w.rep2, w.c.ID, app.SteppingBackInput{Scope: "coalition", Reason: "other", WorkstreamID: w.ws.ID})
		if err != nil || sb.WorkstreamID != "" {
			t.Errorf("coalition scope kept a workstream: %+v, %v", sb, err)
		}
	})
}
