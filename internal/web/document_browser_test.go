package web_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/browsertest"
	"github.com/chromedp/chromedp"
)

// TestDocumentPagesInBrowser: the library with a search, and a document's page with its
// file, upload and edit forms, each checked with axe-core in a phone-sized Chromium. It
// runs only with BRAID_TEST_BROWSER=1.
func TestDocumentPagesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	s := newWinSite(t)
	bg := context.Background()
	d, err := s.site.App.ShareDocument(bg, s.coord, s.co.ID, app.DocumentInput{Title: "Displacement brief", Kind: "brief",
		Body: "## Findings\n\nEvictions **doubled** in Cedar-Riverside.", IssueAreas: []string{"housing"}, Geographies: []string{"Minneapolis"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.site.App.AttachFile(bg, s.coord, s.co.ID, d.ID, "brief.pdf", []byte(webPDF)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.site.URL+"/login"),
		chromedp.SendKeys("#f-email", "amina@example.org"), chromedp.SendKeys("#f-password", testPassword),
		chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`)); err != nil {
		t.Fatal(err)
	}
	lib := s.site.URL + "/coalitions/" + s.co.ID + "/documents"
	browsertest.Visit(t, ctx, lib)
	browsertest.Visit(t, ctx, lib+"?q=evictions")
	browsertest.Screenshot(t, ctx, "library-search")
	browsertest.Visit(t, ctx, lib+"?q=%22%2A")
	browsertest.Visit(t, ctx, lib+"/"+d.ID)
	browsertest.Screenshot(t, ctx, "library-document")
}
