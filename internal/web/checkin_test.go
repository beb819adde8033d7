package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/health"
)

// TestCheckInFlow opens a check-in, answers it through the form as six members (three
// BIPOC-led and most impacted, three neither), tries the bad inputs, closes it and reads
// the results page and CSV.
func TestCheckInFlow(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "ci")
	var yes, no []orgMember
	for i := range 3 {
		yes = append(yes, w.addMember(fmt.Sprintf("Yes%d", i), "member", true, "yes", "under_250k"))
		no = append(no, w.addMember(fmt.Sprintf("No%d", i), "member", false, "no", "over_5m"))
	}
	coord := w.as("coord-ci@example.org")
	base := "/coalitions/" + w.coalition.ID + "/check-ins"

	res := coord.post(base, url.Values{"title": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	res = coord.post(base, url.Values{"title": {"Spring 2026"}})
	wantStatus(t, res, http.StatusSeeOther)
	one := res.Location
	if !strings.HasPrefix(one, base+"/") {
		t.Fatalf("open redirects to %q", one)
	}
	member := w.as("yes0@example.org")
	wantStatus(t, member.post(base, url.Values{"title": {"Mine"}}), http.StatusForbidden)

	page := member.get(one)
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, "Clarity of goal", "<legend>I could explain our coalition", `name="r.goal.explain" value="5"`,
		"You answer for Yes0", "Answers are anonymous")

	// A rating outside 1–5 comes back as a form error, with the other choices kept.
	res = member.post(one+"/answers", url.Values{"r.trust.honest": {"9"}, "r.goal.explain": {"4"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-s-trust.honest"`, "Choose a rating from 1 to 5", `id="s-goal.explain-4" name="r.goal.explain" value="4" checked`)
	// Nothing rated at all.
	res = member.post(one+"/answers", url.Values{"r.trust.honest": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Rate at least one statement.")

	// trust.honest: BIPOC-led 5, 5, 4 (4.67); the others 3, 3, 3 (3.00); gap 1.67.
	for i, m := range append(yes, no...) {
		rating := []string{"5", "5", "4", "3", "3", "3"}[i]
		c := w.as(strings.ToLower(m.org.Name) + "@example.org")
		res := c.post(one+"/answers", url.Values{"r.trust.honest": {rating}, "r.goal.explain": {"4"}})
		wantStatus(t, res, http.StatusSeeOther)
	}
	res = member.post(one+"/answers", url.Values{"r.trust.honest": {"1"}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "you have already answered")
	wantBody(t, member.get(one), "You have answered this check-in.")

	// Results wait for the check-in to close.
	wantBody(t, member.get(one+"/results"), "Results are shown once the check-in is closed")
	wantStatus(t, member.post(one+"/close", nil), http.StatusForbidden)
	res = coord.post(one+"/close", nil)
	wantStatus(t, res, http.StatusSeeOther)

	page = member.get(one + "/results")
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, "Wilder Collaboration Factors Inventory", "6 people have answered")
	// trust overall: (5+5+4+3+3+3)/6 = 23/6 = 3.83, worth discussing.
	if row := tableRow(t, page.Body, "Scores by factor", "Trust"); !strings.Contains(row, "3.83 worth discussing 6") {
		t.Errorf("trust row = %q", row)
	}
	if row := tableRow(t, page.Body, "BIPOC-led organizations and others", "Trust"); !strings.Contains(row, "4.67 strength 3.00 worth discussing 1.67") || !strings.Contains(row, "gap of 0.50 or more") {
		t.Errorf("trust gap row = %q", row)
	}

	csv := member.get(one + "/results.csv")
	wantStatus(t, csv, http.StatusOK)
	wantBody(t, csv, "check_in,scope,factor,factor_name,statement,statement_text,mean,ratings,band,gap",
		"Spring 2026,all,trust,Trust,,,3.83,6,discuss,", "Spring 2026,bipoc_led=yes,trust,Trust,,,4.67,,strength,1.67")

	// The list shows trends.
	wantBody(t, member.get(base), "Trends", "Spring 2026", "answered")
	// Spanish pages translate the statements.
	wantBody(t, withLanguage(member, "es").get(one+"/results"), "Confianza", "vale la pena conversarlo")
}

// TestCheckInCatalog: every factor and statement has an English and a Spanish message,
// and the English one is the instrument's own wording.
func TestCheckInCatalog(t *testing.T) {
	en, es := loadCatalog(t, "en"), loadCatalog(t, "es")
	for _, f := range health.Instrument {
		if en["health.factor."+f.Key] != f.Name || es["health.factor."+f.Key] == nil {
			t.Errorf("factor %s: en %q, es %v", f.Key, en["health.factor."+f.Key], es["health.factor."+f.Key])
		}
		for _, s := range f.Statements {
			if en["health.statement."+s.Key] != s.Text || es["health.statement."+s.Key] == nil {
				t.Errorf("statement %s: en %q, es %v", s.Key, en["health.statement."+s.Key], es["health.statement."+s.Key])
			}
		}
	}
	for _, k := range []string{"strength", "discuss", "concern", "none"} {
		if en["health.band."+k] == nil || es["health.band."+k] == nil {
			t.Errorf("no message for band %s", k)
		}
	}
}
