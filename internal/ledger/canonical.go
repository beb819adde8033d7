package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"time"
)

// Version names the canonical encoding; it is the first field of every hashed entry,
// so that a future encoding can never produce the same bytes as this one.
const Version = "braid-ledger-entry-v1"

// TimeLayout is how At is hashed: UTC, always six fractional digits (microseconds, the
// precision PostgreSQL keeps, so a database round trip cannot change it).
const TimeLayout = "2006-01-02T15:04:05.000000Z"

// Canonical returns the bytes an entry's Hash covers: every field but Hash, in a fixed
// order, each written as a netstring — the byte length in decimal, ":", the bytes, "," —
// so no choice of text in one field can imitate another field:
//
//	ns(Version) ns(PrevHash) ns(ID) ns(FundID) ns(Seq) ns(Kind) ns(Amount) ns(Currency)
//	ns(OrganizationID) ns(Corrects) ns(Memo) ns(len(ApprovedBy)) ns(approver)… ns(At)
//
// Strings are their UTF-8 bytes as stored; Seq, Amount and the approver count are
// base-10 integers with a leading "-" when negative and no "+" or leading zeros; the
// approvers are sorted byte-wise ascending (their order means nothing); At is written
// with TimeLayout. For example, ns("USD") is "3:USD," and ns("") is "0:,".
//
// The entry's Hash is the lowercase hex SHA-256 of these bytes. As PrevHash is the
// first field after the version, this is SHA-256(PrevHash ‖ content), chaining the
// entry to the one before it.
func Canonical(e Entry) []byte {
	return appendCanonical(make([]byte, 0, 256+len(e.Memo)), e)
}

// appendCanonical appends Canonical(e) to b without allocating when b has room.
func appendCanonical(b []byte, e Entry) []byte {
	b = netstring(b, Version)
	b = netstring(b, e.PrevHash)
	b = netstring(b, e.ID)
	b = netstring(b, e.FundID)
	b = netint(b, e.Seq)
	b = netstring(b, e.Kind)
	b = netint(b, e.Amount)
	b = netstring(b, e.Currency)
	b = netstring(b, e.OrganizationID)
	b = netstring(b, e.Corrects)
	b = netstring(b, e.Memo)
	b = netint(b, int64(len(e.ApprovedBy)))
	approvers := e.ApprovedBy
	if !slices.IsSorted(approvers) {
		approvers = slices.Clone(approvers)
		slices.Sort(approvers)
	}
	for _, a := range approvers {
		b = netstring(b, a)
	}
	var at [40]byte
	return netbytes(b, e.At.UTC().AppendFormat(at[:0], TimeLayout))
}

// netstring appends s to b as a netstring: len(s) ":" s ",".
func netstring(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	b = append(b, s...)
	return append(b, ',')
}

// netbytes appends p to b as a netstring.
func netbytes(b, p []byte) []byte {
	b = strconv.AppendInt(b, int64(len(p)), 10)
	b = append(b, ':')
	b = append(b, p...)
	return append(b, ',')
}

// netint appends the base-10 digits of n to b as a netstring.
func netint(b []byte, n int64) []byte {
	var digits [20]byte
	return netbytes(b, strconv.AppendInt(digits[:0], n, 10))
}

// HashOf returns the lowercase hex SHA-256 of Canonical(e).
func HashOf(e Entry) string {
	h := hexHash(e)
	return string(h[:])
}

// hexHash returns HashOf(e) in an array, which Verify compares without allocating.
func hexHash(e Entry) [64]byte {
	var buf [512]byte
	sum := sha256.Sum256(appendCanonical(buf[:0], e))
	var h [64]byte
	hex.Encode(h[:], sum[:])
	return h
}

// Seal returns e chained after prev (nil for a fund's first entry): PrevHash is
// prev.Hash (or Genesis), Seq is prev.Seq + 1 (or 1), At is cut to UTC microseconds and
// ApprovedBy sorted, so that the stored entry is exactly what was hashed, and Hash is
// filled in last. Seal does not validate; call Validate or CheckAppend first.
func Seal(prev *Entry, e Entry) Entry {
	e.PrevHash, e.Seq = Genesis, 1
	if prev != nil {
		e.PrevHash, e.Seq = prev.Hash, prev.Seq+1
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	if !slices.IsSorted(e.ApprovedBy) { // A sorted copy: the caller's slice stays as it was.
		e.ApprovedBy = slices.Clone(e.ApprovedBy)
		slices.Sort(e.ApprovedBy)
	}
	e.Hash = HashOf(e)
	return e
}
