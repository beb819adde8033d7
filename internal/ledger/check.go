package ledger

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Validate checks the fields of one entry on their own: an ID and a fund; a known kind;
// a circulating ISO 4217 currency; an amount > 0, except a correction's, which is < 0
// (the corrected amount negated) and which alone names the entry it corrects; an
// organization for allocated and paid_out; distinct, non-empty approvers; a time; and
// text that is valid UTF-8 without NUL bytes (which PostgreSQL cannot store, so such an
// entry could never be read back as it was hashed).
func Validate(e Entry) error {
	for _, f := range []struct{ field, value string }{
		{"id", e.ID}, {"fund_id", e.FundID}, {"organization_id", e.OrganizationID},
		{"corrects", e.Corrects}, {"memo", e.Memo},
	} {
		if !utf8.ValidString(f.value) || strings.ContainsRune(f.value, 0) {
			return inputErr(e, f.field, "not valid text")
		}
	}
	correction := e.Kind == KindCorrection
	switch {
	case e.ID == "":
		return inputErr(e, "id", "the entry has no ID")
	case e.FundID == "":
		return inputErr(e, "fund_id", "the entry names no fund")
	case !slices.Contains(Kinds, e.Kind):
		return inputErr(e, "kind", "unknown kind %q", e.Kind)
	case !IsCurrency(e.Currency):
		return inputErr(e, "currency", "%q is not an ISO 4217 currency code such as USD", e.Currency)
	case !correction && e.Amount <= 0:
		return inputErr(e, "amount", "the amount is %d cents; it must be more than 0", e.Amount)
	case correction && e.Amount >= 0:
		return inputErr(e, "amount", "a correction carries the corrected amount negated, below 0")
	case correction != (e.Corrects != ""):
		return inputErr(e, "corrects", "a correction, and only a correction, names the entry it corrects")
	case (e.Kind == KindAllocated || e.Kind == KindPaidOut) && e.OrganizationID == "":
		return inputErr(e, "organization_id", "money %s must name the member organization", e.Kind)
	case e.At.IsZero():
		return inputErr(e, "at", "the entry has no time")
	}
	return validateApprovers(e)
}

// validateApprovers requires distinct, non-empty, valid approver IDs.
func validateApprovers(e Entry) error {
	seen := make(map[string]bool, len(e.ApprovedBy))
	for _, a := range e.ApprovedBy {
		if a == "" || !utf8.ValidString(a) || strings.ContainsRune(a, 0) || seen[a] {
			return inputErr(e, "approved_by", "approvers must be distinct people; got %q", e.ApprovedBy)
		}
		seen[a] = true
	}
	return nil
}

// CheckAppend checks that added entries, in order, may be appended to the ledger of
// fund fundID, held in currency, whose entries so far are existing. Every entry must
// belong to the fund and be in its currency; each added entry must pass Validate, have
// a new ID, and (for a correction) reverse an earlier entry exactly and for the first
// time; and no added entry may take the pool or a member's allocation below zero: a
// round cannot allocate more than the pool, a payment cannot exceed what is owed to the
// member, and a received amount already allocated cannot be corrected before the
// allocations are. It returns an *InputError naming the entry and field at fault.
func CheckAppend(fundID, currency string, existing []Entry, added ...Entry) error {
	b := newBook()
	for _, e := range bySeq(existing) {
		if err := b.add(e); err != nil {
			return &InputError{EntryID: e.ID, Field: "ledger", Message: "the fund's ledger does not add up: " + err.Error()}
		}
		if err := belongs(e, fundID, currency); err != nil {
			return err
		}
	}
	for _, e := range added {
		if err := belongs(e, fundID, currency); err != nil {
			return err
		}
		pool, owed := b.position(e)
		if err := b.add(e); err != nil {
			return err
		}
		if err := b.nonNegative(e, pool, owed); err != nil {
			return err
		}
	}
	return nil
}

// belongs requires e to be an entry of fundID in currency.
func belongs(e Entry, fundID, currency string) error {
	if e.FundID != fundID {
		return inputErr(e, "fund_id", "the entry belongs to fund %q, not %q", e.FundID, fundID)
	}
	if e.Currency != currency {
		return inputErr(e, "currency", "the fund is held in %s, not %s", currency, e.Currency)
	}
	return nil
}

// position returns the pool of e's currency and what is owed to e's organization.
func (b *book) position(e Entry) (pool, owed int64) {
	if t := b.totals[e.Currency]; t != nil {
		pool = t.Pool
	}
	return pool, b.owed[[2]string{e.Currency, e.OrganizationID}]
}

// nonNegative reports an error when adding e lowered the pool or its member's
// allocation from pool and owed to below 0. Only what e lowered is judged, so an
// entry is never blamed for the state it found.
func (b *book) nonNegative(e Entry, pool, owed int64) error {
	newPool, newOwed := b.position(e)
	if newPool < pool && newPool < 0 {
		return inputErr(e, "amount", "%d cents is more than the pool's %d cents not yet allocated", pool-newPool, pool)
	}
	if newOwed < owed && newOwed < 0 {
		return inputErr(e, "amount", "%d cents is more than the %d cents owed to %q", owed-newOwed, owed, e.OrganizationID)
	}
	return nil
}
