package app_test

import (
	"bytes"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

var pdfBytes = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// TestDocuments: sharing, searching in full text (words in any order, prefixes, accents
// folded on SQLite), filters, links checked against the coalition, files checked by type
// and size, who may change what, and another coalition seeing nothing.
func TestDocuments(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWorkWorld(t, a)
		task, err := a.CreateTask(ctx, w.coord, w.c.ID, app.TaskInput{WorkstreamID: w.ws.ID, Title: "Testify", OwnerOrgID: w.m1.OrganizationID})
		if err != nil {
			t.Fatal(err)
		}
		brief, err := a.ShareDocument(ctx, w.rep, w.c.ID, app.DocumentInput{Title: "Tenant displacement brief", Kind: "brief",
			Body: "Rents rose 30% in Cedar-Riverside; **evictions** doubled.", IssueAreas: []string{"housing"}, Geographies: []string{"Minneapolis"},
			OrganizationID: w.m1.OrganizationID, LinkType: "task", LinkID: task.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.ShareDocument(ctx, w.coord, w.c.ID, app.DocumentInput{Title: "Transit testimony", Kind: "testimony",
			Body: "Bus riders spoke about the route 5 cuts.", IssueAreas: []string{"transit"}}); err != nil {
			t.Fatal(err)
		}
		// Bad input writes nothing.
		for _, in := range []app.DocumentInput{
			{Title: " ", Kind: "brief"},
			{Title: "x", Kind: "poem"},
			{Title: "x", Kind: "notes", LinkType: "task", LinkID: "nope"},
			{Title: "x", Kind: "notes", LinkType: "win", LinkID: task.ID},
			{Title: "x", Kind: "notes", OrganizationID: w.otherM.OrganizationID},
		} {
			_, err := a.ShareDocument(ctx, w.coord, w.c.ID, in)
			wantCode(t, err, domain.EINVALID)
		}
		search := func(q string) []string {
			t.Helper()
			docs, err := a.Documents(ctx, w.rep2, w.c.ID, app.DocumentQuery{Search: q})
			if err != nil {
				t.Fatalf("search %q: %v", q, err)
			}
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
			}
			return titles
		}
		for q, want := range map[string]int{"evictions": 1, "EVICTION": 1, "rents cedar": 1, "tenan": 1, "housing": 1, "minneapolis": 1,
			"bus": 1, "route 5": 1, "riders evictions": 0, "zebra": 0} {
			if got := search(q); len(got) != want {
				t.Errorf("search %q found %v, want %d", q, got, want)
			}
		}
		_, err = a.Documents(ctx, w.rep2, w.c.ID, app.DocumentQuery{Search: `"*() -- :`})
		wantFieldError(t, err, "q")
		linked, err := a.Documents(ctx, w.rep2, w.c.ID, app.DocumentQuery{DocumentFilter: storeFilter("", "", "task", task.ID)})
		if err != nil || len(linked) != 1 || linked[0].ID != brief.ID {
			t.Errorf("linked from the task: %+v, %v", linked, err)
		}
		tagged, _ := a.Documents(ctx, w.rep2, w.c.ID, app.DocumentQuery{DocumentFilter: storeFilter("", "Transit", "", "")})
		if len(tagged) != 1 || tagged[0].Kind != "testimony" {
			t.Errorf("tagged transit: %+v", tagged)
		}

		// Files: type by content and name, size limit.
		_, err = a.AttachFile(ctx, w.rep, w.c.ID, brief.ID, "brief.pdf", []byte("<html><script>alert(1)</script></html>"))
		wantFieldError(t, err, "file")
		_, err = a.AttachFile(ctx, w.rep, w.c.ID, brief.ID, "brief.exe", pdfBytes)
		wantFieldError(t, err, "file")
		_, err = a.AttachFile(ctx, w.rep, w.c.ID, brief.ID, "big.pdf", append(append([]byte{}, pdfBytes...), make([]byte, domain.MaxUploadBytes)...))
		wantFieldError(t, err, "file")
		d, err := a.AttachFile(ctx, w.rep, w.c.ID, brief.ID, "../Tenant brief (final).pdf", pdfBytes)
		if err != nil || d.FileName != "Tenant_brief_final.pdf" || d.FileType != "application/pdf" || d.FileSize != len(pdfBytes) || d.Version != 2 {
			t.Fatalf("attach: %+v, %v", d, err)
		}
		_, content, err := a.DocumentFile(ctx, w.rep2, w.c.ID, brief.ID)
		if err != nil || !bytes.Equal(content, pdfBytes) {
			t.Errorf("file back: %d bytes, %v", len(content), err)
		}

		// Changing: the sharer and curators may; another member may not; stale is refused.
		in := app.DocumentInput{Title: "Tenant displacement brief, 2026", Kind: "brief", Body: "Updated figures."}
		_, err = a.UpdateDocument(ctx, w.rep2, w.c.ID, brief.ID, in, 2)
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.UpdateDocument(ctx, w.rep, w.c.ID, brief.ID, in, 1)
		wantCode(t, err, domain.EPRECONDITION)
		if _, err := a.UpdateDocument(ctx, w.rep, w.c.ID, brief.ID, in, 2); err != nil {
			t.Fatal(err)
		}
		if got := search("evictions"); len(got) != 0 {
			t.Errorf("the old text is still found: %v", got)
		}
		if got := search("updated"); len(got) != 1 {
			t.Errorf("the new text is not found: %v", got)
		}
		// Another coalition sees nothing.
		_, err = a.Document(ctx, w.rep2, w.other.ID, brief.ID)
		wantCode(t, err, domain.ENOTFOUND)
		stranger := mustUser(t, a, "stranger@example.org", false)
		_, err = a.Documents(ctx, stranger, w.c.ID, app.DocumentQuery{Search: "brief"})
		wantCode(t, err, domain.ENOTFOUND)
		if err := a.DeleteDocument(ctx, w.coord, w.c.ID, brief.ID); err != nil {
			t.Fatal(err)
		}
		_, _, err = a.DocumentFile(ctx, w.rep, w.c.ID, brief.ID)
		wantCode(t, err, domain.ENOTFOUND)
		if got := search("updated"); len(got) != 0 {
			t.Errorf("a deleted document is still found: %v", got)
		}
	})
}
