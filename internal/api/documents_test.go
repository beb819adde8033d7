package api_test

import (
	"strings"
	"testing"
)

func init() {
	for route, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/documents":                    "member",
		"POST /api/v1/coalitions/{id}/documents":                   "member",
		"GET /api/v1/coalitions/{id}/documents/{document_id}":      "member",
		"PUT /api/v1/coalitions/{id}/documents/{document_id}":      "member",
		"DELETE /api/v1/coalitions/{id}/documents/{document_id}":   "member",
		"PUT /api/v1/coalitions/{id}/documents/{document_id}/file": "member",
		"GET /api/v1/coalitions/{id}/documents/{document_id}/file": "member",
	} {
		authExpectations[route] = who
	}
}

const testPDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

func TestDocumentsAPI(t *testing.T) {
	f := newFixture(t)
	docs := "/api/v1/coalitions/" + f.a.ID + "/documents"
	brief := `{"title":"Displacement brief","kind":"brief","body":"Evictions doubled in **Cedar-Riverside**.","issue_areas":["housing"]}`
	f.run(t, []scenario{
		{name: "share", method: "POST", path: docs, actor: "rep", body: brief, status: 201, header: map[string]string{"ETag": `"1"`, "Location": docs + "/"}},
		{name: "unknown kind", method: "POST", path: docs, actor: "rep", body: strings.Replace(brief, `"brief"`, `"poem"`, 1), status: 422, want: "body.kind"},
		{name: "link to another coalition's record", method: "POST", path: docs, actor: "rep",
			body: `{"title":"x","kind":"notes","link_type":"task","link_id":"nope"}`, status: 422, want: "body.link_id"},
		{name: "malformed", method: "POST", path: docs, actor: "rep", body: `{"title":`, status: 400},
		{name: "another coalition", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/documents", actor: "rep", body: brief, status: 404},
		{name: "search", method: "GET", path: docs + "?q=eviction", actor: "coord", status: 200, want: `"title":"Displacement brief"`},
		{name: "search misses", method: "GET", path: docs + "?q=zebra", actor: "coord", status: 200, want: `"documents":[]`},
		{name: "search of symbols", method: "GET", path: docs + "?q=%22%2A%28%29", actor: "coord", status: 422, want: "query.q"},
		{name: "filter by tag", method: "GET", path: docs + "?tag=Housing", actor: "coord", status: 200, want: `"kind":"brief"`},
		{name: "search in another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/documents?q=eviction", actor: "rep", status: 404},
	})
	var list struct{ Documents []struct{ ID string } }
	f.get(docs, "rep").json(t, &list)
	if len(list.Documents) != 1 {
		t.Fatalf("documents = %+v", list)
	}
	doc := docs + "/" + list.Documents[0].ID
	f.run(t, []scenario{
		{name: "html as pdf", method: "PUT", path: doc + "/file?name=brief.pdf", actor: "rep", body: "<html><script>alert(1)</script></html>",
			headers: map[string]string{"Content-Type": "application/octet-stream"}, status: 422, want: "cannot be shared here"},
		{name: "no name", method: "PUT", path: doc + "/file", actor: "rep", body: testPDF, headers: map[string]string{"Content-Type": "application/octet-stream"}, status: 422},
		{name: "pdf", method: "PUT", path: doc + "/file?name=brief.pdf", actor: "rep", body: testPDF,
			headers: map[string]string{"Content-Type": "application/octet-stream"}, status: 200, want: `"file_type":"application/pdf"`},
		{name: "download", method: "GET", path: doc + "/file", actor: "coord", status: 200, want: "%PDF-1.4",
			header: map[string]string{"Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="brief.pdf"`, "X-Content-Type-Options": "nosniff"}},
		{name: "download through another coalition", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/documents/" + list.Documents[0].ID + "/file", actor: "coordB", status: 404},
		{name: "update stale", method: "PUT", path: doc, actor: "rep", body: brief, headers: ifMatch(`"1"`), status: 412},
		{name: "update", method: "PUT", path: doc, actor: "rep", body: brief, headers: ifMatch(`"2"`), status: 200, header: map[string]string{"ETag": `"3"`}},
		{name: "delete by the coordinator", method: "DELETE", path: doc, actor: "coord", status: 204},
		{name: "gone", method: "GET", path: doc + "/file", actor: "rep", status: 404},
	})
}
