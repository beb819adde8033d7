package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestTensionProcess carries a tension through its states on each database: who sees it,
// who moves it, going back without a reason, widening only with every party's agreement.
func TestTensionProcess(t *testing.T) {
	storeEach(t, func(t *testing.T, a *app.App, db *store.DB) {
		h := newHealthCoalition(t, a)
		facil := mustUser(t, a, "facil@example.org", false)
		observer := mustUser(t, a, "observer@example.org", false)
		if err := db.Write(ctx, func(tx *store.Tx) error {
			if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: h.c.ID, UserID: facil.ID, Role: domain.AccessFacilitator}); err != nil {
				return err
			}
			return tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: h.c.ID, UserID: observer.ID, Role: domain.AccessObserver})
		}); err != nil {
			t.Fatal(err)
		}
		// b0 names a tension between its organization and n0 (a person).
		_, err := a.RaiseTension(ctx, h.b[0], h.c.ID, app.NewTension{Title: "Budget talks", Description: "We were left out.", Kind: "resources"})
		wantCode(t, err, domain.EINVALID) // no party
		_, err = a.RaiseTension(ctx, h.b[0], h.c.ID, app.NewTension{Title: "Budget talks", Description: "x", Kind: "resources", OrganizationIDs: []string{"someone-else"}})
		wantCode(t, err, domain.EINVALID) // not a member
		tn, err := a.RaiseTension(ctx, h.b[0], h.c.ID, app.NewTension{Title: "Budget talks", Description: "We were left out.", Kind: "resources",
			OrganizationIDs: []string{h.bm[0].OrganizationID}, PersonIDs: []string{h.n[0].ID}})
		if err != nil {
			t.Fatal(err)
		}
		sees := func(u *domain.User) bool {
			t.Helper()
			list, err := a.Tensions(ctx, u, h.c.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, derr := a.Tension(ctx, u, h.c.ID, tn.ID)
			if (len(list) == 1) != (derr == nil) {
				t.Fatalf("list and detail disagree for %s: %d, %v", u.Email, len(list), derr)
			}
			if derr != nil {
				wantCode(t, derr, domain.ENOTFOUND)
			}
			return derr == nil
		}
		for _, c := range []struct {
			who  *domain.User
			want bool
		}{{h.b[0], true}, {h.n[0], true}, {facil, true}, {h.coord, false}, {observer, false}, {h.b[1], false}, {h.n[1], false}} {
			if got := sees(c.who); got != c.want {
				t.Errorf("%s sees the tension: %v, want %v", c.who.Email, got, c.want)
			}
		}

		// Only facilitators move it; the raiser may withdraw; backwards needs a reason.
		_, err = a.MoveTension(ctx, h.n[0], h.c.ID, tn.ID, domain.TensionAcknowledged, "")
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.MoveTension(ctx, h.coord, h.c.ID, tn.ID, domain.TensionAcknowledged, "")
		wantCode(t, err, domain.ENOTFOUND)
		for _, s := range []string{domain.TensionAcknowledged, domain.TensionInDialogue, domain.TensionAgreement} {
			if _, err := a.MoveTension(ctx, facil, h.c.ID, tn.ID, s, ""); err != nil {
				t.Fatalf("move to %s: %v", s, err)
			}
		}
		_, err = a.MoveTension(ctx, facil, h.c.ID, tn.ID, domain.TensionInDialogue, "  ")
		wantCode(t, err, domain.EINVALID)
		_, err = a.MoveTension(ctx, facil, h.c.ID, tn.ID, domain.TensionAgreement, "")
		wantCode(t, err, domain.EINVALID) // already there
		_, err = a.MoveTension(ctx, facil, h.c.ID, tn.ID, "stuck", "")
		wantCode(t, err, domain.EINVALID)
		if _, err := a.MoveTension(ctx, facil, h.c.ID, tn.ID, domain.TensionInDialogue, "The agreement did not hold."); err != nil {
			t.Fatal(err)
		}
		if _, err := a.AddTensionEntry(ctx, facil, h.c.ID, tn.ID, domain.EntryAgreement, "Budget shared at every meeting."); err != nil {
			t.Fatal(err)
		}
		_, err = a.AddTensionEntry(ctx, h.n[0], h.c.ID, tn.ID, domain.EntryAgreement, "Mine")
		wantCode(t, err, domain.EFORBIDDEN) // parties add notes, facilitators agreements
		if _, err := a.AddTensionEntry(ctx, h.n[0], h.c.ID, tn.ID, domain.EntryNote, "Thank you."); err != nil {
			t.Fatal(err)
		}
		_, err = a.SetTensionFacilitation(ctx, facil, h.c.ID, tn.ID, app.Facilitation{FacilitatorID: h.b[1].ID})
		wantCode(t, err, domain.EINVALID) // not a facilitator or coordinator
		if _, err := a.SetTensionFacilitation(ctx, facil, h.c.ID, tn.ID, app.Facilitation{FacilitatorID: h.coord.ID, FollowUpOn: "2026-12-01"}); err != nil {
			t.Fatal(err)
		}
		if !sees(h.coord) {
			t.Error("the assigned facilitator does not see the tension")
		}
		_, err = a.SetTensionFacilitation(ctx, facil, h.c.ID, tn.ID, app.Facilitation{FollowUpOn: "next week"})
		wantCode(t, err, domain.EINVALID)

		// Widening needs both parties' agreement.
		_, err = a.SetTensionVisibility(ctx, facil, h.c.ID, tn.ID, domain.VisibilityCoalition)
		wantCode(t, err, domain.ECONFLICT)
		if _, err := a.AgreeToWiden(ctx, h.b[0], h.c.ID, tn.ID, true); err != nil {
			t.Fatal(err)
		}
		_, err = a.AgreeToWiden(ctx, facil, h.c.ID, tn.ID, true)
		wantCode(t, err, domain.EFORBIDDEN) // not a party
		_, err = a.SetTensionVisibility(ctx, facil, h.c.ID, tn.ID, domain.VisibilityCoalition)
		wantCode(t, err, domain.ECONFLICT)
		if _, err := a.AgreeToWiden(ctx, h.n[0], h.c.ID, tn.ID, true); err != nil {
			t.Fatal(err)
		}
		_, err = a.SetTensionVisibility(ctx, h.b[0], h.c.ID, tn.ID, domain.VisibilityCoalition)
		wantCode(t, err, domain.EFORBIDDEN)
		if _, err := a.SetTensionVisibility(ctx, facil, h.c.ID, tn.ID, domain.VisibilityCoalition); err != nil {
			t.Fatal(err)
		}
		if !sees(observer) || !sees(h.b[1]) {
			t.Error("a widened tension is not seen by the coalition")
		}
		item, _ := a.Tension(ctx, observer, h.c.ID, tn.ID)
		if item.Access.Take || item.Access.Facilitate {
			t.Errorf("a reader of a widened tension may act: %+v", item.Access)
		}
		// The raiser withdraws it; the history has every step, dated.
		if _, err := a.MoveTension(ctx, h.b[0], h.c.ID, tn.ID, domain.TensionWithdrawn, ""); err != nil {
			t.Fatal(err)
		}
		item, _ = a.Tension(ctx, facil, h.c.ID, tn.ID)
		// raised, acknowledged, in dialogue, agreement, back to dialogue, an agreement, a
		// note, facilitation, two agreements to widen, widened, withdrawn: 12 entries.
		if item.State != domain.TensionWithdrawn || len(item.Entries) != 12 {
			t.Errorf("state %s with %d entries, want withdrawn with 12", item.State, len(item.Entries))
		}
		// Nothing of it reaches the coalition's audit log, which every member reads.
		entries, err := a.AuditLog(ctx, h.b[1], h.c.ID, 0, 200)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.SubjectType == "tension" || e.SubjectID == tn.ID {
				t.Errorf("audit log names the tension: %+v", e)
			}
		}
	})
}

func storeEach(t *testing.T, fn func(t *testing.T, a *app.App, db *store.DB)) {
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, newApp(t, db), db) })
}
