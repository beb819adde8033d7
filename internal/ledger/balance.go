package ledger

import (
	"cmp"
	"slices"
)

// Balance is what a ledger adds up to in one currency. Every figure is net of
// corrections. Money sits in one of two places while the fund holds it: the pool,
// which a round may still allocate, and the allocations owed to members:
//
//	Pool = Received − Allocated − Fees
//	Owed = Allocated − PaidOut
//	Held = Pool + Owed = Received − Fees − PaidOut
//
// so received adds to the pool, allocated moves money from the pool to a member's
// allocation (Held does not change), paid_out takes it out of the allocation and the
// fund, a fee takes it out of the pool and the fund, and a correction undoes exactly
// the entry it corrects.
type Balance struct {
	Currency  string
	Received  int64
	Allocated int64
	PaidOut   int64
	Fees      int64
	Pool      int64 // Not yet allocated: the most a new round may allocate.
	Owed      int64 // Allocated to members and not yet paid out.
	Held      int64 // What the fund holds.
}

// Balances adds up entries (one fund's, or several funds' for a total) per currency,
// sorted by currency. Entries are taken in Seq order; a correction must follow the
// entry it corrects. It returns an *InputError, and no balances, when an entry is
// invalid (see Validate), an ID repeats, a correction does not reverse an earlier entry
// of its fund exactly or corrects one twice, or a total overflows: a balance is never
// computed from a ledger that does not add up.
func Balances(entries []Entry) ([]Balance, error) {
	b := newBook()
	for _, e := range bySeq(entries) {
		if err := b.add(e); err != nil {
			return nil, err
		}
	}
	out := make([]Balance, 0, len(b.totals))
	for _, t := range b.totals {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Balance) int { return cmp.Compare(a.Currency, b.Currency) })
	return out, nil
}
