package ledger

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestCanonicalGolden pins the encoding with a worked example, so that it can never
// change unnoticed: exported ledgers are verified elsewhere against this format. The
// hash was computed outside Go:
//
//	printf '%s' '21:braid-ledger-entry-v1,64:000…000,2:e1,…' | sha256sum
func TestCanonicalGolden(t *testing.T) {
	at := time.Date(2026, 3, 1, 17, 30, 0, 123_456_789, time.FixedZone("CST", -6*3600))
	e := Seal(nil, Entry{ID: "e1", FundID: "fund-1", Kind: KindReceived, Amount: 500_000, Currency: "USD",
		Memo: "Grant, first tranche", ApprovedBy: []string{"p2", "p1"}, At: at})
	want := "21:braid-ledger-entry-v1," + "64:" + strings.Repeat("0", 64) + "," +
		"2:e1," + "6:fund-1," + "1:1," + "8:received," + "6:500000," + "3:USD," + "0:," + "0:," +
		"20:Grant, first tranche," + "1:2," + "2:p1," + "2:p2," + "27:2026-03-01T23:30:00.123456Z,"
	if got := string(Canonical(e)); got != want {
		t.Errorf("Canonical:\n got %s\nwant %s", got, want)
	}
	if want := "c111a441a53d04eee81183e85ba05b939d078cb763ec9ab80c48e3c76ea86bd9"; e.Hash != want {
		t.Errorf("Hash = %s, want %s", e.Hash, want)
	}
}

// TestSeal checks what Seal fills in and normalises.
func TestSeal(t *testing.T) {
	approvers := []string{"p3", "p1", "p2"}
	first := Seal(nil, Entry{ID: "a", Seq: 99, ApprovedBy: approvers, At: time.Date(2026, 1, 2, 3, 4, 5, 6_789, time.FixedZone("", 3600))})
	if first.Seq != 1 || first.PrevHash != Genesis {
		t.Errorf("first entry: Seq %d, PrevHash %s; want 1 and Genesis", first.Seq, first.PrevHash)
	}
	if want := time.Date(2026, 1, 2, 2, 4, 5, 6_000, time.UTC); !first.At.Equal(want) || first.At.Location() != time.UTC {
		t.Errorf("At = %v, want %v (UTC, whole microseconds)", first.At, want)
	}
	if diff := cmp.Diff([]string{"p1", "p2", "p3"}, first.ApprovedBy); diff != "" || approvers[0] != "p3" {
		t.Errorf("ApprovedBy sorted (-want +got):\n%s; the caller's slice must not change: %v", diff, approvers)
	}
	second := Seal(&first, Entry{ID: "b", At: t0})
	if second.Seq != 2 || second.PrevHash != first.Hash || second.Hash != HashOf(second) {
		t.Errorf("second entry: Seq %d, PrevHash %s, Hash %s", second.Seq, second.PrevHash, second.Hash)
	}
}

// TestCanonicalUnambiguous checks that the length prefixes keep fields apart and that
// only what means something changes the hash.
func TestCanonicalUnambiguous(t *testing.T) {
	base := Entry{ID: "e", FundID: "f", Kind: KindFee, Amount: 1, Currency: "USD", At: t0}
	a, b := base, base
	a.OrganizationID, a.Memo = "x,", "y"
	b.OrganizationID, b.Memo = "x", ",y"
	if HashOf(a) == HashOf(b) {
		t.Error("moving a comma between fields did not change the hash")
	}
	a, b = base, base
	a.ApprovedBy, b.ApprovedBy = []string{"p1", "p2"}, []string{"p2", "p1"}
	if HashOf(a) != HashOf(b) {
		t.Error("the order of approvers changed the hash")
	}
	a, b = base, base
	b.At = t0.In(time.FixedZone("EST", -5*3600))
	if HashOf(a) != HashOf(b) {
		t.Error("the same instant in another time zone changed the hash")
	}
	b.At = t0.Add(time.Microsecond)
	if HashOf(a) == HashOf(b) {
		t.Error("a microsecond did not change the hash")
	}
}
