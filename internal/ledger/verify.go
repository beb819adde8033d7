package ledger

import (
	"cmp"
	"fmt"
	"slices"
)

// Kinds of chain breaks.
const (
	// BreakContent: the entry's content no longer hashes to its Hash; a field was
	// changed after the entry was sealed.
	BreakContent = "content_changed"
	// BreakLink: PrevHash is not the Hash of the entry before it (Genesis for the
	// first); an entry before it was removed, inserted, reordered or rehashed.
	BreakLink = "link_broken"
	// BreakSequence: Seq does not follow the entry before it: a gap (entries missing),
	// a repeat, or a chain that does not start at 1.
	BreakSequence = "sequence_broken"
	// BreakFund: the entry belongs to another fund than the chain.
	BreakFund = "other_fund"
)

// Break is one place where a fund's chain does not hold.
type Break struct {
	Seq     int64
	EntryID string
	Kind    string // BreakContent, BreakLink, BreakSequence or BreakFund.
	Detail  string // A sentence for logs and the command line; pages translate Kind.
}

// Verify walks one fund's entries in Seq order (sorting them if they are not) and
// returns every break, in chain order; nil when the chain is intact. An entry can
// break in several ways at once and then appears once per kind.
//
// The chain's fund is the one most entries belong to (on a tie, the earliest's).
// An edited field breaks the edited entry only (BreakContent, or BreakFund as well for
// FundID); a deleted entry breaks the entry after the hole (BreakLink, BreakSequence);
// swapped entries break where the order no longer matches the hashes. Entries removed
// from the end leave no trace in the chain itself: compare Head with the head the app
// stored when it last appended.
func Verify(entries []Entry) []Break {
	if len(entries) == 0 {
		return nil
	}
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	bySeq := func(a, b int) int { return cmp.Compare(entries[a].Seq, entries[b].Seq) }
	if !slices.IsSortedFunc(order, bySeq) {
		slices.SortStableFunc(order, bySeq)
	}
	fund := chainFund(entries, order)
	var breaks []Break
	prevHash, prevSeq := Genesis, int64(0)
	for _, i := range order {
		e := &entries[i]
		report := func(kind, format string, args ...any) {
			breaks = append(breaks, Break{Seq: e.Seq, EntryID: e.ID, Kind: kind, Detail: fmt.Sprintf(format, args...)})
		}
		if e.FundID != fund {
			report(BreakFund, "entry belongs to fund %q, not %q", e.FundID, fund)
		}
		if h := hexHash(*e); string(h[:]) != e.Hash {
			report(BreakContent, "content hashes to %s, not to the stored %s", string(h[:]), e.Hash)
		}
		if e.PrevHash != prevHash {
			report(BreakLink, "previous hash %s is not %s, the hash of the entry before it", e.PrevHash, prevHash)
		}
		switch {
		case e.Seq == prevSeq+1:
		case e.Seq == prevSeq+2:
			report(BreakSequence, "entry %d is missing", prevSeq+1)
		case e.Seq > prevSeq+2:
			report(BreakSequence, "entries %d to %d are missing", prevSeq+1, e.Seq-1)
		case prevSeq == 0:
			report(BreakSequence, "sequence number %d; a chain counts from 1", e.Seq)
		default:
			report(BreakSequence, "sequence number %d does not follow %d", e.Seq, prevSeq)
		}
		prevHash, prevSeq = e.Hash, e.Seq
	}
	return breaks
}

// chainFund returns the fund most entries belong to; on a tie, the fund of the entry
// that comes first in order.
func chainFund(entries []Entry, order []int) string {
	count := map[string]int{}
	most := 0
	for _, e := range entries {
		count[e.FundID]++
		most = max(most, count[e.FundID])
	}
	for _, i := range order {
		if count[entries[i].FundID] == most {
			return entries[i].FundID
		}
	}
	return "" // Unreachable: entries is not empty.
}

// Head returns the Seq and Hash of the last entry in Seq order, or 0 and Genesis for
// no entries. The app stores it with the fund on every append; a Head read back that
// differs shows entries removed from the end, which Verify cannot see.
func Head(entries []Entry) (int64, string) {
	seq, hash := int64(0), Genesis
	for _, e := range entries {
		if e.Seq >= seq {
			seq, hash = e.Seq, e.Hash
		}
	}
	return seq, hash
}
