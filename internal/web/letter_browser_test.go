package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/browsertest"
	"github.com/chromedp/chromedp"
)

// TestLetterPagesInBrowser: an organizer's letter page, the public page with its signing
// form (filled in and sent), and the emailed confirmation page, each checked with axe-core
// in a phone-sized Chromium. It runs only with BRAID_TEST_BROWSER=1.
func TestLetterPagesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	s := newWinSite(t)
	bg := context.Background()
	l, err := s.site.App.CreateLetter(bg, s.coord, s.co.ID, app.LetterText{Title: "Fund the tenant hotline",
		Body: "We, the undersigned, ask the council to **fund the hotline**.\n\n- It answers 4,000 calls a year.\n- In five languages."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.site.App.OpenLetter(bg, s.coord, s.co.ID, l.ID, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.site.App.SignAsMember(bg, s.coord, s.co.ID, l.ID, s.hmong.OrganizationID); err != nil {
		t.Fatal(err)
	}
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, stepTimeout)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	public := s.site.URL + "/sign-on-letters/" + l.ID
	browsertest.Visit(t, ctx, public)
	browsertest.Screenshot(t, ctx, "letter-public")
	step("sign from outside", chromedp.SendKeys("#f-organization_name", "Youth Voice"), chromedp.SendKeys("#f-city", "St. Paul"),
		chromedp.SendKeys("#f-contact_name", "Ana"), chromedp.SendKeys("#f-contact_email", "ana@example.org"),
		chromedp.Click(buttonByText("Sign")), chromedp.WaitVisible("#signed"))
	browsertest.CheckA11y(t, ctx, "letter-public-sent")

	box := &letterMailbox{}
	if _, err := s.site.App.DeliverMail(bg, box, 10); err != nil || len(box.got) != 1 {
		t.Fatalf("mail: %v, %+v", err, box.got)
	}
	link := letterConfirm.FindStringSubmatch(box.got[0].Body)
	browsertest.Visit(t, ctx, s.site.URL+link[1])
	step("confirm", chromedp.Click(buttonByText("Confirm the signature")), chromedp.WaitVisible(".saved"))
	browsertest.CheckA11y(t, ctx, "signature-confirmed")
	text, err := chromedp.Run(ctx, chromedp.Text("main"))
	if err != nil || !strings.Contains(text, "The signature is confirmed.") {
		t.Fatalf("confirmation page: %q, %v", text, err)
	}

	step("sign in", chromedp.Navigate(s.site.URL+"/login"),
		chromedp.SendKeys("#f-email", "amina@example.org"), chromedp.SendKeys("#f-password", testPassword),
		chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`))
	browsertest.Visit(t, ctx, s.site.URL+"/coalitions/"+s.co.ID+"/sign-on-letters")
	browsertest.Visit(t, ctx, s.site.URL+"/coalitions/"+s.co.ID+"/sign-on-letters/"+l.ID)
	browsertest.Screenshot(t, ctx, "letter-organizer")
}
