package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/store"
	"github.com/chromedp/chromedp"
)

// TestHealthPagesInBrowser loads the check-in pages (list with trends, the answer form,
// the form sent with nothing rated, a withheld result and a result with group
// breakdowns) in a phone-sized Chromium, checks each with axe-core and saves screenshots.
// It runs only with BRAID_TEST_BROWSER=1.
func TestHealthPagesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	site := newTestSite(t)
	bg := context.Background()
	w := newOrgWorld(t, site, "hb")
	var reps []orgMember
	for i := range 3 {
		reps = append(reps, w.addMember(fmt.Sprintf("Yes%d", i), "member", true, "yes", "under_250k"))
		reps = append(reps, w.addMember(fmt.Sprintf("No%d", i), "member", false, "no", "over_5m"))
	}
	done, err := site.App.OpenCheckIn(bg, w.coordinator, w.coalition.ID, "Winter check-in")
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range reps {
		r := map[string]int{"trust.honest": 5 - i%2*2, "goal.explain": 4, "power.impacted": 3 + i%2}
		if err := site.App.AnswerCheckIn(bg, m.user, w.coalition.ID, done.ID, app.Answer{Ratings: r}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := site.App.CloseCheckIn(bg, w.coordinator, w.coalition.ID, done.ID); err != nil {
		t.Fatal(err)
	}
	open, err := site.App.OpenCheckIn(bg, w.coordinator, w.coalition.ID, "Spring check-in")
	if err != nil {
		t.Fatal(err)
	}
	// A tension named by the coordinator, who is also assigned to facilitate it, so the
	// page shows every form.
	tn, err := site.App.RaiseTension(bg, w.coordinator, w.coalition.ID, app.NewTension{Title: "Left out of budget talks",
		Description: "We heard about the budget after it was decided.", Kind: "resources", OrganizationIDs: []string{reps[0].org.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := site.App.DB().Write(bg, func(tx *store.Tx) error {
		found, err := tx.FindTension(bg, w.coalition.ID, tn.ID)
		if err != nil {
			return err
		}
		found.FacilitatorID = w.coordinator.ID
		return tx.UpdateTension(bg, found)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.MoveTension(bg, w.coordinator, w.coalition.ID, tn.ID, "acknowledged", ""); err != nil {
		t.Fatal(err)
	}

	err = chromedp.Do(ctx, chromedp.Navigate(site.URL+"/login"),
		chromedp.SendKeys("#f-email", "coord-hb@example.org"), chromedp.SendKeys("#f-password", testPassword),
		chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`))
	if err != nil {
		t.Fatal(err)
	}
	base := site.URL + "/coalitions/" + w.coalition.ID + "/check-ins"
	visit := func(name, url string) {
		t.Helper()
		browsertest.Visit(t, ctx, url)
		browsertest.Screenshot(t, ctx, "health-"+name)
	}
	visit("checkins", base)
	visit("checkin-form", base+"/"+open.ID)
	// Sent with every statement left at "Not sure": the page comes back with the error.
	err = chromedp.Do(ctx, chromedp.Click(`form.checkin-form button[type="submit"]`), chromedp.WaitVisible(`.form-error`))
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Rate at least one statement.") {
		t.Errorf("the form error is missing: %.300s", text)
	}
	browsertest.CheckA11y(t, ctx, "check-in form with an error")
	browsertest.Screenshot(t, ctx, "health-checkin-error")
	visit("results-withheld", base+"/"+open.ID+"/results")
	visit("results", base+"/"+done.ID+"/results")

	tensions := site.URL + "/coalitions/" + w.coalition.ID + "/tensions"
	visit("tensions", tensions)
	// The form sent without a party comes back with the error at its fieldset.
	err = chromedp.Do(ctx, chromedp.SendKeys("#f-title", "Meeting times"), chromedp.SendKeys("#f-description", "Always during work hours."),
		chromedp.Click(`form[action$="/tensions"] button[type="submit"]`), chromedp.WaitVisible(`#e-parties`))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.CheckA11y(t, ctx, "tension form with an error")
	browsertest.Screenshot(t, ctx, "health-tension-error")
	visit("tension", tensions+"/"+tn.ID)

	// Asks and offers: one fulfilled, one open, seen by a representative with every form.
	ao, err := site.App.PostAskOffer(bg, reps[0].user, w.coalition.ID, app.NewAskOffer{Kind: "ask", OrganizationID: reps[0].org.ID, Title: "Legal review by Friday"})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := site.App.RespondToAskOffer(bg, reps[1].user, w.coalition.ID, ao.ID, reps[1].org.ID, "Our lawyer can.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.FulfillAskOffer(bg, reps[0].user, w.coalition.ID, ao.ID, resp.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := site.App.PostAskOffer(bg, reps[1].user, w.coalition.ID, app.NewAskOffer{Kind: "offer", OrganizationID: reps[1].org.ID, Title: "We can host, with childcare"}); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.Click(`form[action="/logout"] button`), chromedp.WaitNotPresent(`form[action="/logout"]`),
		chromedp.Navigate(site.URL+"/login"), chromedp.SendKeys("#f-email", "yes0@example.org"),
		chromedp.SendKeys("#f-password", testPassword), chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`))
	if err != nil {
		t.Fatal(err)
	}
	visit("asks", site.URL+"/coalitions/"+w.coalition.ID+"/asks-offers")
	visit("skills", site.URL+"/coalitions/"+w.coalition.ID+"/skills")
}
