package ledger

import "time"

// t0 is the time of the first hand-made entry.
var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// chain seals drafts one after the other.
func chain(drafts ...Entry) []Entry {
	out := make([]Entry, len(drafts))
	for i, d := range drafts {
		var prev *Entry
		if i > 0 {
			prev = &out[i-1]
		}
		out[i] = Seal(prev, d)
	}
	return out
}

// handChain is a small fund ledger, in USD:
//
//	1 e1 received    500,000            pool 500,000
//	2 e2 allocated   200,000 to org-a   pool 300,000, owed org-a 200,000
//	3 e3 allocated   150,000 to org-b   pool 150,000, owed org-b 150,000
//	4 e4 paid_out    120,000 to org-a   owed org-a 80,000
//	5 e5 fee           2,500            pool 147,500
//	6 e6 correction −150,000 of e3      pool 297,500, owed org-b 0
//	7 e7 allocated   100,000 to org-b   pool 197,500, owed org-b 100,000
func handChain() []Entry {
	day := 24 * time.Hour
	usd := func(id, kind string, amount int64, org string, at time.Duration) Entry {
		return Entry{ID: id, FundID: "f1", Kind: kind, Amount: amount, Currency: "USD", OrganizationID: org,
			ApprovedBy: []string{"p2", "p1"}, At: t0.Add(at)}
	}
	correction := usd("e6", KindCorrection, -150_000, "org-b", 5*day)
	correction.Corrects, correction.Memo = "e3", "allocated to the wrong round"
	received := usd("e1", KindReceived, 500_000, "", 0)
	received.Memo = "Grant, first tranche"
	return chain(
		received,
		usd("e2", KindAllocated, 200_000, "org-a", day),
		usd("e3", KindAllocated, 150_000, "org-b", day),
		usd("e4", KindPaidOut, 120_000, "org-a", 2*day),
		usd("e5", KindFee, 2_500, "", 3*day),
		correction,
		usd("e7", KindAllocated, 100_000, "org-b", 6*day),
	)
}

// at is where and how a chain breaks, without the detail text.
type at struct {
	Seq  int64
	Kind string
}

// where projects breaks onto their sequence numbers and kinds.
func where(breaks []Break) []at {
	var out []at
	for _, b := range breaks {
		out = append(out, at{b.Seq, b.Kind})
	}
	return out
}
