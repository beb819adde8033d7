package ledger

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBalances adds up the hand-made chain (see handChain) and a second fund in CAD.
//
// USD: received 500,000; allocated 200,000 + 150,000 − 150,000 (e6 corrects e3)
// + 100,000 = 300,000; paid out 120,000; fees 2,500.
// Pool = 500,000 − 300,000 − 2,500 = 197,500; Owed = 300,000 − 120,000 = 180,000;
// Held = 197,500 + 180,000 = 377,500 = 500,000 − 2,500 − 120,000.
// CAD: received 40,000, fee 1,000: Pool = Held = 39,000.
func TestBalances(t *testing.T) {
	cad := chain(
		Entry{ID: "c1", FundID: "f2", Kind: KindReceived, Amount: 40_000, Currency: "CAD", At: t0},
		Entry{ID: "c2", FundID: "f2", Kind: KindFee, Amount: 1_000, Currency: "CAD", At: t0},
	)
	got, err := Balances(append(cad, handChain()...))
	if err != nil {
		t.Fatalf("Balances: %v", err)
	}
	want := []Balance{
		{Currency: "CAD", Received: 40_000, Fees: 1_000, Pool: 39_000, Held: 39_000},
		{Currency: "USD", Received: 500_000, Allocated: 300_000, PaidOut: 120_000, Fees: 2_500, Pool: 197_500, Owed: 180_000, Held: 377_500},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("balances (-want +got):\n%s", diff)
	}
	if got, err := Balances(nil); err != nil || len(got) != 0 {
		t.Errorf("Balances(nil) = %v, %v; want none", got, err)
	}
}

// TestBalancesRefuses checks that a ledger that does not add up gets no balance.
func TestBalancesRefuses(t *testing.T) {
	fix := func(f func([]Entry) []Entry) []Entry { return f(handChain()) }
	correction := func(id, corrects string, amount int64, org string) Entry {
		return Entry{ID: id, FundID: "f1", Seq: 8, Kind: KindCorrection, Corrects: corrects, Amount: amount, Currency: "USD", OrganizationID: org, At: t0}
	}
	tests := []struct {
		name    string
		entries []Entry
		entry   string
		field   string
	}{
		{"unknown entry", fix(func(es []Entry) []Entry { return append(es, correction("e8", "e99", -1, "")) }), "e8", "corrects"},
		{"corrected twice", fix(func(es []Entry) []Entry { return append(es, correction("e8", "e3", -150_000, "org-b")) }), "e8", "corrects"},
		{"correction of a correction", fix(func(es []Entry) []Entry { return append(es, correction("e8", "e6", 150_000, "org-b")) }), "e8", "amount"},
		{"correction of a correction, negated", fix(func(es []Entry) []Entry { return append(es, correction("e8", "e6", -1, "org-b")) }), "e8", "corrects"},
		{"inexact amount", fix(func(es []Entry) []Entry { return append(es, correction("e8", "e2", -20_000, "org-a")) }), "e8", "amount"},
		{"other organization", fix(func(es []Entry) []Entry { return append(es, correction("e8", "e2", -200_000, "org-b")) }), "e8", "organization_id"},
		{"other currency", fix(func(es []Entry) []Entry {
			c := correction("e8", "e2", -200_000, "org-a")
			c.Currency = "CAD"
			return append(es, c)
		}), "e8", "currency"},
		{"other fund", fix(func(es []Entry) []Entry {
			c := correction("e8", "e2", -200_000, "org-a")
			c.FundID = "f2"
			return append(es, c)
		}), "e8", "corrects"},
		{"correction before its entry", fix(func(es []Entry) []Entry { es[5].Seq = 2; return es }), "e6", "corrects"},
		{"repeated ID", fix(func(es []Entry) []Entry { es[6].ID = "e1"; return es }), "e1", "id"},
		{"invalid entry", fix(func(es []Entry) []Entry { es[4].Amount = 0; return es }), "e5", "amount"},
		{"overflow", chain(
			Entry{ID: "r1", FundID: "f1", Kind: KindReceived, Amount: math.MaxInt64, Currency: "USD", At: t0},
			Entry{ID: "r2", FundID: "f1", Kind: KindReceived, Amount: 1, Currency: "USD", At: t0},
		), "r2", "amount"},
	}
	for _, tt := range tests {
		got, err := Balances(tt.entries)
		var ie *InputError
		if !errors.As(err, &ie) || ie.EntryID != tt.entry || ie.Field != tt.field || got != nil {
			t.Errorf("%s: Balances = %v, %v; want an *InputError on %s %s", tt.name, got, err, tt.entry, tt.field)
		}
	}
}
