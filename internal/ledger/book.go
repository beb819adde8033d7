package ledger

import (
	"cmp"
	"slices"
)

// book holds the running balances of a ledger while entries are added in Seq order.
type book struct {
	byID      map[string]ref
	corrected map[string]string // ID of a corrected entry → ID of its correction.
	totals    map[string]*Balance
	owed      map[[2]string]int64 // {currency, organization} → allocated − paid out.
}

// ref is what a later correction needs to know of an entry.
type ref struct {
	id, fund, kind, currency, org string
	amount                        int64
}

func newBook() *book {
	return &book{byID: map[string]ref{}, corrected: map[string]string{}, totals: map[string]*Balance{}, owed: map[[2]string]int64{}}
}

// bySeq returns entries sorted by Seq, keeping the order of equal ones.
func bySeq(entries []Entry) []Entry {
	if slices.IsSortedFunc(entries, func(a, b Entry) int { return cmp.Compare(a.Seq, b.Seq) }) {
		return entries
	}
	return slices.SortedStableFunc(slices.Values(entries), func(a, b Entry) int { return cmp.Compare(a.Seq, b.Seq) })
}

// add validates e, resolves it if it is a correction, and applies its effect.
func (b *book) add(e Entry) error {
	if err := Validate(e); err != nil {
		return err
	}
	if _, dup := b.byID[e.ID]; dup {
		return inputErr(e, "id", "another entry has the ID %q", e.ID)
	}
	kind := e.Kind
	if e.Kind == KindCorrection {
		target, err := b.resolve(e)
		if err != nil {
			return err
		}
		kind = target.kind
		b.corrected[target.id] = e.ID
	}
	if !b.apply(kind, e) {
		return inputErr(e, "amount", "the ledger's totals overflow")
	}
	b.byID[e.ID] = ref{e.ID, e.FundID, e.Kind, e.Currency, e.OrganizationID, e.Amount}
	return nil
}

// apply adds the effect of an entry of the given kind with e's amount a:
//
//	received:   Pool + a
//	allocated:  Pool − a, owed to the member + a
//	paid_out:   owed to the member − a (the money leaves the fund)
//	fee:        Pool − a (the money leaves the fund)
//
// A correction is applied with the kind it corrects and its own amount, the corrected
// amount negated, so the two cancel exactly. apply reports false on overflow.
func (b *book) apply(kind string, e Entry) bool {
	t := b.totals[e.Currency]
	if t == nil {
		t = &Balance{Currency: e.Currency}
		b.totals[e.Currency] = t
	}
	key := [2]string{e.Currency, e.OrganizationID}
	owed, a := b.owed[key], e.Amount
	var ok bool
	switch kind {
	case KindReceived:
		ok = addTo(&t.Received, a) && addTo(&t.Pool, a) && addTo(&t.Held, a)
	case KindAllocated:
		ok = addTo(&t.Allocated, a) && addTo(&t.Pool, -a) && addTo(&t.Owed, a) && addTo(&owed, a)
	case KindPaidOut:
		ok = addTo(&t.PaidOut, a) && addTo(&t.Owed, -a) && addTo(&t.Held, -a) && addTo(&owed, -a)
	case KindFee:
		ok = addTo(&t.Fees, a) && addTo(&t.Pool, -a) && addTo(&t.Held, -a)
	}
	if owed != b.owed[key] {
		b.owed[key] = owed
	}
	return ok
}

// resolve finds the entry correction c reverses and checks that it reverses it
// exactly, once.
func (b *book) resolve(c Entry) (ref, error) {
	target, ok := b.byID[c.Corrects]
	switch {
	case !ok:
		return ref{}, inputErr(c, "corrects", "no earlier entry %q in this ledger", c.Corrects)
	case target.fund != c.FundID:
		return ref{}, inputErr(c, "corrects", "entry %q belongs to another fund", c.Corrects)
	case target.kind == KindCorrection:
		return ref{}, inputErr(c, "corrects", "entry %q is itself a correction; record the movement again instead", c.Corrects)
	case b.corrected[target.id] != "":
		return ref{}, inputErr(c, "corrects", "entry %q was already corrected by %q", c.Corrects, b.corrected[target.id])
	case c.Amount != -target.amount:
		return ref{}, inputErr(c, "amount", "a correction of %d must have the amount %d", target.amount, -target.amount)
	case c.Currency != target.currency:
		return ref{}, inputErr(c, "currency", "a correction must be in %s, the currency of the entry it corrects", target.currency)
	case c.OrganizationID != target.org:
		return ref{}, inputErr(c, "organization_id", "a correction must name %q, the organization of the entry it corrects", target.org)
	}
	return target, nil
}

// addTo adds d to *x and reports false, leaving *x unchanged, if the sum overflows.
func addTo(x *int64, d int64) bool {
	s := *x + d
	if (d > 0 && s < *x) || (d < 0 && s > *x) {
		return false
	}
	*x = s
	return true
}
