package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/store"
)

// TestExportImportRoundTrip exports a demo coalition with the CLI, imports it into an
// empty database, exports it again and compares: only exported_at may differ. A broken
// bundle is refused with its problems listed and writes nothing.
func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := map[string]string{"BRAID_DATABASE_URL": filepath.Join(dir, "src.db")}
	dst := map[string]string{"BRAID_DATABASE_URL": filepath.Join(dir, "dst.db")}
	if _, err := run(t, src, "demo"); err != nil {
		t.Fatal(err)
	}
	id := firstCoalition(t, src["BRAID_DATABASE_URL"])
	first := filepath.Join(dir, "first.json")
	if _, err := run(t, src, "export", id, "-o", first); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, dst, "import", first); err != nil || !strings.Contains(out, "Imported coalition") {
		t.Fatalf("import: %v %q", err, out)
	}
	if _, err := run(t, dst, "import", first); err == nil {
		t.Error("importing the same coalition twice succeeded; want a conflict")
	}
	second, err := run(t, dst, "export", id)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(first)
	stamp := regexp.MustCompile(`"exported_at":\s*"[^"]*"`)
	if x, y := stamp.ReplaceAll(a, nil), stamp.ReplaceAll([]byte(second), nil); !bytes.Equal(x, y) {
		t.Errorf("export → import → export changed the bundle (%d vs %d bytes)", len(x), len(y))
	}

	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, bytes.Replace(a, []byte(`"role": "`), []byte(`"role": "overlord-`), 1), 0o600)
	empty := map[string]string{"BRAID_DATABASE_URL": filepath.Join(dir, "empty.db")}
	_, err = run(t, empty, "import", broken)
	if err == nil || !strings.Contains(err.Error(), "/memberships/") {
		t.Errorf("broken bundle: got %v, want a problem located in /memberships/", err)
	}
	if got := firstCoalition(t, empty["BRAID_DATABASE_URL"]); got != "" {
		t.Errorf("a refused import wrote coalition %s", got)
	}
}

// firstCoalition returns the id of the first public coalition in a database, "" if none.
func firstCoalition(t *testing.T, path string) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cs, err := app.New(db, nil).PublicCoalitions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) == 0 {
		return ""
	}
	return cs[0].ID
}
