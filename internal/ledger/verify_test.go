package ledger

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestVerifyIntact(t *testing.T) {
	if got := Verify(handChain()); got != nil {
		t.Errorf("Verify of an intact chain = %+v, want nil", got)
	}
	if got := Verify(nil); got != nil {
		t.Errorf("Verify(nil) = %+v, want nil", got)
	}
}

// TestVerifyTampering changes the hand-made chain behind the application's back, one
// way per case, and checks exactly where Verify reports it. Unless a case says
// otherwise it changes entry 3 (e3), and a changed field breaks entry 3 only: its
// stored Hash, which entry 4 links to, is untouched.
func TestVerifyTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func([]Entry) []Entry
		want   []at
	}{
		{"id", edit(func(e *Entry) { e.ID = "e3x" }), []at{{3, BreakContent}}},
		{"fund", edit(func(e *Entry) { e.FundID = "f2" }), []at{{3, BreakFund}, {3, BreakContent}}},
		{"kind", edit(func(e *Entry) { e.Kind = KindFee }), []at{{3, BreakContent}}},
		{"amount", edit(func(e *Entry) { e.Amount = 15_000 }), []at{{3, BreakContent}}},
		{"currency", edit(func(e *Entry) { e.Currency = "CAD" }), []at{{3, BreakContent}}},
		{"organization", edit(func(e *Entry) { e.OrganizationID = "org-c" }), []at{{3, BreakContent}}},
		{"corrects", edit(func(e *Entry) { e.Corrects = "e1" }), []at{{3, BreakContent}}},
		{"memo", edit(func(e *Entry) { e.Memo = "approved" }), []at{{3, BreakContent}}},
		{"approver added", edit(func(e *Entry) { e.ApprovedBy = append(e.ApprovedBy, "p9") }), []at{{3, BreakContent}}},
		{"approver removed", edit(func(e *Entry) { e.ApprovedBy = e.ApprovedBy[:1] }), []at{{3, BreakContent}}},
		{"time", edit(func(e *Entry) { e.At = e.At.Add(time.Second) }), []at{{3, BreakContent}}},
		{"previous hash", edit(func(e *Entry) { e.PrevHash = Genesis }), []at{{3, BreakContent}, {3, BreakLink}}},
		// The stored hash itself: entry 3 no longer matches it, nor entry 4 links to it.
		{"hash", edit(func(e *Entry) { e.Hash = Genesis }), []at{{3, BreakContent}, {4, BreakLink}}},
		// An edit covered by a new hash shows where entry 4 links to the old one.
		{"edit and rehash", edit(func(e *Entry) { e.Amount = 15_000; e.Hash = HashOf(*e) }), []at{{4, BreakLink}}},
		// Seq 3 → 30: a hole at 3 (entry 4 no longer follows 2), and e3 at the end.
		{"seq moved", edit(func(e *Entry) { e.Seq = 30 }), []at{{4, BreakLink}, {4, BreakSequence}, {30, BreakContent}, {30, BreakLink}, {30, BreakSequence}}},
		// Seq 3 → 2: e3 sorts after e2, so its link holds, but 2 repeats and 3 is missing.
		{"seq repeated", edit(func(e *Entry) { e.Seq = 2 }), []at{{2, BreakContent}, {2, BreakSequence}, {4, BreakSequence}}},
		{"deleted", func(es []Entry) []Entry { return append(es[:2:2], es[3:]...) }, []at{{4, BreakLink}, {4, BreakSequence}}},
		{"first deleted", func(es []Entry) []Entry { return es[1:] }, []at{{2, BreakLink}, {2, BreakSequence}}},
		// Rows read in another order are sorted by Seq: nothing to report.
		{"rows out of order", func(es []Entry) []Entry { es[2], es[4] = es[4], es[2]; return es }, nil},
		// e3 and e4 swap places in the chain: both changed, both and e5 mislinked.
		{"swapped", func(es []Entry) []Entry { es[2].Seq, es[3].Seq = 4, 3; return es },
			[]at{{3, BreakContent}, {3, BreakLink}, {4, BreakContent}, {4, BreakLink}, {5, BreakLink}}},
		// An intact entry of fund f2 slipped in: it sorts after e1 (both Seq 1).
		{"other fund", func(es []Entry) []Entry {
			return append(es, Seal(nil, Entry{ID: "x1", FundID: "f2", Kind: KindReceived, Amount: 1, Currency: "USD", At: t0}))
		}, []at{{1, BreakFund}, {1, BreakLink}, {1, BreakSequence}, {2, BreakLink}}},
		// Approvers read back in another order, or the time in another zone: same content.
		{"approvers reordered", edit(func(e *Entry) { e.ApprovedBy = []string{"p2", "p1"} }), nil},
		{"time zone", edit(func(e *Entry) { e.At = e.At.In(time.FixedZone("CST", -6*3600)) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := where(Verify(tt.tamper(handChain())))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("breaks (-want +got):\n%s", diff)
			}
		})
	}
}

// edit returns a tampering that changes entry 3 (e3) with f.
func edit(f func(*Entry)) func([]Entry) []Entry {
	return func(es []Entry) []Entry {
		f(&es[2])
		return es
	}
}

// TestVerifyResealed shows the limit of a hash chain: whoever rewrites every hash from
// the edit onwards leaves a chain that verifies, but its head changes; and entries
// removed from the end leave no trace but a shorter head. The app keeps the head it
// last wrote with the fund and compares it with Head.
func TestVerifyResealed(t *testing.T) {
	es := handChain()
	seq, head := Head(es)
	if seq != 7 || head != es[6].Hash {
		t.Fatalf("Head = %d %s, want 7 and e7's hash", seq, head)
	}
	forged := append([]Entry(nil), es[:2]...)
	for _, e := range es[2:] {
		if e.ID == "e3" {
			e.Amount = 15_000
		}
		forged = append(forged, Seal(&forged[len(forged)-1], e))
	}
	if got := Verify(forged); got != nil {
		t.Fatalf("Verify of a resealed chain = %+v; the test assumes nil", got)
	}
	if _, h := Head(forged); h == head {
		t.Error("resealing the chain kept the head; it must change")
	}
	if s, _ := Head(es[:6]); s != 6 || Verify(es[:6]) != nil {
		t.Errorf("truncated chain: head %d; Verify %+v", s, Verify(es[:6]))
	}
	if s, h := Head(nil); s != 0 || h != Genesis {
		t.Errorf("Head(nil) = %d %s, want 0 and Genesis", s, h)
	}
}

// TestVerifyDetail checks that a break explains itself in a sentence.
func TestVerifyDetail(t *testing.T) {
	es := handChain()
	got := Verify(append(es[:2:2], es[3:]...))
	want := Break{Seq: 4, EntryID: "e4", Kind: BreakSequence, Detail: "entry 3 is missing"}
	if len(got) != 2 || got[1] != want {
		t.Errorf("breaks = %+v, want the second to be %+v", got, want)
	}
}
