package server_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// The analysis library: everyone with a role reads it; coordinators, facilitators and
// members share; the document of the fixture was shared by member, who may change it,
// as may coordinators and facilitators (curators), not another member (nonrep).
const changeDocument = "login 404      403      ok     403    ok    ok    ok"

var libraryPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

func init() {
	const doc = "/coalitions/{id}/documents/{document_id}"
	shareForm := form("title", "Budget data", "kind", "data", "body", "Figures.")
	docJSON := jsonBody(map[string]any{"title": "Budget data", "kind": "data", "body": "Figures."})
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/documents", want: view, query: "?q=brief"},
		entry{route: "POST /coalitions/{id}/documents", want: recordWins, body: shareForm},
		entry{route: "GET " + doc, want: view},
		entry{route: "POST " + doc + "/edit", want: changeDocument, body: form("title", "Budget data", "kind", "data", "version", "2")},
		entry{route: "POST " + doc + "/file", want: changeDocument, body: func(*fixture, string) any {
			return fileUpload{field: "file", name: "budget.pdf", content: libraryPDF}
		}},
		entry{route: "GET " + doc + "/file", want: view},
		entry{route: "POST " + doc + "/delete", want: changeDocument},
		entry{route: "GET /api/v1/coalitions/{id}/documents", want: view, query: "?q=brief"},
		entry{route: "POST /api/v1/coalitions/{id}/documents", want: recordWins, body: docJSON},
		entry{route: "GET /api/v1" + doc, want: view},
		entry{route: "PUT /api/v1" + doc, want: changeDocument, etag: func(*fixture) int { return 2 }, body: docJSON},
		entry{route: "DELETE /api/v1" + doc, want: changeDocument},
		entry{route: "PUT /api/v1" + doc + "/file", want: changeDocument, query: "?name=budget.pdf", body: func(*fixture, string) any {
			return rawBody{contentType: "application/octet-stream", data: libraryPDF}
		}},
		entry{route: "GET /api/v1" + doc + "/file", want: view},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		ctx := context.Background()
		d, err := f.app.ShareDocument(ctx, f.users["member"], f.a.ID, app.DocumentInput{Title: "Displacement brief", Kind: "brief", Body: "Evictions doubled."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.app.AttachFile(ctx, f.users["member"], f.a.ID, d.ID, "brief.pdf", libraryPDF); err != nil {
			t.Fatal(err)
		}
		f.ids["document_id"] = d.ID
	})
}
