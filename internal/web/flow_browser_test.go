package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/web/i18n"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestFoundationFlowInBrowser walks the foundation story in a phone-sized Chromium, the
// way two people would, only through the pages: a coordinator creates a coalition,
// invites an organization and adds a principle; the organization's representative
// opens the link, creates an account, fills in the profile and adopts the principle;
// the coordinator reads the equity report and the audit log; an anonymous visitor
// reads the public page. Every page shown, including those after a form is sent, is
// checked with axe-core and saved as a screenshot named flow-NN-*.
//
// Only the coordinator's account is made directly through app: Braid has no sign-up
// page (accounts come from `braid user` or from an invitation).
func TestFoundationFlowInBrowser(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Timeout(4*time.Minute))
	site := newTestSite(t)
	newTestUser(t, site, "Amina Hassan", "amina@example.org")
	f := newFlow(t, ctx, site, "flow")

	// The coordinator signs in and creates the coalition.
	f.open("home", "/")
	f.follow("login", f.T("nav.sign_in"))
	f.fill(f.T("login.email"), "amina@example.org")
	f.fill(f.T("login.password"), testPassword)
	f.press("home-signed-in", f.T("login.submit"))
	f.follow("coalition-new", f.T("home.create"))
	f.fill(f.T("coalition.name"), "Twin Cities Housing Justice")
	f.fill(f.T("coalition.goal"), "Win a tenant opportunity to purchase ordinance by the end of 2026.")
	f.fill(f.T("coalition.theory_of_change"), "When the renters most affected set the demands, the council hears one voice.")
	f.fill(f.T("coalition.issue_areas"), "housing, tenant rights")
	f.fill(f.T("coalition.geography"), "Minneapolis and Saint Paul")
	f.choose(f.T("coalition.phase"), f.T("common.phase.campaign"))
	f.tick(f.T("coalition.public"))
	f.press("coalition-created", f.T("coalition.create"))
	f.wantText(f.T("coalition.created", "Name", "Twin Cities Housing Justice"),
		f.T("coalition.phase_is", "Phase", f.T("common.phase.campaign")), "housing", "tenant rights")
	overview := f.location()
	publicURL := f.attr(linkByText(f.T("coalition.public_link")), "href")

	// An invitation for a steering organization of the most impacted communities.
	f.follow("invitations", f.T("coalition.invitations_link"))
	f.fill(f.T("invitation.organization_name"), "Hmong Tenants United")
	f.fill(f.T("invitation.email"), "bao@example.org")
	f.choose(f.T("invitation.role"), f.T("common.role.steering"))
	f.tick(f.T("member.most_impacted_label"))
	f.press("invitation-created", f.T("invitation.create"))
	link := f.value(f.T("invitation.link_label"))
	if !strings.HasPrefix(link, site.URL+"/invitations/") {
		t.Fatalf("invitation link = %q, want one under %s/invitations/", link, site.URL)
	}
	f.wantText(f.T("invitation.link_heading", "Organization", "Hmong Tenants United"), f.T("invitation.state.open"))

	// A principle.
	f.follow("overview-again", f.T("coalition.back_to", "Coalition", "Twin Cities Housing Justice"))
	f.follow("principles-empty", f.T("coalition.principles_link"))
	f.fill(f.T("principle.field.title"), "Those most impacted lead")
	f.fill(f.T("principle.field.body"), "Decisions about housing start with the renters who live with them.")
	f.press("principle-added", f.T("principle.add_submit"))
	f.wantText(f.T("principle.created", "Title", "Those most impacted lead"), f.T("principle.no_adoptions"))
	f.press("signed-out", f.T("nav.sign_out"))

	// The organization's representative opens the link, as pasted from a message.
	f.open("invitation-accept", strings.TrimPrefix(link, site.URL))
	f.wantText(f.T("invitation.accept_intro.steering", "Organization", "Hmong Tenants United"))
	f.fill(f.T("invitation.your_name"), "Bao Vang")
	if got := f.value(f.T("invitation.your_email")); got != "bao@example.org" {
		t.Errorf("the email field holds %q, want the invited bao@example.org", got)
	}
	f.fill(f.T("invitation.password"), "a long enough password")
	if got := f.value(f.T("invitation.organization_name")); got != "Hmong Tenants United" {
		t.Errorf("the organization field holds %q, want the invited name", got)
	}
	f.press("profile-form", f.T("invitation.create_and_join"))
	f.wantText(f.T("invitation.welcome"), f.T("org.edit_heading", "Name", "Hmong Tenants United"))

	// The profile.
	f.choose(f.T("org.field.kind"), f.T("org.kind.community_group"))
	f.fill(f.T("org.field.mission"), "Hmong renters organizing for safe, affordable homes.")
	f.fill(f.T("org.field.issue_areas"), "housing, language access")
	f.fill(f.T("org.field.languages"), "Hmong, English")
	f.fill(f.T("org.field.skills"), "Door knocking: can_teach")
	f.radio(f.T("org.field.budget_band"), f.T("org.band.under_250k"))
	f.radio(f.T("org.field.bipoc_led"), f.T("org.bipoc.yes"))
	f.fill(f.T("org.field.identity"), "Led by Hmong elders and youth.")
	// Listed by name, showing only its issue areas and languages: a new profile shows
	// its mission, issue areas and geographies until the representative decides.
	f.tick(f.T("org.visibility.listed"))
	f.setTicked(f.T("org.visibility.fields"), f.T("org.field.issue_areas"), f.T("org.field.languages"))
	f.press("profile-saved", f.T("org.save"))
	f.wantText(f.T("org.saved"), "Door knocking", f.T("org.band.under_250k"), f.T("org.public_tag"))

	// The representative adopts the principle.
	f.follow("home-member", "Braid")
	f.follow("overview-member", "Twin Cities Housing Justice")
	f.follow("principles-member", f.T("coalition.principles_link"))
	f.press("principle-adopted", f.T("principle.adopt_button", "Version", 1, "Organization", "Hmong Tenants United"))
	f.wantText(f.T("principle.adopted"), f.T("principle.adopted_current", "Organization", "Hmong Tenants United", "Version", 1))
	f.press("signed-out-member", f.T("nav.sign_out"))

	// The coordinator reads the equity report.
	f.follow("login-again", f.T("nav.sign_in"))
	f.fill(f.T("login.email"), "amina@example.org")
	f.fill(f.T("login.password"), testPassword)
	f.press("home-coordinator", f.T("login.submit"))
	f.follow("overview-coordinator", "Twin Cities Housing Justice")
	f.follow("equity", f.T("coalition.equity_link"))
	// The coordinator has no organization in the coalition, so its one member is the
	// steering organization: 1 member, 1 leadership seat. That member is BIPOC-led, most
	// impacted and under $250k, so each attribute has one group holding 1 of 1 members
	// (100.0%) and 1 of 1 seats (100.0%): ratio 100.0% ÷ 100.0% = 1.00, no flag. With one
	// organization the Gini is 0 (no pair differs) and the top ⌈0.2 × 1⌉ = 1 organization
	// holds 1 of 1 seats: 100.0%.
	f.wantText(f.T("equity.scope", "Count", 1, "Total", "1", "Dimension", f.T("equity.dimension_noun.leadership")),
		f.T("equity.flags.none"))
	wantRow := []string{"1", "100.0%", "1", "100.0%", "1.00", f.T("equity.flag.none")}
	f.wantTableRow(f.T("equity.group.bipoc_led.yes"), wantRow...)
	f.wantTableRow(f.T("equity.group.most_impacted.yes"), wantRow...)
	f.wantTableRow(f.T("org.band.under_250k"), wantRow...)
	f.wantTableRow("Hmong Tenants United", "1", "100.0%")
	f.wantFigures("0.00", "100.0%")

	// The audit log names every step.
	f.follow("overview-coordinator-again", "Twin Cities Housing Justice") // the breadcrumb
	if got := f.location(); got != overview {
		t.Errorf("the breadcrumb leads to %s, want the overview %s", got, overview)
	}
	f.follow("audit", f.T("coalition.audit_link"))
	f.wantText(f.T("audit.action.coalition.create"), f.T("audit.action.invitation.create"),
		f.T("audit.action.principle.create"), f.T("audit.action.membership.create"),
		f.T("audit.action.organization.update"), f.T("audit.action.principle.adopt"), "Bao Vang")

	// The coordinator makes the representative a facilitator, from the list of people
	// with access, where each role is explained.
	f.follow("overview-for-access", f.T("coalition.back_to", "Coalition", "Twin Cities Housing Justice"))
	f.follow("access", f.T("coalition.access_link"))
	f.wantText(f.T("access.role_help.coordinator"), f.T("access.role_help.observer"), "bao@example.org")
	f.choose(f.T("access.role"), f.T("access.role.facilitator"), "Bao Vang")
	f.press("access-saved", f.T("access.save")+" "+f.T("access.save_for", "Name", "Bao Vang"))
	f.wantText(f.T("access.saved", "Name", "Bao Vang", "Role", f.T("access.role.facilitator")))
	if got := f.value(f.T("access.role")); got != "coordinator" {
		t.Errorf("Amina's role shows as %q, want coordinator", got) // the first form is hers
	}

	// An anonymous visitor reads the public page.
	f.press("signed-out-coordinator", f.T("nav.sign_out"))
	f.follow("public", "Twin Cities Housing Justice")
	if got := f.location(); got != publicURL {
		t.Errorf("the public coalition link leads to %s, want %s", got, publicURL)
	}
	f.wantText("Twin Cities Housing Justice", "Win a tenant opportunity", "Those most impacted lead",
		"Hmong Tenants United", f.T("common.role.steering"), "housing, language access", "Hmong, English")
	// Kept private: the budget, BIPOC-led answer, skills, mission, identity and kind,
	// the contact's email, and everything members alone see.
	f.wantNoText(f.T("public.field.budget_band"), f.T("common.budget.under_250k"), f.T("public.field.bipoc_led"),
		"Door knocking", "Hmong renters organizing", "Led by Hmong elders", f.T("common.kind.community_group"),
		"bao@example.org", "amina@example.org", f.T("coalition.invitations_link"), f.T("coalition.audit_link"),
		f.T("equity.summary.heading"))
}

// flow drives one browser tab through the site as a person would: by following links,
// typing into fields found by their labels and pressing buttons found by their text.
// Every page it lands on is checked with axe-core and saved as prefix-NN-name.png.
type flow struct {
	t      *testing.T
	ctx    context.Context
	site   *testSite
	en     *i18n.Localizer
	prefix string
	n      int
}

func newFlow(t *testing.T, ctx context.Context, site *testSite, prefix string) *flow {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &flow{t: t, ctx: ctx, site: site, en: cat.For("en"), prefix: prefix}
}

// T returns an English message, so that the test finds controls by the words a person
// reads and keeps working when the wording changes.
func (f *flow) T(id string, args ...any) string { return f.en.T(id, args...) }

// stepTimeout bounds one step, so that a missing field fails fast with its name instead
// of waiting for the whole browser session to time out.
const stepTimeout = 20 * time.Second

func (f *flow) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		f.fatalf("%s: %v", what, err)
	}
}

// fatalf stops the test with the page's URL and main text, which usually says why.
func (f *flow) fatalf(format string, args ...any) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, 5*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	f.t.Fatalf("%s\non %s:\n%s", fmt.Sprintf(format, args...), loc, text)
}

// checkPage runs axe-core on the page now shown and saves its screenshot.
func (f *flow) checkPage(name string) {
	f.t.Helper()
	f.n++
	browsertest.CheckA11y(f.t, f.ctx, fmt.Sprintf("%s (%s)", f.location(), name))
	browsertest.Screenshot(f.t, f.ctx, fmt.Sprintf("%s-%02d-%s", f.prefix, f.n, name))
}

// open loads a path as if typed or pasted into the address bar.
func (f *flow) open(name, path string) {
	f.t.Helper()
	f.navigate(name, "open "+path, chromedp.Navigate(f.site.URL+path))
}

// follow clicks the first visible link with the text.
func (f *flow) follow(name, text string) {
	f.t.Helper()
	f.navigate(name, fmt.Sprintf("follow the link %q", text), chromedp.Click(linkByText(text)))
}

// press clicks the first visible button with the text and waits for the page it leads to.
func (f *flow) press(name, text string) {
	f.t.Helper()
	f.navigate(name, fmt.Sprintf("press %q", text), chromedp.Click(buttonByText(text)))
}

// navigate runs an action that loads a page, fails on a 4xx or 5xx answer (a form shown
// again with errors is one), then checks the page.
func (f *flow) navigate(name, what string, action chromedp.Action[chromedp.Void]) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, action)
	if err != nil {
		f.fatalf("%s: %v", what, err)
	}
	if resp != nil && resp.Status >= 400 {
		f.checkPage(name)
		f.fatalf("%s: status %d", what, resp.Status)
	}
	f.checkPage(name)
}

// fill types into the visible field with the label, after clearing it.
func (f *flow) fill(label, text string) {
	f.t.Helper()
	sel := fieldByLabel(label, "")
	if f.value(label) != "" {
		// chromedp.Clear fails on an empty textarea, so clear only what holds text.
		f.do(fmt.Sprintf("clear %q", label), chromedp.SetValue(sel, ""))
	}
	f.do(fmt.Sprintf("type into %q", label), chromedp.SendKeys(sel, text))
}

// tick checks the checkbox with the label, within the fieldset with the legend if one
// is given.
func (f *flow) tick(label string, legend ...string) {
	f.t.Helper()
	sel := fieldByLabel(label, strings.Join(legend, ""))
	if checked, err := chromedp.Run(f.ctx, chromedp.JavascriptAttribute[bool](sel, "checked")); err == nil && checked {
		return // already ticked: a person leaves it
	}
	f.do(fmt.Sprintf("tick %q", label), chromedp.Click(sel))
	if checked, err := chromedp.Run(f.ctx, chromedp.JavascriptAttribute[bool](sel, "checked")); err != nil || !checked {
		f.fatalf("tick %q: checked = %v, %v", label, checked, err)
	}
}

// setTicked leaves exactly the checkboxes with the labels ticked in the fieldset with
// the legend, clicking only those that need it.
func (f *flow) setTicked(legend string, labels ...string) {
	f.t.Helper()
	all := f.eval(fmt.Sprintf(`JSON.stringify([...%s.querySelectorAll(":scope > label > input[type=checkbox]")]
		.map(c => c.labels[0].textContent.replace(/\s+/g, " ").trim()))`, fieldsetByLegend(legend)))
	var names []string
	if err := json.Unmarshal([]byte(all), &names); err != nil {
		f.fatalf("list the checkboxes of %q: %v (%s)", legend, err, all)
	}
	for _, name := range names {
		sel := fieldByLabel(name, legend)
		checked, err := chromedp.Run(f.ctx, chromedp.JavascriptAttribute[bool](sel, "checked"))
		if err != nil {
			f.fatalf("read %q: %v", name, err)
		}
		if checked != slices.Contains(labels, name) {
			f.do(fmt.Sprintf("click %q", name), chromedp.Click(sel))
		}
	}
}

// radio picks the radio button with the label in the fieldset with the legend.
func (f *flow) radio(legend, label string) {
	f.t.Helper()
	f.tick(label, legend)
}

// choose picks an option, by its text, in the select with the label, within the
// fieldset with the legend if one is given.
func (f *flow) choose(label, option string, legend ...string) {
	f.t.Helper()
	sel := fieldByLabel(label, strings.Join(legend, ""))
	value := f.eval(fmt.Sprintf(`(() => {
		const s = %s;
		const o = s && [...s.options].find(o => o.text.trim() === %s);
		return o ? o.value : "";
	})()`, sel, jsString(option)))
	if value == "" {
		f.fatalf("choose %q in %q: no such option", option, label)
	}
	f.do(fmt.Sprintf("choose %q in %q", option, label), chromedp.SetValue(sel, value))
}

// value returns what the field with the label holds.
func (f *flow) value(label string) string {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value(fieldByLabel(label, "")))
	if err != nil {
		f.fatalf("read %q: %v", label, err)
	}
	return v
}

// attr returns an attribute of the first element sel finds.
func (f *flow) attr(sel chromedp.JSPath, name string) string {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.AttributeValue(sel, name))
	if err != nil || !v.Exists {
		f.fatalf("read %s of %s: %v", name, sel, err)
	}
	return v.Value
}

func (f *flow) location() string {
	f.t.Helper()
	loc, err := chromedp.Run(f.ctx, chromedp.Location())
	if err != nil {
		f.t.Fatal(err)
	}
	return strings.TrimPrefix(loc, f.site.URL)
}

func (f *flow) eval(js string) string {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		f.fatalf("evaluate: %v", err)
	}
	return s
}

// mainText is the text of the page's main region, as shown (innerText).
func (f *flow) mainText() string {
	f.t.Helper()
	return f.eval(`document.querySelector("main").innerText`)
}

func (f *flow) wantText(fragments ...string) {
	f.t.Helper()
	text := f.mainText()
	for _, s := range fragments {
		if !strings.Contains(text, s) {
			f.t.Errorf("%s does not show %q; it shows:\n%s", f.location(), s, text)
		}
	}
}

func (f *flow) wantNoText(fragments ...string) {
	f.t.Helper()
	text := f.mainText()
	for _, s := range fragments {
		if strings.Contains(text, s) {
			f.t.Errorf("%s shows %q but must not; it shows:\n%s", f.location(), s, text)
		}
	}
}

// wantTableRow checks the cells of the first table row whose header cell is header.
func (f *flow) wantTableRow(header string, cells ...string) {
	f.t.Helper()
	raw := f.eval(fmt.Sprintf(`JSON.stringify((() => {
		const row = [...document.querySelectorAll("main tbody tr")].find(r => {
			const th = r.querySelector("th");
			return th && th.textContent.trim() === %s;
		});
		return row ? [...row.querySelectorAll("td")].map(td => td.textContent.trim()) : null;
	})())`, jsString(header)))
	var got []string
	if err := json.Unmarshal([]byte(raw), &got); err != nil || got == nil {
		f.t.Errorf("%s: no table row for %q (%s)", f.location(), header, raw)
		return
	}
	if strings.Join(got, " | ") != strings.Join(cells, " | ") {
		f.t.Errorf("%s: row %q = %q, want %q", f.location(), header, got, cells)
	}
}

// wantFigures checks the strong figures of the concentration section: Gini, top 20 %.
func (f *flow) wantFigures(want ...string) {
	f.t.Helper()
	got := f.eval(`[...document.querySelectorAll("dl.figures dd strong")].map(s => s.textContent.trim()).join(" | ")`)
	if got != strings.Join(want, " | ") {
		f.t.Errorf("%s: concentration figures = %q, want %q", f.location(), got, strings.Join(want, " | "))
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// visibleJS keeps the visible elements of a list and returns the first, or null.
const visibleJS = `.filter(e => e && e.checkVisibility())[0] || null`

// linkByText selects the first visible link whose text is text.
func linkByText(text string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`[...document.querySelectorAll("a")].filter(a => a.innerText.trim() === %s)%s`,
		jsString(text), visibleJS))
}

// buttonByText selects the first visible button whose text is text, white space
// collapsed (a visually hidden part, such as the name of whom a Save button is for,
// comes on a line of its own in innerText).
func buttonByText(text string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`[...document.querySelectorAll("button")].filter(b => b.innerText.replace(/\s+/g, " ").trim() === %s)%s`,
		jsString(text), visibleJS))
}

// fieldByLabel selects the control of the first visible label whose text is label (a
// required field's "*" aside), within the fieldset whose legend is legend when legend is
// not empty. Finding fields this way also proves that they are labelled.
func fieldByLabel(label, legend string) chromedp.JSPath {
	scope := "document"
	if legend != "" {
		scope = fieldsetByLegend(legend)
	}
	return chromedp.JSPath(fmt.Sprintf(`[...%s.querySelectorAll("label")].filter(l =>
		l.textContent.replace(/\s+/g, " ").replace(/\s*\*$/, "").trim() === %s).map(l => l.control)%s`,
		scope, jsString(label), visibleJS))
}

// fieldsetByLegend is a JavaScript expression for the fieldset whose own legend is
// legend, or an empty element when there is none.
func fieldsetByLegend(legend string) string {
	return fmt.Sprintf(`([...document.querySelectorAll("fieldset")].find(fs => {
		const l = fs.querySelector(":scope > legend");
		return l && l.textContent.trim() === %s;
	}) || document.createElement("div"))`, jsString(legend))
}

// TestDemoPagesInBrowser signs in to a site loaded with the demo and saves the Rooted
// Homes coalition's overview and equity report at phone and desktop size, checking each
// with axe-core. On the phone it also measures what a first visit of the overview
// transfers (HTML, CSS and JavaScript, with an empty cache).
func TestDemoPagesInBrowser(t *testing.T) {
	browsertest.Require(t)
	site := newTestSite(t)
	creds, err := demo.Seed(context.Background(), site.App)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		name string
		opts []browsertest.Option
	}{{"phone", nil}, {"desktop", []browsertest.Option{browsertest.Desktop()}}} {
		t.Run(size.name, func(t *testing.T) {
			ctx := browsertest.New(t, size.opts...)
			f := newFlow(t, ctx, site, "demo-"+size.name)
			f.open("login", "/login")
			f.fill(f.T("login.email"), creds.CoordinatorEmail)
			f.fill(f.T("login.password"), creds.Password)
			f.press("home", f.T("login.submit"))
			overview := f.attr(linkByText("Rooted Homes Coalition"), "href")

			if size.name == "phone" {
				weight := f.firstVisit(overview)
				t.Logf("first visit of the coalition overview: %s", weight)
				if weight.total > 100_000 {
					t.Errorf("first visit of the overview transfers %d bytes, want under 100 KB: %s", weight.total, weight)
				}
			}
			f.open("rooted-homes-overview", overview)
			f.follow("rooted-homes-equity", f.T("coalition.equity_link"))
			f.wantText(f.T("equity.scope", "Count", 12, "Total", "4", "Dimension", f.T("equity.dimension_noun.leadership")))
			if size.name == "phone" {
				f.wantTheme()
			}
		})
	}
}

// wantTheme checks that the page wears Braid's colours rather than Pico's blue, also on
// a phone set to dark mode (the pages are designed light only).
func (f *flow) wantTheme() {
	f.t.Helper()
	dark := func(on bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			var features []*emulation.MediaFeature
			if on {
				features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
			}
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
			return err
		})
	}
	for _, mode := range []bool{false, true} {
		f.do("emulate dark mode", dark(mode))
		got := f.eval(`(() => {
			const s = getComputedStyle(document.documentElement), a = getComputedStyle(document.querySelector("main a"));
			return [s.backgroundColor, a.color, s.getPropertyValue("--pico-primary").trim()].join(" | ");
		})()`)
		if want := "rgb(255, 255, 255) | rgb(109, 45, 138) | #6d2d8a"; got != want {
			f.t.Errorf("page colours (dark mode %v): background | link | --pico-primary = %q, want %q", mode, got, want)
		}
	}
	f.do("stop emulating dark mode", dark(false))
}

// pageWeight is what loading one page transferred, in bytes.
type pageWeight struct {
	total int
	parts []string
}

func (w pageWeight) String() string {
	return fmt.Sprintf("%d bytes (%.1f KB): %s", w.total, float64(w.total)/1000, strings.Join(w.parts, ", "))
}

// firstVisit loads path with the browser cache off and adds up the bytes transferred
// for the document and every resource, headers included, as the Resource Timing API
// reports them.
func (f *flow) firstVisit(path string) pageWeight {
	f.t.Helper()
	setCache := func(disabled bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: disabled})
			return err
		})
	}
	f.do("turn the cache off", setCache(true))
	defer f.do("turn the cache on", setCache(false))
	f.do("load "+path, chromedp.Navigate(f.site.URL+path))
	raw := f.eval(`JSON.stringify(performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
		.map(e => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize})))`)
	var entries []struct {
		Name                    string
		Transfer, Body, Decoded int
	}
	if err := json.Unmarshal([]byte(raw), &entries); err != nil {
		f.t.Fatal(err)
	}
	var w pageWeight
	for _, e := range entries {
		u, _ := url.Parse(e.Name)
		w.total += e.Transfer
		w.parts = append(w.parts, fmt.Sprintf("%s %d (body %d of %d)", u.Path, e.Transfer, e.Body, e.Decoded))
	}
	return w
}
