package ledger

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// model is a plain account of a fund, kept beside the random ledger it generates.
type model struct {
	pool, held int64
	owed       map[string]int64
	open       []Entry // Entries that may still be corrected.
}

// randomLedger draws n valid movements of fund f1 in USD, each sealed after the last:
// received, allocations within the pool, payments within what is owed, fees, and
// corrections whose reversal leaves no balance negative.
func randomLedger(r *rand.Rand, n int) ([]Entry, model) {
	m := model{owed: map[string]int64{}}
	var out []Entry
	for i := range n {
		e := m.next(r)
		e.ID, e.FundID, e.Currency = fmt.Sprintf("e%d", i+1), "f1", "USD"
		e.At = t0.Add(time.Duration(i) * time.Hour)
		if r.IntN(3) == 0 {
			e.ApprovedBy = []string{"p1", fmt.Sprintf("p%d", 2+r.IntN(5))}
		}
		var prev *Entry
		if len(out) > 0 {
			prev = &out[len(out)-1]
		}
		out = append(out, Seal(prev, e))
		if e.Kind != KindCorrection {
			m.open = append(m.open, out[len(out)-1])
		}
	}
	return out, m
}

// next draws one movement that the model allows and applies it.
func (m *model) next(r *rand.Rand) Entry {
	orgs := []string{"org-a", "org-b", "org-c", "org-d"}
	org := orgs[r.IntN(len(orgs))]
	switch op := r.IntN(5); {
	case op == 1 && m.pool > 0:
		a := 1 + r.Int64N(m.pool)
		m.pool, m.owed[org] = m.pool-a, m.owed[org]+a
		return Entry{Kind: KindAllocated, Amount: a, OrganizationID: org}
	case op == 2 && m.owed[org] > 0:
		a := 1 + r.Int64N(m.owed[org])
		m.owed[org], m.held = m.owed[org]-a, m.held-a
		return Entry{Kind: KindPaidOut, Amount: a, OrganizationID: org}
	case op == 3 && m.pool > 0:
		a := 1 + r.Int64N(min(m.pool, 10_000))
		m.pool, m.held = m.pool-a, m.held-a
		return Entry{Kind: KindFee, Amount: a, Memo: "bank fee"}
	case op == 4 && len(m.open) > 0:
		if c, ok := m.correct(m.open[r.IntN(len(m.open))]); ok {
			return c
		}
	}
	a := 1 + r.Int64N(1_000_000_000)
	m.pool, m.held = m.pool+a, m.held+a
	return Entry{Kind: KindReceived, Amount: a, Memo: "grant"}
}

// correct reverses e if no balance goes negative, and forgets e as correctable.
func (m *model) correct(e Entry) (Entry, bool) {
	a := e.Amount
	switch {
	case e.Kind == KindReceived && m.pool >= a:
		m.pool, m.held = m.pool-a, m.held-a
	case e.Kind == KindAllocated && m.owed[e.OrganizationID] >= a:
		m.pool, m.owed[e.OrganizationID] = m.pool+a, m.owed[e.OrganizationID]-a
	case e.Kind == KindPaidOut:
		m.owed[e.OrganizationID], m.held = m.owed[e.OrganizationID]+a, m.held+a
	case e.Kind == KindFee:
		m.pool, m.held = m.pool+a, m.held+a
	default:
		return Entry{}, false
	}
	m.open = slices.DeleteFunc(m.open, func(o Entry) bool { return o.ID == e.ID })
	return Entry{Kind: KindCorrection, Corrects: e.ID, Amount: -a, OrganizationID: e.OrganizationID}, true
}

// TestLedgerProperties seals 400 random ledgers and checks that each verifies, adds
// up to its model, passes CheckAppend entry by entry, survives being read in any
// order, and that one tampered field or one deleted entry is found where it happened.
func TestLedgerProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 2026))
	for i := range 400 {
		es, m := randomLedger(r, 1+r.IntN(150))
		if got := Verify(es); got != nil {
			t.Fatalf("case %d: Verify = %+v", i, got)
		}
		if err := CheckAppend("f1", "USD", nil, es...); err != nil {
			t.Fatalf("case %d: CheckAppend of a valid ledger: %v", i, err)
		}
		var owed int64
		for _, o := range m.owed {
			owed += o
		}
		bal, err := Balances(es)
		if err != nil || len(bal) != 1 || bal[0].Pool != m.pool || bal[0].Owed != owed || bal[0].Held != m.held || bal[0].Pool+bal[0].Owed != bal[0].Held {
			t.Fatalf("case %d: Balances = %+v, %v; want pool %d, owed %d, held %d", i, bal, err, m.pool, owed, m.held)
		}
		shuffled := slices.Clone(es)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		again, err := Balances(shuffled)
		if Verify(shuffled) != nil || err != nil || !cmp.Equal(bal, again) {
			t.Fatalf("case %d: reading the entries in another order changed the outcome", i)
		}
		checkTamper(t, r, es)
		checkDelete(t, r, es)
	}
}

// checkTamper changes one field of one random entry and checks that Verify reports
// it at that entry, and only there (a changed Hash also breaks the next link).
func checkTamper(t *testing.T, r *rand.Rand, es []Entry) {
	t.Helper()
	k := r.IntN(len(es))
	tampered := slices.Clone(es)
	e := &tampered[k]
	field := r.IntN(12)
	switch field {
	case 0:
		e.ID += "x"
	case 1:
		e.FundID = "f2"
	case 2:
		e.Kind = Kinds[(slices.Index(Kinds, e.Kind)+1)%len(Kinds)]
	case 3:
		e.Amount += 1 + r.Int64N(100)
	case 4:
		e.Currency = "EUR"
	case 5:
		e.OrganizationID += "x"
	case 6:
		e.Corrects = "e0"
	case 7:
		e.Memo += " "
	case 8:
		e.ApprovedBy = append(slices.Clone(e.ApprovedBy), "p99")
	case 9:
		e.At = e.At.Add(time.Microsecond)
	case 10:
		e.PrevHash = HashOf(Entry{ID: "forged"})
	case 11:
		e.Hash = HashOf(Entry{ID: "forged"})
	}
	breaks := Verify(tampered)
	if len(breaks) == 0 || breaks[0].Seq != e.Seq || breaks[0].Kind != BreakContent && breaks[0].Kind != BreakFund {
		t.Fatalf("field %d of entry %d changed: breaks %+v", field, e.Seq, breaks)
	}
	for _, b := range breaks {
		if b.Seq != e.Seq && !(field == 11 && b.Seq == e.Seq+1 && b.Kind == BreakLink) {
			t.Fatalf("field %d of entry %d changed: unexpected break %+v", field, e.Seq, b)
		}
	}
}

// checkDelete removes one random entry other than the last and checks that the
// entry after the hole breaks.
func checkDelete(t *testing.T, r *rand.Rand, es []Entry) {
	t.Helper()
	if len(es) < 2 {
		return
	}
	k := r.IntN(len(es) - 1)
	want := []at{{es[k+1].Seq, BreakLink}, {es[k+1].Seq, BreakSequence}}
	if diff := cmp.Diff(want, where(Verify(slices.Delete(slices.Clone(es), k, k+1)))); diff != "" {
		t.Fatalf("entry %d deleted: breaks (-want +got):\n%s", es[k].Seq, diff)
	}
}
