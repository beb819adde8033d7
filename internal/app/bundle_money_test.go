package app_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestBundle_LedgerTravelsVerifiable: the demo's funds travel with their whole ledgers,
// which verify on the other side exactly as at home; an amount changed in the file breaks
// the chain and the import refuses it, writing nothing.
func TestBundle_LedgerTravelsVerifiable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		raw := exportRaw(t, src, coordinator, ids["Rooted Homes Coalition"])
		b, problems := bundle.Parse(raw)
		if problems != nil {
			t.Fatal(problems)
		}
		entries := 0
		for _, f := range b.Funds {
			entries += len(f.Entries)
		}
		if len(b.Funds) != 2 || entries < 10 || len(b.Contributions) < 100 || len(b.AllocationRounds) != 2 {
			t.Fatalf("money: %d funds, %d entries, %d contributions, %d rounds", len(b.Funds), entries, len(b.Contributions), len(b.AllocationRounds))
		}
		dst, admin, _ := bundleTarget(t, db)
		c, err := dst.ImportBundle(ctx, admin, raw)
		if err != nil {
			t.Fatal(err)
		}
		report, err := dst.VerifyLedgers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		imported := 0
		for _, v := range report {
			if v.Fund.CoalitionID == c.ID {
				imported++
				if !v.Chain.Intact || !v.Chain.HeadMatches || v.Chain.Entries == 0 {
					t.Errorf("fund %s after import: %+v", v.Fund.Name, v.Chain)
				}
			}
		}
		if imported != 2 {
			t.Errorf("%d funds verified in the imported coalition, want 2", imported)
		}

		// Tampering: one amount changed.
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		doc["coalition"].(map[string]any)["id"] = "another-id"
		doc["coalition"].(map[string]any)["slug"] = "another-slug"
		entry := doc["funds"].([]any)[0].(map[string]any)["entries"].([]any)[0].(map[string]any)
		entry["amount"] = entry["amount"].(float64) + 100
		tampered, _ := json.Marshal(doc)
		other, admin2, _ := bundleTarget(t, db)
		_, err = other.ImportBundle(ctx, admin2, tampered)
		if err == nil || !strings.Contains(err.Error(), "chain is broken") {
			t.Errorf("import of a tampered ledger: %v", err)
		}
	})
}
