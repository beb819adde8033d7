package app_test

import (
	"sync"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// moneyWorld is a coalition with a coordinator, two member organizations (one
// steering) and a USD fund.
type moneyWorld struct {
	a                 *app.App
	coord, rep1, rep2 *domain.User
	c                 *domain.Coalition
	m1, m2            *domain.Membership
	fund              *domain.Fund
}

func newMoneyWorld(t testing.TB, db *store.DB) *moneyWorld {
	t.Helper()
	w := &moneyWorld{a: newApp(t, db)}
	w.coord = mustUser(t, w.a, "coord@example.org", false)
	w.c = mustCoalition(t, w.a, w.coord, "Money")
	w.rep1, w.m1 = join(t, w.a, w.coord, w.c, "Org One", "one@example.org", domain.RoleSteering, true)
	w.rep2, w.m2 = join(t, w.a, w.coord, w.c, "Org Two", "two@example.org", domain.RoleMember, false)
	f, err := w.a.CreateFund(ctx, w.coord, w.c.ID, app.FundInput{Name: "Grant", HolderName: "Sponsor Inc.", Funder: "Foundation", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	w.fund = f
	return w
}

func (w *moneyWorld) record(t *testing.T, in app.EntryInput) *domain.LedgerEntry {
	t.Helper()
	if in.Currency == "" {
		in.Currency = "USD"
	}
	e, err := w.a.RecordEntry(ctx, w.coord, w.c.ID, w.fund.ID, in)
	if err != nil {
		t.Fatalf("record %+v: %v", in, err)
	}
	return e
}

func TestFund_LedgerBalances(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		w.record(t, app.EntryInput{Kind: "received", Amount: 100_000, Memo: "First tranche"})
		w.record(t, app.EntryInput{Kind: "allocated", Amount: 30_000, OrganizationID: w.m1.OrganizationID})
		w.record(t, app.EntryInput{Kind: "paid_out", Amount: 10_000, OrganizationID: w.m1.OrganizationID})
		fee := w.record(t, app.EntryInput{Kind: "fee", Amount: 500})
		corr := w.record(t, app.EntryInput{Kind: "correction", Corrects: fee.ID})
		if corr.Amount != -500 || corr.Seq != 5 || corr.PrevHash != fee.Hash {
			t.Errorf("correction = %+v; want amount -500, seq 5, chained after the fee", corr)
		}
		d, err := w.a.Fund(ctx, w.rep2, w.c.ID, w.fund.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Received 1000.00; allocated 300.00 leaves a pool of 700.00; the fee of 5.00 was
		// corrected away; 100.00 of the 300.00 was paid out, so 200.00 is owed and the
		// fund holds 700.00 + 200.00 = 900.00.
		want := app.Balance{Currency: "USD", Received: 100_000, Allocated: 30_000, PaidOut: 10_000, Fees: 0, Pool: 70_000, Owed: 20_000, Held: 90_000}
		if d.Balance != want {
			t.Errorf("balance = %+v\nwant %+v", d.Balance, want)
		}
		if !d.Chain.Intact || len(d.Entries) != 5 || d.Fund.HeadSeq != 5 || d.Fund.HeadHash != corr.Hash {
			t.Errorf("chain = %+v, %d entries, head %d %s", d.Chain, len(d.Entries), d.Fund.HeadSeq, d.Fund.HeadHash)
		}
		if d.Entries[0].ApprovedBy[0] != w.coord.ID || d.Names[w.coord.ID] == "" {
			t.Errorf("approver not recorded and named: %+v %v", d.Entries[0].ApprovedBy, d.Names)
		}
	})
}

func TestFund_BadInputWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		w.record(t, app.EntryInput{Kind: "received", Amount: 1_000})
		fee := w.record(t, app.EntryInput{Kind: "fee", Amount: 100})
		w.record(t, app.EntryInput{Kind: "correction", Corrects: fee.ID})
		other := mustCoalition(t, w.a, w.coord, "Other")
		cases := []struct {
			name  string
			actor *domain.User
			in    app.EntryInput
			code  string
			field string
		}{
			{"negative", w.coord, app.EntryInput{Kind: "received", Amount: -5, Currency: "USD"}, domain.EINVALID, "amount"},
			{"zero", w.coord, app.EntryInput{Kind: "received", Amount: 0, Currency: "USD"}, domain.EINVALID, "amount"},
			{"currency mismatch", w.coord, app.EntryInput{Kind: "received", Amount: 5, Currency: "EUR"}, domain.EINVALID, "currency"},
			{"unknown kind", w.coord, app.EntryInput{Kind: "gift", Amount: 5, Currency: "USD"}, domain.EINVALID, "kind"},
			{"overdraw", w.coord, app.EntryInput{Kind: "allocated", Amount: 1_001, Currency: "USD", OrganizationID: w.m1.OrganizationID}, domain.EINVALID, "amount"},
			{"pay more than owed", w.coord, app.EntryInput{Kind: "paid_out", Amount: 1, Currency: "USD", OrganizationID: w.m1.OrganizationID}, domain.EINVALID, "amount"},
			{"allocate without member", w.coord, app.EntryInput{Kind: "allocated", Amount: 1, Currency: "USD"}, domain.EINVALID, "organization_id"},
			{"not a member", w.coord, app.EntryInput{Kind: "allocated", Amount: 1, Currency: "USD", OrganizationID: "nope"}, domain.EINVALID, "organization_id"},
			{"correct twice", w.coord, app.EntryInput{Kind: "correction", Corrects: fee.ID, Currency: "USD"}, domain.EINVALID, "corrects"},
			{"correct unknown", w.coord, app.EntryInput{Kind: "correction", Corrects: "nope", Currency: "USD"}, domain.EINVALID, "corrects"},
			{"member may not record", w.rep1, app.EntryInput{Kind: "received", Amount: 5, Currency: "USD"}, domain.EFORBIDDEN, ""},
		}
		for _, tc := range cases {
			_, err := w.a.RecordEntry(ctx, tc.actor, w.c.ID, w.fund.ID, tc.in)
			if domain.ErrorCode(err) != tc.code {
				t.Errorf("%s: error %v, want code %s", tc.name, err, tc.code)
				continue
			}
			if tc.field != "" && (len(domain.ErrorFields(err)) == 0 || domain.ErrorFields(err)[0].Field != tc.field) {
				t.Errorf("%s: fields %v, want %s", tc.name, domain.ErrorFields(err), tc.field)
			}
		}
		_, err := w.a.RecordEntry(ctx, w.coord, other.ID, w.fund.ID, app.EntryInput{Kind: "received", Amount: 5, Currency: "USD"})
		wantCode(t, err, domain.ENOTFOUND)
		outsider := mustUser(t, w.a, "outsider@example.org", false)
		_, err = w.a.Fund(ctx, outsider, w.c.ID, w.fund.ID)
		wantCode(t, err, domain.ENOTFOUND)
		d, err := w.a.Fund(ctx, w.coord, w.c.ID, w.fund.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Entries) != 3 || d.Balance.Pool != 1_000 {
			t.Errorf("refused entries were written: %d entries, pool %d", len(d.Entries), d.Balance.Pool)
		}
		_, err = w.a.CreateFund(ctx, w.coord, w.c.ID, app.FundInput{Name: "X", HolderName: "Y", Currency: "usd"})
		wantCode(t, err, domain.EINVALID)
		_, err = w.a.CreateFund(ctx, w.rep1, w.c.ID, app.FundInput{Name: "X", HolderName: "Y", Currency: "USD"})
		wantCode(t, err, domain.EFORBIDDEN)
	})
}

// TestFund_ConcurrentAppendsNeverFork appends from many goroutines at once; the fund's
// lock serialises them, so the chain has every entry exactly once, in one line.
func TestFund_ConcurrentAppendsNeverFork(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		const n = 16
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := w.a.RecordEntry(ctx, w.coord, w.c.ID, w.fund.ID, app.EntryInput{Kind: "received", Amount: int64(100 + i), Currency: "USD"})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("append: %v", err)
			}
		}
		d, err := w.a.Fund(ctx, w.coord, w.c.ID, w.fund.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Σ (100 + i) for i = 0..15 = 1600 + 120 = 1720.
		if !d.Chain.Intact || len(d.Entries) != n || d.Balance.Received != 1720 {
			t.Errorf("after %d concurrent appends: chain %+v, %d entries, received %d", n, d.Chain, len(d.Entries), d.Balance.Received)
		}
		for i, e := range d.Entries {
			if e.Seq != int64(i+1) {
				t.Errorf("entry %d has seq %d", i, e.Seq)
			}
		}
	})
}
