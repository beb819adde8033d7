package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestBundle_InsertProposalsWritesClosedProposalsWithTheirStances checks the order an
// import needs: the database refuses a stance on a closed proposal, so InsertProposals
// writes it open, adds its stances, then closes it with the stored outcome, which then
// can no longer change.
func TestBundle_InsertProposalsWritesClosedProposalsWithTheirStances(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		c := createCoalition(t, db, "Clean Air")
		one, two := createOrganization(t, db, "Org One"), createOrganization(t, db, "Org Two")
		opened, closed := t0.Add(-72*time.Hour), t0.Add(-time.Hour)
		outcome := &domain.Outcome{Result: "winner", Winner: "opt-2", Tied: []string{},
			Counts: domain.OutcomeCounts{Eligible: 2, Required: 1, Participants: 2, Options: []domain.OptionTally{{Option: "opt-2", Votes: 2}}}}
		ps := []domain.Proposal{
			{ID: "p-closed", CoalitionID: c.ID, Title: "Slogan", Body: "Pick one.", Method: "poll_single", StancesBy: "organization", Quorum: 0.5,
				ClosesAt: closed, Status: "closed", CreatedAt: opened, OpenedAt: &opened, ClosedAt: &closed, Outcome: outcome, Version: 1,
				Options: []domain.ProposalOption{{ID: "opt-1", Position: 1, Label: "One"}, {ID: "opt-2", Position: 2, Label: "Two"}}},
			{ID: "p-draft", CoalitionID: c.ID, Title: "Dues", Body: "Later.", Method: "consent", StancesBy: "organization", Quorum: 1,
				ClosesAt: t0.Add(time.Hour), Status: "draft", CreatedAt: opened, Version: 1},
		}
		stances := []domain.Stance{
			{ID: "s-1", ProposalID: "p-closed", VoterID: one.ID, OrganizationID: one.ID, Choice: "opt-2", CreatedAt: opened, UpdatedAt: opened},
			{ID: "s-2", ProposalID: "p-closed", VoterID: two.ID, OrganizationID: two.ID, Choice: "opt-2", CreatedAt: opened, UpdatedAt: opened.Add(time.Minute)},
		}
		mustWrite(t, db, func(tx *store.Tx) error { return tx.InsertProposals(ctx, ps, stances) })
		mustRead(t, db, func(tx *store.Tx) error {
			p, err := tx.FindProposal(ctx, c.ID, "p-closed")
			if err != nil {
				return err
			}
			if p.Status != "closed" || p.ClosedAt == nil || !p.ClosedAt.Equal(closed) || !cmp.Equal(p.Outcome, outcome) || len(p.Options) != 2 {
				t.Errorf("closed proposal read back as %+v", p)
			}
			got, err := tx.ListCoalitionStances(ctx, c.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(stances, got); diff != "" {
				t.Errorf("stances (-written +read):\n%s", diff)
			}
			return nil
		})
		// Closed is final, also for an imported proposal.
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.PutStance(ctx, &domain.Stance{ProposalID: "p-closed", VoterID: "late", Choice: "opt-1"})
		})
		if err == nil {
			t.Errorf("a stance on an imported closed proposal was accepted")
		}
	})
}

// TestBundle_InsertWorkReadsBackAsWritten writes a meeting with its records, a win with
// credits in order and a stepping back that ended, and reads them back unchanged.
func TestBundle_InsertWorkReadsBackAsWritten(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		c := createCoalition(t, db, "Clean Air")
		one, two := createOrganization(t, db, "Org One"), createOrganization(t, db, "Org Two")
		m := createMembership(t, db, c.ID, one.ID)
		meeting := domain.Meeting{ID: "mt-1", CoalitionID: c.ID, Title: "Assembly", Kind: "event", StartsAt: t0, EndsAt: t0.Add(time.Hour),
			TimeZone: "UTC", Languages: []string{"English"}, Version: 1, CreatedAt: t0, UpdatedAt: t0,
			Agenda: []domain.AgendaItem{{ID: "ag-1", Position: 1, Title: "Welcome", Minutes: 5}, {ID: "ag-2", Position: 2, Title: "Vote"}}}
		win := domain.Win{ID: "w-1", CoalitionID: c.ID, Date: "2025-02-01", Title: "Won", Kind: "policy", Size: "major", Version: 1,
			CreatedAt: t0, UpdatedAt: t0, Credits: []domain.Credit{{OrganizationID: two.ID, Weight: 2.5}, {OrganizationID: one.ID, Weight: 0}}}
		ended := t0.Add(48 * time.Hour)
		back := domain.SteppingBack{ID: "sb-1", CoalitionID: c.ID, MembershipID: m.ID, OrganizationID: one.ID, Scope: "role",
			Reason: "capacity", StartsAt: t0, EndedAt: &ended}
		mustWrite(t, db, func(tx *store.Tx) error {
			if err := tx.InsertMeetings(ctx, []domain.Meeting{meeting}); err != nil {
				return err
			}
			if err := tx.InsertDecisions(ctx, []domain.Decision{{ID: "d-1", MeetingID: "mt-1", Text: "Go.", CreatedAt: t0}}); err != nil {
				return err
			}
			if err := tx.InsertTurnout(ctx, []domain.Turnout{{MeetingID: "mt-1", OrganizationID: two.ID, People: 7}}); err != nil {
				return err
			}
			if err := tx.InsertWins(ctx, []domain.Win{win}); err != nil {
				return err
			}
			return tx.InsertSteppingBacks(ctx, []domain.SteppingBack{back})
		})
		mustRead(t, db, func(tx *store.Tx) error {
			recs, err := tx.ListMeetingRecords(ctx, c.ID)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(meeting.Agenda, recs.Agenda["mt-1"]); diff != "" || len(recs.Decisions) != 1 || len(recs.Turnout) != 1 || recs.Turnout[0].People != 7 {
				t.Errorf("meeting records = %+v (agenda diff %s)", recs, diff)
			}
			w, err := tx.FindWin(ctx, c.ID, "w-1")
			if err != nil {
				return err
			}
			if len(w.Credits) != 2 || w.Credits[0].OrganizationID != two.ID || w.Credits[0].Weight != 2.5 {
				t.Errorf("credits = %+v, want org two (2.5) first", w.Credits)
			}
			s, err := tx.FindSteppingBack(ctx, c.ID, "sb-1")
			if err != nil {
				return err
			}
			if s.EndedAt == nil || !s.EndedAt.Equal(ended) {
				t.Errorf("stepping back ended at %v, want %v", s.EndedAt, ended)
			}
			return nil
		})
	})
}
