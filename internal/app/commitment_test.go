package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

func TestCommitments_RecordsAndTally(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		_, err := a.CreateCommitment(ctx, w.coord, w.c.ID, app.CommitmentInput{MembershipID: w.otherM.ID, Text: "Two meetings a month"})
		wantCode(t, err, domain.EINVALID) // another coalition's membership
		_, err = a.CreateCommitment(ctx, w.rep, w.c.ID, app.CommitmentInput{MembershipID: w.m1.ID, Text: "Two meetings a month"})
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.CreateCommitment(ctx, w.coord, w.c.ID, app.CommitmentInput{MembershipID: w.m1.ID, Text: ""})
		wantCode(t, err, domain.EINVALID)
		c, err := a.CreateCommitment(ctx, w.coord, w.c.ID, app.CommitmentInput{MembershipID: w.m1.ID, Text: "Send someone to two meetings a month", AgreedOn: "2025-01-15"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.RecordCommitment(ctx, w.coord, w.c.ID, c.ID, app.CommitmentRecordInput{PeriodStart: "2025-03-31", PeriodEnd: "2025-03-01"})
		wantCode(t, err, domain.EINVALID)
		for _, r := range []app.CommitmentRecordInput{
			{PeriodStart: "2025-01-01", PeriodEnd: "2025-01-31", Kept: true},
			{PeriodStart: "2025-02-01", PeriodEnd: "2025-02-28", Kept: false, Note: "Staff out sick"},
			{PeriodStart: "2025-03-01", PeriodEnd: "2025-03-31", Kept: true},
		} {
			if _, err := a.RecordCommitment(ctx, w.coord, w.c.ID, c.ID, r); err != nil {
				t.Fatal(err)
			}
		}
		_, err = a.RecordCommitment(ctx, w.coord, w.c.ID, c.ID, app.CommitmentRecordInput{PeriodStart: "2025-03-01", PeriodEnd: "2025-03-31"})
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.RecordCommitment(ctx, w.coord, w.other.ID, c.ID, app.CommitmentRecordInput{PeriodStart: "2025-04-01", PeriodEnd: "2025-04-30"})
		wantCode(t, err, domain.ENOTFOUND)
		list, err := a.Commitments(ctx, w.rep, w.c.ID)
		if err != nil || len(list) != 1 || len(list[0].Records) != 3 || list[0].Records[0].PeriodStart != "2025-03-01" {
			t.Fatalf("commitments = %+v, %v", list, err)
		}
		if got := app.Tally(list[0]); got != (app.CommitmentTally{Kept: 2, Recorded: 3}) {
			t.Errorf("tally = %+v, want 2 kept of 3", got)
		}
	})
}
