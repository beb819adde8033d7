package ledger

import (
	"errors"
	"testing"
	"time"
)

// TestValidate checks each rule of Validate on one field at a time.
func TestValidate(t *testing.T) {
	ok := Entry{ID: "e1", FundID: "f1", Kind: KindAllocated, Amount: 100, Currency: "USD", OrganizationID: "org-a", ApprovedBy: []string{"p1", "p2"}, At: t0}
	if err := Validate(ok); err != nil {
		t.Fatalf("Validate(valid entry) = %v", err)
	}
	tests := []struct {
		name  string
		edit  func(*Entry)
		field string
	}{
		{"no ID", func(e *Entry) { e.ID = "" }, "id"},
		{"no fund", func(e *Entry) { e.FundID = "" }, "fund_id"},
		{"unknown kind", func(e *Entry) { e.Kind = "gift" }, "kind"},
		{"lower-case currency", func(e *Entry) { e.Currency = "usd" }, "currency"},
		{"unknown currency", func(e *Entry) { e.Currency = "XYZ" }, "currency"},
		{"gold is not money here", func(e *Entry) { e.Currency = "XAU" }, "currency"},
		{"half a code", func(e *Entry) { e.Currency = "SD" }, "currency"},
		{"straddling two codes", func(e *Entry) { e.Currency = "D A" }, "currency"},
		{"zero amount", func(e *Entry) { e.Amount = 0 }, "amount"},
		{"negative amount", func(e *Entry) { e.Amount = -100 }, "amount"},
		{"correction with a positive amount", func(e *Entry) { e.Kind, e.Corrects = KindCorrection, "e0" }, "amount"},
		{"correction naming nothing", func(e *Entry) { e.Kind, e.Amount = KindCorrection, -100 }, "corrects"},
		{"non-correction naming an entry", func(e *Entry) { e.Corrects = "e0" }, "corrects"},
		{"allocation to nobody", func(e *Entry) { e.OrganizationID = "" }, "organization_id"},
		{"payment to nobody", func(e *Entry) { e.Kind, e.OrganizationID = KindPaidOut, "" }, "organization_id"},
		{"no time", func(e *Entry) { e.At = time.Time{} }, "at"},
		{"repeated approver", func(e *Entry) { e.ApprovedBy = []string{"p1", "p1"} }, "approved_by"},
		{"empty approver", func(e *Entry) { e.ApprovedBy = []string{""} }, "approved_by"},
		{"invalid UTF-8", func(e *Entry) { e.Memo = "caf\xe9" }, "memo"},
		{"NUL byte", func(e *Entry) { e.OrganizationID = "org\x00a" }, "organization_id"},
	}
	for _, tt := range tests {
		e := ok
		e.ApprovedBy = append([]string(nil), ok.ApprovedBy...)
		tt.edit(&e)
		var ie *InputError
		if err := Validate(e); !errors.As(err, &ie) || ie.Field != tt.field || ie.EntryID != e.ID {
			t.Errorf("%s: Validate = %v, want an *InputError on %q", tt.name, err, tt.field)
		}
	}
	// A received amount and a fee need not name an organization.
	for _, kind := range []string{KindReceived, KindFee} {
		e := ok
		e.Kind, e.OrganizationID = kind, ""
		if err := Validate(e); err != nil {
			t.Errorf("%s without an organization: %v", kind, err)
		}
	}
}

func TestIsCurrency(t *testing.T) {
	for code, want := range map[string]bool{
		"USD": true, "EUR": true, "MXN": true, "SOS": true, "CAD": true, "JPY": true, "ZWG": true, "XOF": true,
		"usd": false, "US": false, "USDD": false, "": false, "ABC": false, "XTS": false, "USN": false, "D A": false, "AED AFN": false,
	} {
		if got := IsCurrency(code); got != want {
			t.Errorf("IsCurrency(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestCheckAppend appends to the hand-made chain (pool 197,500; owed org-a 80,000 and
// org-b 100,000) and checks what may and may not be written.
func TestCheckAppend(t *testing.T) {
	entry := func(id, kind string, amount int64, org string) Entry {
		return Entry{ID: id, FundID: "f1", Kind: kind, Amount: amount, Currency: "USD", OrganizationID: org, At: t0}
	}
	correction := func(id, corrects string, amount int64, org string) Entry {
		e := entry(id, KindCorrection, amount, org)
		e.Corrects = corrects
		return e
	}
	tests := []struct {
		name  string
		added []Entry
		entry string // The entry at fault, "" when the append is allowed.
		field string
	}{
		{"a round within the pool", []Entry{entry("n1", KindAllocated, 97_500, "org-a"), entry("n2", KindAllocated, 100_000, "org-c")}, "", ""},
		// 97,500 + 100,001 = 197,501 > 197,500: the second allocation crosses.
		{"a round beyond the pool", []Entry{entry("n1", KindAllocated, 97_500, "org-a"), entry("n2", KindAllocated, 100_001, "org-c")}, "n2", "amount"},
		{"payment of what is owed", []Entry{entry("n1", KindPaidOut, 80_000, "org-a")}, "", ""},
		{"payment beyond what is owed", []Entry{entry("n1", KindPaidOut, 80_001, "org-a")}, "n1", "amount"},
		{"payment to a member owed nothing", []Entry{entry("n1", KindPaidOut, 1, "org-c")}, "n1", "amount"},
		{"fee beyond the pool", []Entry{entry("n1", KindFee, 197_501, "")}, "n1", "amount"},
		// Correcting the 500,000 received would leave the pool at −302,500: the
		// allocations must be corrected first (and e4's payment before e2).
		{"receipt already allocated", []Entry{correction("n1", "e1", -500_000, "")}, "n1", "amount"},
		{"allocation already paid", []Entry{correction("n1", "e2", -200_000, "org-a")}, "n1", "amount"},
		{"corrections in order", []Entry{
			correction("n1", "e4", -120_000, "org-a"), correction("n2", "e2", -200_000, "org-a"),
			correction("n3", "e7", -100_000, "org-b"), correction("n4", "e5", -2_500, ""), correction("n5", "e1", -500_000, ""),
		}, "", ""},
		{"correction of a new entry", []Entry{entry("n1", KindReceived, 10, ""), correction("n2", "n1", -10, "")}, "", ""},
		{"double correction", []Entry{correction("n1", "e3", -150_000, "org-b")}, "n1", "corrects"},
		{"other fund", []Entry{func() Entry { e := entry("n1", KindReceived, 1, ""); e.FundID = "f2"; return e }()}, "n1", "fund_id"},
		{"currency mismatch", []Entry{func() Entry { e := entry("n1", KindReceived, 1, ""); e.Currency = "CAD"; return e }()}, "n1", "currency"},
		{"ID taken", []Entry{entry("e5", KindReceived, 1, "")}, "e5", "id"},
		{"invalid amount", []Entry{entry("n1", KindReceived, 0, "")}, "n1", "amount"},
	}
	for _, tt := range tests {
		err := CheckAppend("f1", "USD", handChain(), tt.added...)
		if tt.entry == "" {
			if err != nil {
				t.Errorf("%s: CheckAppend = %v, want nil", tt.name, err)
			}
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) || ie.EntryID != tt.entry || ie.Field != tt.field {
			t.Errorf("%s: CheckAppend = %v, want an *InputError on %s %s", tt.name, err, tt.entry, tt.field)
		}
	}
}

// TestCheckAppendExisting checks that a ledger that does not add up, or that holds
// another fund's or currency's entries, takes no new entries.
func TestCheckAppendExisting(t *testing.T) {
	add := Entry{ID: "n1", FundID: "f1", Kind: KindReceived, Amount: 1, Currency: "USD", At: t0}
	broken := handChain()
	broken[5].Amount = -1 // e6 no longer reverses e3 exactly.
	var ie *InputError
	if err := CheckAppend("f1", "USD", broken, add); !errors.As(err, &ie) || ie.Field != "ledger" || ie.EntryID != "e6" {
		t.Errorf("broken ledger: %v, want an *InputError on e6's ledger", err)
	}
	if err := CheckAppend("f1", "CAD", handChain(), add); !errors.As(err, &ie) || ie.Field != "currency" || ie.EntryID != "e1" {
		t.Errorf("ledger in another currency: %v, want an *InputError on e1's currency", err)
	}
	if err := CheckAppend("f1", "USD", nil, add); err != nil {
		t.Errorf("first entry of an empty fund: %v", err)
	}
	if err := CheckAppend("f1", "USD", handChain()); err != nil {
		t.Errorf("nothing added: %v", err)
	}
}
