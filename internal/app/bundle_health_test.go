package app_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
	"github.com/google/go-cmp/cmp"
)

// TestBundle_HealthOnlyWhenAsked: a bundle leaves check-ins and tensions out unless the
// coordinator asks; then closed check-ins travel with anonymous responses (no account id
// anywhere in the file) and tensions with their history; the import makes the importer
// responsible for the tensions, the results read the same, and a second export is the
// same bytes. The command-line import (no importer) refuses tensions.
func TestBundle_HealthOnlyWhenAsked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		housing := ids["Rooted Homes Coalition"]
		plain, err := src.ExportCoalition(ctx, coordinator, housing)
		if err != nil {
			t.Fatal(err)
		}
		if len(plain.CheckIns)+len(plain.Tensions) != 0 {
			t.Fatalf("a plain export holds %d check-ins and %d tensions", len(plain.CheckIns), len(plain.Tensions))
		}
		withHealth := func(a *app.App, actor *domain.User, id string) []byte {
			t.Helper()
			b, err := a.ExportCoalitionWith(ctx, actor, id, app.ExportOptions{Health: true})
			if err != nil {
				t.Fatal(err)
			}
			raw, err := bundle.Encode(b)
			if err != nil {
				t.Fatal(err)
			}
			return raw
		}
		first := withHealth(src, coordinator, housing)
		b, problems := bundle.Parse(first)
		if problems != nil {
			t.Fatal(problems)
		}
		if len(b.CheckIns) != 2 || len(b.Tensions) != 1 || len(b.Tensions[0].Entries) == 0 || len(b.CheckIns[0].Responses) < 3 {
			t.Fatalf("health: %d check-ins (%d responses), %d tensions", len(b.CheckIns), len(b.CheckIns[0].Responses), len(b.Tensions))
		}
		// No account is named: not the coordinator, not any respondent.
		access, err := src.Access(ctx, coordinator, housing)
		if err != nil || len(access) < 3 {
			t.Fatalf("access: %d, %v", len(access), err)
		}
		for _, x := range access {
			if bytes.Contains(first, []byte(x.UserID)) {
				t.Errorf("the bundle names the account %s", x.UserID)
			}
		}
		results, err := src.CheckInResults(ctx, coordinator, housing, b.CheckIns[0].ID)
		if err != nil {
			t.Fatal(err)
		}

		dst, admin, _ := bundleTarget(t, db)
		c, err := dst.ImportBundle(ctx, admin, first)
		if err != nil {
			t.Fatal(err)
		}
		again, err := dst.CheckInResults(ctx, admin, c.ID, b.CheckIns[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		before, _ := json.Marshal([]any{results.Result, results.Breakdowns, results.CheckIn.Respondents})
		after, _ := json.Marshal([]any{again.Result, again.Breakdowns, again.CheckIn.Respondents})
		if !bytes.Equal(before, after) {
			t.Errorf("results differ after import:\n%s", cmp.Diff(string(before), string(after)))
		}
		second := withHealth(dst, admin, c.ID)
		if x, y := exportedAtLine.ReplaceAll(first, nil), exportedAtLine.ReplaceAll(second, nil); !bytes.Equal(x, y) {
			t.Errorf("export → import → export differs:\n%s", cmp.Diff(string(x), string(y)))
		}
		tensions, err := dst.Tensions(ctx, admin, c.ID)
		if err != nil || len(tensions) != 1 {
			t.Errorf("the importer sees %d tensions (%v), want the one they are responsible for", len(tensions), err)
		}
		log, _ := src.AuditLog(ctx, coordinator, housing, 0, 5)
		if len(log) == 0 || log[0].Action != "coalition.export_health" {
			t.Errorf("the source's audit log does not record the export: %+v", log)
		}

		other, _, _ := bundleTarget(t, db)
		_, err = other.ImportBundleAsSystem(ctx, first)
		if err == nil || !strings.Contains(err.Error(), "tensions") {
			t.Errorf("import without an importer: %v, want a refusal naming the tensions", err)
		}
	})
}
