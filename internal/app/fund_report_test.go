package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// The funder report of a ledger recorded over three months, by hand:
//
//	2025-03-01  received 100,000; fee 2,000; allocated Org One 30,000
//	2025-04-10  received 50,000; allocated Org One 10,000 and Org Two 20,000; paid Org One 25,000
//	2025-05-05  correction of Org Two's April allocation (−20,000)
func TestFundReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		o1, o2 := w.m1.OrganizationID, w.m2.OrganizationID
		at := func(day string) { db.Now = func() time.Time { return mustTime(t, day+"T12:00:00Z") } }
		at("2025-03-01")
		w.record(t, app.EntryInput{Kind: "received", Amount: 100_000})
		w.record(t, app.EntryInput{Kind: "fee", Amount: 2_000})
		w.record(t, app.EntryInput{Kind: "allocated", Amount: 30_000, OrganizationID: o1})
		at("2025-04-10")
		w.record(t, app.EntryInput{Kind: "received", Amount: 50_000})
		w.record(t, app.EntryInput{Kind: "allocated", Amount: 10_000, OrganizationID: o1})
		april := w.record(t, app.EntryInput{Kind: "allocated", Amount: 20_000, OrganizationID: o2})
		w.record(t, app.EntryInput{Kind: "paid_out", Amount: 25_000, OrganizationID: o1})
		at("2025-05-05")
		w.record(t, app.EntryInput{Kind: "correction", Corrects: april.ID})

		r, err := w.a.FundReport(ctx, w.rep2, w.c.ID, w.fund.ID, "2025-04-01", "2025-04-30")
		if err != nil {
			t.Fatal(err)
		}
		// Opening: 100,000 − 30,000 − 2,000 = 68,000 in the pool, 30,000 owed, 98,000 held.
		// April: +50,000 received, +30,000 allocated, 25,000 paid: the pool grows by
		// 50,000 − 30,000 = 20,000, owed by 30,000 − 25,000 = 5,000, held by 25,000.
		want := []app.Balance{
			{Currency: "USD", Received: 100_000, Allocated: 30_000, Fees: 2_000, Pool: 68_000, Owed: 30_000, Held: 98_000},
			{Currency: "USD", Received: 50_000, Allocated: 30_000, PaidOut: 25_000, Pool: 20_000, Owed: 5_000, Held: 25_000},
			{Currency: "USD", Received: 150_000, Allocated: 60_000, PaidOut: 25_000, Fees: 2_000, Pool: 88_000, Owed: 35_000, Held: 123_000},
		}
		for i, got := range []app.Balance{r.Opening, r.Period, r.Closing} {
			if got != want[i] {
				t.Errorf("balance %d = %+v, want %+v", i, got, want[i])
			}
		}
		members := map[string]app.FundReportMember{}
		for _, m := range r.Members {
			members[m.OrganizationID] = m
		}
		// Org One: 10,000 allocated and 25,000 paid in April; 40,000 − 25,000 still owed.
		if m := members[o1]; m.Allocated != 10_000 || m.PaidOut != 25_000 || m.Owed != 15_000 {
			t.Errorf("Org One = %+v", m)
		}
		if m := members[o2]; m.Allocated != 20_000 || m.PaidOut != 0 || m.Owed != 20_000 {
			t.Errorf("Org Two = %+v", m)
		}
		// Most impacted (Org One, one member of two) got 10,000 of 30,000: share 1/3,
		// ratio (1/3)/(1/2) = 2/3 < 0.8, flagged; the other group 4/3 > 1.25, flagged.
		flags := map[string]string{}
		for _, g := range r.Groups {
			if g.Attribute == equity.AttrMostImpacted {
				flags[g.Value] = g.FlagReason
			}
		}
		if flags["yes"] != equity.ReasonUnderRepresented || flags["no"] != equity.ReasonOverRepresented || !r.ChainIntact {
			t.Errorf("groups %+v, chain %v", r.Groups, r.ChainIntact)
		}

		// May reverses April's allocation to Org Two: no group shares for May, and over
		// all time Org Two was allocated nothing.
		r, err = w.a.FundReport(ctx, w.rep2, w.c.ID, w.fund.ID, "2025-05-01", "2025-05-31")
		if err != nil || len(r.Groups) != 0 || r.GroupsNote == "" || r.Period.Allocated != -20_000 {
			t.Errorf("May: %+v, %v", r, err)
		}
		r, err = w.a.FundReport(ctx, w.rep2, w.c.ID, w.fund.ID, "", "")
		if err != nil || r.Closing.Allocated != 40_000 || r.Opening != (app.Balance{Currency: "USD"}) || len(r.Groups) == 0 {
			t.Fatalf("all time: %+v, %v", r, err)
		}
		for _, m := range r.Members {
			if m.OrganizationID == o2 && (m.Allocated != 0 || m.Owed != 0) {
				t.Errorf("Org Two over all time = %+v", m)
			}
		}

		_, err = w.a.FundReport(ctx, w.rep2, w.c.ID, w.fund.ID, "2025-05-01", "2025-04-01")
		wantField(t, err, "to")
		_, err = w.a.FundReport(ctx, w.rep2, w.c.ID, w.fund.ID, "May", "")
		wantField(t, err, "from")
		outsider := mustUser(t, w.a, "out@example.org", false)
		_, err = w.a.FundReport(ctx, outsider, w.c.ID, w.fund.ID, "", "")
		wantCode(t, err, domain.ENOTFOUND)
		_, err = w.a.FundReport(ctx, w.coord, w.c.ID, "nope", "", "")
		wantCode(t, err, domain.ENOTFOUND)
	})
}
