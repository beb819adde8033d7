package ledger

import (
	"fmt"
	"testing"
	"time"
)

const benchEntries = 1_000_000

// benchDrafts returns a million unsealed entries of one fund: a receipt, then
// allocations to 1,000 members, with two approvers and a memo each.
func benchDrafts() []Entry {
	drafts := make([]Entry, benchEntries)
	for i := range drafts {
		drafts[i] = Entry{ID: fmt.Sprintf("entry-%07d", i), FundID: "fund-0001", Kind: KindAllocated, Amount: int64(1 + i%50_000),
			Currency: "USD", OrganizationID: fmt.Sprintf("org-%04d", i%1000), Memo: "Allocation round 12, equity formula",
			ApprovedBy: []string{"person-0002", "person-0001"}, At: t0.Add(time.Duration(i) * time.Second)}
	}
	drafts[0].Kind, drafts[0].OrganizationID, drafts[0].Amount = KindReceived, "", 1<<50
	return drafts
}

// BenchmarkSeal seals a chain of 1,000,000 entries per iteration.
func BenchmarkSeal(b *testing.B) {
	drafts := benchDrafts()
	sealed := make([]Entry, len(drafts))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range drafts {
			var prev *Entry
			if i > 0 {
				prev = &sealed[i-1]
			}
			sealed[i] = Seal(prev, d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchEntries), "ns/entry")
}

// BenchmarkVerify verifies a chain of 1,000,000 entries per iteration.
func BenchmarkVerify(b *testing.B) {
	drafts := benchDrafts()
	sealed := make([]Entry, len(drafts))
	for i, d := range drafts {
		var prev *Entry
		if i > 0 {
			prev = &sealed[i-1]
		}
		sealed[i] = Seal(prev, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		if breaks := Verify(sealed); breaks != nil {
			b.Fatal(breaks[0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchEntries), "ns/entry")
}

// BenchmarkBalances adds up the same 1,000,000 entries.
func BenchmarkBalances(b *testing.B) {
	drafts := benchDrafts()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Balances(drafts); err != nil {
			b.Fatal(err)
		}
	}
}
