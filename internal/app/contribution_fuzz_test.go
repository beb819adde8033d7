package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/store/storetest"
)

// FuzzImportContributions feeds any text to the CSV import. It never fails with
// anything but a refusal, a check never writes, and an import writes every row exactly
// when no row has an error.
func FuzzImportContributions(f *testing.F) {
	w := newMoneyWorld(f, storetest.MustOpenDB(f))
	for _, seed := range []string{
		"organization,date,hours,kind,description\nOrg One,2025-01-05,1.5,organizing,Doors\n",
		"organization,date,hours,kind,description,link_type,link_id\nOrg Two,2025-01-05,0.25,childcare,,win,nope\n",
		"\ufefforganization,date,hours,kind\norg one,2025-13-05,1e3,juggling\n\"unclosed",
		"",
	} {
		f.Add(seed, false)
	}
	f.Fuzz(func(t *testing.T, data string, write bool) {
		before, err := w.a.Contributions(ctx, w.coord, w.c.ID, app.ContributionQuery{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := w.a.ImportContributions(ctx, w.coord, w.c.ID, data, write)
		if err != nil {
			t.Fatalf("import failed: %v", err)
		}
		after, err := w.a.Contributions(ctx, w.coord, w.c.ID, app.ContributionQuery{})
		if err != nil {
			t.Fatal(err)
		}
		wrote := min(len(after), 500) - min(len(before), 500)
		shouldWrite := write && len(res.Errors) == 0 && len(res.Rows) > 0
		if res.Written != shouldWrite || (!shouldWrite && wrote != 0) || (shouldWrite && len(before)+len(res.Rows) <= 500 && wrote != len(res.Rows)) {
			t.Fatalf("write=%v: written %v, %d rows, %d errors, %d contributions added", write, res.Written, len(res.Rows), len(res.Errors), wrote)
		}
		for _, e := range res.Errors {
			if e.Row < 1 || e.Message == "" {
				t.Fatalf("row error %+v", e)
			}
		}
	})
}
