package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/domain"
	"github.com/chromedp/chromedp"
)

// TestWorkFlowInBrowser creates a workstream, schedules a meeting, adds an action item
// and turns it into a task, and records attendance, all through the forms in a
// phone-sized Chromium, checking every page with axe-core. It runs only with
// BRAID_TEST_BROWSER=1.
func TestWorkFlowInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	site := newTestSite(t)
	amina := newTestUser(t, site, "Amina Hassan", "amina@example.org")
	bao := newTestUser(t, site, "Bao Vang", "bao@example.org")
	co := newTestCoalition(t, site, amina, "Twin Cities Housing Justice", true)
	addTestMember(t, site, amina, bao, co.ID, "Hmong Tenants United", domain.RoleSteering)
	base := site.URL + "/coalitions/" + co.ID

	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, stepTimeout)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	check := func(name string) {
		t.Helper()
		browsertest.CheckA11y(t, ctx, name)
		browsertest.Screenshot(t, ctx, "work-"+name)
	}
	step("sign in", chromedp.Navigate(site.URL+"/login"),
		chromedp.SendKeys("#f-email", "amina@example.org"), chromedp.SendKeys("#f-password", testPassword),
		chromedp.Submit("#f-password"), chromedp.WaitVisible(`form[action="/logout"]`))

	step("coalition page links to workstreams", chromedp.Navigate(base), chromedp.Click(`a[href$="/workstreams"]`), chromedp.WaitVisible("#f-name"))
	check("workstreams-empty")
	step("define a workstream", chromedp.SendKeys("#f-name", "Grassroots organizing"), chromedp.Click(buttonByText("Define workstream")),
		chromedp.WaitVisible("article h2"))
	step("open the seat form", chromedp.Click(`article details summary`))
	step("add a lead", chromedp.SetValue(`article select[name="role"]`, "lead"), chromedp.Click(buttonByText("Add")), chromedp.WaitVisible(`article ul.seats`))
	check("workstreams")
	browsertest.Visit(t, ctx, base+"/roles")
	browsertest.Screenshot(t, ctx, "work-roles")

	step("meetings page", chromedp.Navigate(base+"/meetings"), chromedp.WaitVisible("#f-title"))
	check("meetings-empty")
	step("schedule a meeting", chromedp.SendKeys("#f-title", "Monthly convening"),
		chromedp.SetValue("#f-starts_at", "2025-03-04T18:00"), chromedp.SetValue("#f-ends_at", "2025-03-04T19:30"),
		chromedp.SetValue("#f-time_zone", "America/Chicago"), chromedp.SendKeys("#f-languages", "English, Hmong"),
		chromedp.SendKeys("#f-interpretation", "Hmong ↔ English"), chromedp.SendKeys("#f-agenda", "Welcome | Amina | 10"),
		chromedp.Click(buttonByText("Schedule")), chromedp.WaitVisible("#action-items"))
	check("meeting")
	step("add an action item", chromedp.SendKeys("#ai-text", "Book the bus to the hearing"),
		chromedp.Click(buttonByText("Add action item")), chromedp.WaitVisible(`.action-items details summary`))
	step("turn it into a task", chromedp.Click(`.action-items details summary`), chromedp.Click(buttonByText("Create task")),
		chromedp.WaitVisible(`.action-items a.tag`))
	step("record attendance", chromedp.Click(buttonByText("Record attendance")), chromedp.WaitVisible(`button.small`))
	body, err := chromedp.Run(ctx, chromedp.Text("#attendance"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "Hmong Tenants United") {
		t.Errorf("attendance section: %q", body)
	}
	check("meeting-recorded")
	step("tasks page", chromedp.Navigate(base+"/tasks"), chromedp.WaitVisible("table.tasks"))
	if body, err = chromedp.Run(ctx, chromedp.Text("table.tasks")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "Book the bus to the hearing") {
		t.Errorf("tasks table: %q", body)
	}
	check("tasks")
	step("change the task", chromedp.Click(`table.tasks a[href$="/edit"]`), chromedp.WaitVisible("#f-due_on"),
		chromedp.SetValue("#f-due_on", "2025-03-18"), chromedp.SetValue("#f-status", "in_progress"))
	check("task-edit")
	step("save the task", chromedp.Click(buttonByText("Save task")), chromedp.WaitVisible("table.tasks"))
	if body, err = chromedp.Run(ctx, chromedp.Text("table.tasks")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "2025-03-18") {
		t.Errorf("tasks table after the change: %q", body)
	}
	step("calendar address", chromedp.Navigate(base+"/meetings"), chromedp.Click(buttonByText("Get a calendar address")), chromedp.WaitVisible("#feed-url"))
	check("meetings-calendar")
	step("commitments page", chromedp.Navigate(base+"/commitments"), chromedp.WaitVisible("#f-text"))
	step("record a commitment", chromedp.SendKeys("#f-text", "Send someone to two meetings a month"),
		chromedp.Click(buttonByText("Record commitment")), chromedp.WaitVisible(".member-commitments"))
	check("commitments")
}
