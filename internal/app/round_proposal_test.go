package app_test

import (
	"slices"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestRound_DecidedByProposal: a round the coalition decides opens a majority proposal;
// no one can approve it by hand; when the proposal passes (2 of 2 organizations agree)
// the round is approved and its allocations reach the ledger approved by the two voters;
// a second round whose proposal fails (1 agree, 1 disagree: not more than half) is
// declined and writes nothing.
func TestRound_DecidedByProposal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		w := newMoneyWorld(t, db)
		w.record(t, app.EntryInput{Kind: "received", Amount: 100_000, Memo: "Grant"})
		members := []string{w.m1.OrganizationID, w.m2.OrganizationID}
		open := func(title string) *domain.AllocationRound {
			t.Helper()
			r, err := w.a.OpenRound(ctx, w.coord, w.c.ID, app.RoundInput{FundID: w.fund.ID, Title: title, Amount: 30_000, Method: "equal",
				Members: members, Decision: app.DecisionProposal, ProposalMethod: "majority", ProposalClosesAt: now.Add(48 * time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		// Bad decisions are refused.
		_, err := w.a.OpenRound(ctx, w.coord, w.c.ID, app.RoundInput{FundID: w.fund.ID, Title: "x", Amount: 1_000, Method: "equal", Members: members,
			Decision: app.DecisionProposal, ProposalMethod: "poll_ranked", ProposalClosesAt: now.Add(time.Hour)})
		wantFieldError(t, err, "proposal_method")
		_, err = w.a.OpenRound(ctx, w.coord, w.c.ID, app.RoundInput{FundID: w.fund.ID, Title: "x", Amount: 1_000, Method: "equal", Members: members,
			Decision: app.DecisionProposal, ProposalClosesAt: now.Add(-time.Hour)})
		wantFieldError(t, err, "proposal_closes_at")
		_, err = w.a.OpenRound(ctx, w.coord, w.c.ID, app.RoundInput{FundID: w.fund.ID, Title: "x", Amount: 1_000, Method: "equal", Members: members,
			Decision: "vibes"})
		wantFieldError(t, err, "decision")

		passing, failing := open("Spring stipends"), open("Summer stipends")
		if passing.ProposalID == "" || passing.Decision != app.DecisionProposal {
			t.Fatalf("round = %+v", passing)
		}
		_, err = w.a.ApproveRound(ctx, w.coord, w.c.ID, passing.ID)
		wantCode(t, err, domain.ECONFLICT)
		stance := func(rep *domain.User, r *domain.AllocationRound, position string) {
			t.Helper()
			if _, err := w.a.TakeStance(ctx, rep, w.c.ID, r.ProposalID, app.StanceInput{Position: position}); err != nil {
				t.Fatal(err)
			}
		}
		stance(w.rep1, passing, "agree")
		stance(w.rep2, passing, "agree")
		stance(w.rep1, failing, "agree")
		stance(w.rep2, failing, "disagree")

		now = now.Add(72 * time.Hour)
		for _, r := range []*domain.AllocationRound{passing, failing} {
			if _, err := w.a.Proposal(ctx, w.coord, w.c.ID, r.ProposalID); err != nil { // closes it by the clock
				t.Fatal(err)
			}
		}
		got, err := w.a.Round(ctx, w.coord, w.c.ID, passing.ID)
		if err != nil || got.Round.Status != domain.RoundApproved || got.Round.ApprovedBy != "proposal:"+passing.ProposalID {
			t.Fatalf("passing round: %+v, %v", got, err)
		}
		detail, err := w.a.Fund(ctx, w.coord, w.c.ID, w.fund.ID)
		if err != nil || !detail.Chain.Intact {
			t.Fatalf("fund: %+v, %v", detail, err)
		}
		allocated := 0
		for _, e := range detail.Entries {
			if e.Kind == "allocated" {
				allocated++
				if e.Amount != 15_000 || !slices.Contains(e.ApprovedBy, w.m1.OrganizationID) || !slices.Contains(e.ApprovedBy, w.m2.OrganizationID) {
					t.Errorf("allocation %+v", e)
				}
			}
		}
		if allocated != 2 {
			t.Errorf("%d allocations written, want 2 (30,000 split equally)", allocated)
		}
		got, err = w.a.Round(ctx, w.coord, w.c.ID, failing.ID)
		if err != nil || got.Round.Status != domain.RoundDeclined {
			t.Errorf("failing round: %+v, %v", got, err)
		}
	})
}
