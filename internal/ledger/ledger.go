// Package ledger keeps a fund's ledger honest: every entry carries the hash of the one
// before it, so any change made behind the application's back (an edited amount, a
// deleted or reordered row, a row moved from another fund) breaks the chain where it
// happened, and Verify says where.
//
// Entries are append-only. A mistake is corrected by a reversing entry that names the
// entry it corrects, never by an edit (PRODUCT.md, "Money — never lose a cent").
// Amounts are int64 minor units (cents) with an ISO 4217 currency code.
//
// The hash is SHA-256 over a canonical, versioned byte encoding of the entry
// (canonical.go), simple enough to recompute in any language, so that an exported
// ledger can be verified elsewhere. The package is pure: no I/O, standard library only.
package ledger

import (
	"fmt"
	"time"
)

// Kinds of ledger entries.
const (
	// KindReceived is money received into the fund: the pool grows.
	KindReceived = "received"
	// KindAllocated moves money from the pool to a member's allocation (OrganizationID);
	// the fund holds the same money, now owed to that member.
	KindAllocated = "allocated"
	// KindPaidOut is money paid to a member out of its allocation; it leaves the fund.
	KindPaidOut = "paid_out"
	// KindFee is a cost charged to the pool (a bank or fiscal-sponsor fee); it leaves the fund.
	KindFee = "fee"
	// KindCorrection reverses the entry named by Corrects, exactly: same currency and
	// organization, the negated amount.
	KindCorrection = "correction"
)

// Kinds lists the entry kinds.
var Kinds = []string{KindReceived, KindAllocated, KindPaidOut, KindFee, KindCorrection}

// Genesis is the PrevHash of a fund's first entry: 64 zeros.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Entry is one movement of money in a fund.
type Entry struct {
	ID             string
	FundID         string
	Seq            int64  // Position in the fund's chain: 1, 2, 3, …
	Kind           string // One of Kinds.
	Amount         int64  // Cents; > 0, except a correction, which carries the corrected amount negated.
	Currency       string // ISO 4217 code, e.g. "USD".
	OrganizationID string // The member concerned; required for allocated and paid_out.
	Corrects       string // For a correction: the ID of the entry it reverses; else empty.
	Memo           string
	ApprovedBy     []string // IDs of the people who approved the movement; order does not matter.
	At             time.Time
	PrevHash       string // Hash of the previous entry of the fund, or Genesis.
	Hash           string // Lowercase hex SHA-256 of Canonical(entry).
}

// InputError reports one invalid field of an entry, named as the JSON API names it
// ("amount", "currency", "corrects"), so the app can show it as a field error.
type InputError struct {
	EntryID string
	Field   string
	Message string
}

func (e *InputError) Error() string {
	if e.EntryID == "" {
		return "ledger: " + e.Field + ": " + e.Message
	}
	return fmt.Sprintf("ledger: entry %q: %s: %s", e.EntryID, e.Field, e.Message)
}

// inputErr builds an *InputError about entry e with a formatted message.
func inputErr(e Entry, field, format string, args ...any) *InputError {
	return &InputError{EntryID: e.ID, Field: field, Message: fmt.Sprintf(format, args...)}
}
