package api_test

import (
	"io"
	"regexp"
	"strings"
	"testing"
)

func TestBundles(t *testing.T) {
	f := newFixture(t)
	f.admin("admin")
	export := "/api/v1/coalitions/" + f.a.ID + "/export"
	bundle := f.get(export, "coord").body
	badRole := strings.Replace(bundle, `"role": "member"`, `"role": "boss"`, 1)
	f.run(t, []scenario{
		{name: "export", method: "GET", path: export, actor: "coord", status: 200, want: `"format": "braid.bundle"`,
			header: map[string]string{"Content-Type": "application/json", "Content-Disposition": `filename="housing-justice.braid.json"`}},
		{name: "export as member", method: "GET", path: export, actor: "rep", status: 403},
		{name: "export another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/export", actor: "coord", status: 404},
		{name: "export anonymous", method: "GET", path: export, status: 401},
		{name: "import as coordinator", method: "POST", path: "/api/v1/import", actor: "coord", body: bundle, status: 403},
		{name: "import anonymous", method: "POST", path: "/api/v1/import", body: bundle, status: 401},
		{name: "import existing coalition", method: "POST", path: "/api/v1/import", actor: "admin", body: bundle, status: 409,
			want: `"location":"body.coalition.id"`},
		{name: "import malformed", method: "POST", path: "/api/v1/import", actor: "admin", body: `{"format":`, status: 422},
		{name: "import invalid record", method: "POST", path: "/api/v1/import", actor: "admin", body: badRole, status: 422,
			want: `"location":"body.memberships[0].role"`},
		{name: "import over 20 MiB", method: "POST", path: "/api/v1/import", actor: "admin",
			reader: func() io.Reader { return io.LimitReader(repeat(' '), 21<<20) }, status: 413},
	})
}

// TestBundleRoundTrip exports a coalition, imports it into another deployment and
// exports it again: the same bytes apart from exported_at.
func TestBundleRoundTrip(t *testing.T) {
	f := newFixture(t)
	first := f.get("/api/v1/coalitions/"+f.a.ID+"/export", "coord")
	if first.status != 200 {
		t.Fatalf("export: %d %s", first.status, first.body)
	}
	other := newEnv(t)
	other.admin("admin")
	r := other.send("POST", "/api/v1/import", "admin", first.body, nil)
	if r.status != 201 || r.header.Get("Location") != "/api/v1/coalitions/"+f.a.ID {
		t.Fatalf("import: %d %v %s", r.status, r.header, r.body)
	}
	second := other.get("/api/v1/coalitions/"+f.a.ID+"/export", "admin")
	exported := regexp.MustCompile(`"exported_at": "[^"]*"`)
	if a, b := exported.ReplaceAllString(first.body, ""), exported.ReplaceAllString(second.body, ""); a != b {
		t.Errorf("round trip changed the bundle:\n%s\n---\n%s", a, b)
	}
}
