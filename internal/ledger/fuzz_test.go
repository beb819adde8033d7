package ledger

import (
	"cmp"
	"math"
	"slices"
	"testing"
)

// FuzzVerify tampers with the hand-made chain by operations decoded from bytes (three
// bytes each: operation, entry, value) and checks that Verify, Balances, CheckAppend
// and Head never panic, that breaks come in chain order, and that whenever Verify
// finds nothing the chain really is whole.
func FuzzVerify(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 2, 3})
	f.Add([]byte{3, 4, 0, 5, 1, 2})
	f.Add([]byte{1, 6, 255, 7, 6, 0})
	f.Add([]byte{4, 0, 0, 6, 3, 1, 2, 5, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		es := handChain()
		for ; len(data) >= 3 && len(es) > 0; data = data[3:] {
			es = tamper(es, data[0], int(data[1])%len(es), data[2])
		}
		breaks := Verify(es)
		if !slices.IsSortedFunc(breaks, func(a, b Break) int { return cmp.Compare(a.Seq, b.Seq) }) {
			t.Fatalf("breaks out of chain order: %+v", breaks)
		}
		if breaks == nil {
			checkWhole(t, es)
		}
		Balances(es)
		CheckAppend("f1", "USD", es, Entry{ID: "n", FundID: "f1", Kind: KindFee, Amount: 1, Currency: "USD", At: t0})
		Head(es)
	})
}

// tamper applies one decoded operation to entry i of es.
func tamper(es []Entry, op byte, i int, v byte) []Entry {
	e := &es[i]
	texts := []string{"", "e1", "f2", KindFee, "USD", "caf\xe9", "a\x00b", "0:,", string(rune(0x1F30D))}
	s := texts[int(v)%len(texts)]
	switch op % 9 {
	case 0:
		*[]*string{&e.ID, &e.FundID, &e.Kind, &e.Currency, &e.OrganizationID, &e.Corrects, &e.Memo}[int(v)%7] = s
	case 1:
		e.Seq = int64(int8(v))
	case 2:
		e.Amount = []int64{int64(int8(v)) * 1000, math.MinInt64, math.MaxInt64}[int(v)%3]
	case 3:
		return slices.Delete(es, i, i+1)
	case 4:
		return append(es, *e)
	case 5:
		j := int(v) % len(es)
		es[i], es[j] = es[j], es[i]
	case 6:
		e.PrevHash, e.Hash = es[int(v)%len(es)].Hash, es[(int(v)+1)%len(es)].PrevHash
	case 7:
		var prev *Entry
		if i > 0 {
			prev = &es[i-1]
		}
		*e = Seal(prev, *e) // Rehash as a forger would.
	default:
		e.ApprovedBy = append(slices.Clone(e.ApprovedBy), s)
	}
	return es
}

// checkWhole checks, without Verify, that es is one fund's complete chain from 1.
func checkWhole(t *testing.T, es []Entry) {
	t.Helper()
	sorted := slices.SortedStableFunc(slices.Values(es), func(a, b Entry) int { return cmp.Compare(a.Seq, b.Seq) })
	prev := Genesis
	for i, e := range sorted {
		if e.Seq != int64(i+1) || e.PrevHash != prev || e.Hash != HashOf(e) || e.FundID != sorted[0].FundID {
			t.Fatalf("Verify found nothing, but entry %d (%s) is out of place", i, e.ID)
		}
		prev = e.Hash
	}
}
