package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

const webPDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

// upload posts a file in a multipart form, as a browser does.
func (c *testClient) upload(path, name string, content []byte) *testResponse {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.site.URL+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

// A member shares a brief linked from a task, attaches a PDF, and finds it by search and
// by tag; bad files and searches are refused at the form; another coalition sees nothing.
func TestDocumentPages(t *testing.T) {
	s := newWinSite(t)
	c := signIn(t, s.site, "amina@example.org", testPassword)
	lib := "/coalitions/" + s.co.ID + "/documents"
	wantBody(t, c.get("/coalitions/"+s.co.ID), `href="`+lib+`"`)
	res := c.get(lib)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "No documents here yet.", "Share a document")

	res = c.post(lib, url.Values{"title": {""}, "kind": {"brief"}, "body": {"Kept text"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Kept text</textarea>", `id="e-title"`)
	res = c.post(lib, url.Values{"title": {"Displacement brief"}, "kind": {"brief"}, "body": {"Evictions **doubled** in Cedar-Riverside."},
		"issue_areas": {"housing, tenant rights"}, "geographies": {"Minneapolis"}, "link": {"task:nope"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-link"`, "Choose a task of this coalition.")
	res = c.post(lib, url.Values{"title": {"Displacement brief"}, "kind": {"brief"}, "body": {"Evictions **doubled** in Cedar-Riverside."},
		"issue_areas": {"housing, tenant rights"}, "geographies": {"Minneapolis"}, "organization_id": {s.hmong.OrganizationID}})
	wantStatus(t, res, http.StatusSeeOther)
	doc := res.Location
	res = c.get(doc)
	wantBody(t, res, "<strong>doubled</strong>", "tenant rights", "Attach a file")

	// Files: HTML refused, a PDF accepted, downloaded as an attachment.
	res = c.upload(doc+"/file", "brief.pdf", []byte("<html><script>alert(1)</script></html>"))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-file"`, "This kind of file cannot be shared here")
	res = c.upload(doc+"/file", "Displacement brief.pdf", []byte(webPDF))
	wantStatus(t, res, http.StatusSeeOther)
	res = c.get(doc)
	wantBody(t, res, "The file is attached.", "Download Displacement_brief.pdf", "Replace the file")
	req, _ := http.NewRequest(http.MethodGet, s.site.URL+doc+"/file", nil)
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") ||
		resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download headers: %v", resp.Header)
	}
	res = c.upload(doc+"/file", "big.pdf", append([]byte(webPDF), make([]byte, domain.MaxUploadBytes)...))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "at most 10 MB")

	// Search and tags.
	wantBody(t, c.get(lib+"?q=evict"), "1 document for “evict”.", "Displacement brief")
	wantBody(t, c.get(lib+"?q=zebra"), "0 documents for “zebra”.")
	res = c.get(lib + "?q=" + url.QueryEscape(`"*()`))
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `id="e-q"`, "Search with at least one word or number.")
	wantBody(t, c.get(lib+"?tag=Minneapolis"), "1 document tagged “Minneapolis”.")

	// Another coalition's document is not found; removing it.
	other := newTestCoalition(t, s.site, s.coord, "Transit", false)
	id := doc[strings.LastIndex(doc, "/")+1:]
	wantStatus(t, c.get("/coalitions/"+other.ID+"/documents/"+id), http.StatusNotFound)
	wantStatus(t, c.get("/coalitions/"+other.ID+"/documents/"+id+"/file"), http.StatusNotFound)
	res = c.post(doc+"/delete", url.Values{})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, c.get(lib), "The document was removed.", "No documents here yet.")
}
