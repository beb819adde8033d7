package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestCompensationRatio checks the money dimensions and the compensation ratio on a
// hand-worked case. Org One (most impacted) gave 3 confirmed hours and Org Two (not
// most impacted) 1 hour; an equal round then gives each 50.00.
//
//	hours:   One 3, Two 1 → shares 3/4 and 1/4
//	dollars: One 5000, Two 5000 cents → shares 1/2 and 1/2
//	ratio:   most_impacted=yes (1/2)/(3/4) = 2/3 ≈ 0.667 < 0.8 → flagged (centred, underpaid)
//	         most_impacted=no  (1/2)/(1/4) = 2     > 1.25 → flagged (advantaged, overpaid)
func TestCompensationRatio(t *testing.T) {
	w := newMoneyWorld(t, storetest.MustOpenDB(t))
	o1, o2 := w.m1.OrganizationID, w.m2.OrganizationID
	w.confirmed(t, o1, "2025-01-10", 180)
	w.confirmed(t, o2, "2025-01-10", 60)
	w.record(t, app.EntryInput{Kind: "received", Amount: 10_000})
	r := w.open(t, w.coord, app.RoundInput{Amount: 10_000, Method: "equal", Members: []string{o1, o2}})
	if _, err := w.a.ApproveRound(ctx, w.coord, w.c.ID, r.ID); err != nil {
		t.Fatal(err)
	}
	hours, err := w.a.EquityReport(ctx, w.rep1, w.c.ID, domain.DimensionHours, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	dollars, err := w.a.EquityReport(ctx, w.rep1, w.c.ID, domain.DimensionDollars, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hours.Total != 4 || dollars.Total != 10_000 {
		t.Errorf("totals: %v hours, %v cents; want 4 and 10000", hours.Total, dollars.Total)
	}
	groups, err := w.a.Compensation(ctx, w.rep1, w.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, g := range groups {
		if g.Attribute != "most_impacted" {
			continue
		}
		found++
		want, flag := 2.0/3.0, true
		if g.Value == "no" {
			want = 2
		}
		if g.Ratio == nil || *g.Ratio != want || g.Flag != flag {
			t.Errorf("most_impacted=%s: ratio %v flag %v; want %v flagged", g.Value, g.Ratio, g.Flag, want)
		}
	}
	if found != 2 {
		t.Errorf("found %d most_impacted groups, want 2", found)
	}
}

// TestDollarsAllocated_MainCurrencyOnly: with 100.00 USD allocated equally to two
// members and 30.00 EUR to one, the dimension counts the main currency (USD, the larger
// total) only: 5000 and 5000 cents, total 10000; the EUR allocation is not added to it.
func TestDollarsAllocated_MainCurrencyOnly(t *testing.T) {
	w := newMoneyWorld(t, storetest.MustOpenDB(t))
	o1, o2 := w.m1.OrganizationID, w.m2.OrganizationID
	w.record(t, app.EntryInput{Kind: "received", Amount: 10_000})
	r := w.open(t, w.coord, app.RoundInput{Amount: 10_000, Method: "equal", Members: []string{o1, o2}})
	if _, err := w.a.ApproveRound(ctx, w.coord, w.c.ID, r.ID); err != nil {
		t.Fatal(err)
	}
	eur, err := w.a.CreateFund(ctx, w.coord, w.c.ID, app.FundInput{Name: "Euro gift", HolderName: "Sponsor", Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.a.RecordEntry(ctx, w.coord, w.c.ID, eur.ID, app.EntryInput{Kind: "received", Amount: 3_000, Currency: "EUR"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.a.RecordEntry(ctx, w.coord, w.c.ID, eur.ID, app.EntryInput{Kind: "allocated", Amount: 3_000, Currency: "EUR", OrganizationID: o1}); err != nil {
		t.Fatal(err)
	}
	dollars, err := w.a.EquityReport(ctx, w.rep1, w.c.ID, domain.DimensionDollars, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if dollars.Total != 10_000 {
		t.Errorf("total = %v, want 10000 (USD only)", dollars.Total)
	}
}
