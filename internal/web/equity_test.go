package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/equity"
)

// TestEquityReportFigures checks the page against figures worked out by hand for a
// coalition of four members and two leadership seats (steering and anchor):
//
//	org    role      most impacted  BIPOC-led  budget       seats
//	Alder  steering  no             yes        under_250k   1
//	Birch  member    yes            yes        under_250k   0
//	Cedar  anchor    no             no         over_5m      1
//	Dogwood member   yes            no         not said     0
//
// BIPOC-led yes: 2 of 4 members = 50.0 %, 1 of 2 seats = 50.0 %, ratio 0.50/0.50 = 1.00.
// BIPOC-led no: the same, 1.00. Neither is flagged.
// Most impacted yes: 2 of 4 = 50.0 %, 0 of 2 seats = 0.0 %, ratio 0.00 < 0.80: under-represented.
// Most impacted no: 2 of 4 = 50.0 %, 2 of 2 = 100.0 %, ratio 2.00 > 1.25: over-represented.
// Under $250,000: 2 of 4 = 50.0 %, 1 of 2 = 50.0 %, ratio 1.00.
// Over $5 million: 1 of 4 = 25.0 %, 1 of 2 = 50.0 %, ratio 2.00 > 1.25: over-represented.
// Not said: 1 of 4 = 25.0 %, 0 seats, ratio 0.00, never flagged.
// Gini of (1, 1, 0, 0): Σ|xi − xj| over ordered pairs = 8 (four 1-0 pairs, twice);
// 2 n² x̄ = 2 · 16 · 0.5 = 16; 8 / 16 = 0.50. Top 20 %: ⌈0.8⌉ = 1 member holds 1 of 2 = 50.0 %.
func TestEquityReportFigures(t *testing.T) {
	w := newOrgWorld(t, newTestSite(t), "eq")
	w.addMember("Alder", "steering", false, "yes", "under_250k")
	w.addMember("Birch", "member", true, "yes", "under_250k")
	w.addMember("Cedar", "anchor", false, "no", "over_5m")
	w.addMember("Dogwood", "member", true, "no", "not_said")

	res := w.as("coord-eq@example.org").get("/coalitions/" + w.coalition.ID + "/equity?dimension=leadership")
	wantStatus(t, res, http.StatusOK)
	body := res.Body
	rows := []struct{ caption, label, want string }{
		{"BIPOC-led: leadership seats by group", "BIPOC-led", "BIPOC-led 2 50.0% 1 50.0% 1.00 None"},
		{"BIPOC-led: leadership seats by group", "Not BIPOC-led", "Not BIPOC-led 2 50.0% 1 50.0% 1.00 None"},
		{"Most impacted communities: leadership seats by group", "Most impacted", "Most impacted 2 50.0% 0 0.0% 0.00 ▼ Under-represented"},
		{"Most impacted communities: leadership seats by group", "Not most impacted", "Not most impacted 2 50.0% 2 100.0% 2.00 ▲ Over-represented"},
		{"Annual budget: leadership seats by group", "Under $250,000", "Under $250,000 2 50.0% 1 50.0% 1.00 None"},
		{"Annual budget: leadership seats by group", "Over $5 million", "Over $5 million 1 25.0% 1 50.0% 2.00 ▲ Over-represented"},
		{"Annual budget: leadership seats by group", "Not said", "Not said 1 25.0% 0 0.0% 0.00 None"},
	}
	for _, r := range rows {
		if got := tableRow(t, body, r.caption, r.label); got != r.want {
			t.Errorf("%s / %s:\n got %q\nwant %q", r.caption, r.label, got, r.want)
		}
	}
	for _, want := range []string{
		"<strong>0.50</strong>",  // Gini
		"<strong>50.0%</strong>", // top 20 %
		"Most impacted: under-represented in leadership seats (ratio 0.00, below 0.80).",
		"Not most impacted: over-represented in leadership seats (ratio 2.00, above 1.25).",
		"Annual budget: Over $5 million: over-represented in leadership seats (ratio 2.00, above 1.25).",
		`role="img"`, "<title id=", "<desc id=",
		"4 member organizations. Total leadership seats: 2.",
		"four-fifths rule",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "style=") || strings.Contains(body, "<script>") {
		t.Error("the page has inline style or script, which the CSP forbids")
	}
	// Per organization, most first, then by id: the two seat holders hold 50.0 % each.
	if got := tableRow(t, body, "Leadership seats by member organization", "Alder"); got != "Alder 1 50.0%" {
		t.Errorf("Alder row = %q", got)
	}
	if got := tableRow(t, body, "Leadership seats by member organization", "Birch"); got != "Birch 0 0.0%" {
		t.Errorf("Birch row = %q", got)
	}
}

// TestEquityReportNoData: with no leadership seat at all the total is 0, so shares,
// ratios and concentration are undefined and the page says there is not enough data.
func TestEquityReportNoData(t *testing.T) {
	w := newOrgWorld(t, newTestSite(t), "zero")
	w.addMember("Elm", "member", true, "yes", "under_250k")
	w.addMember("Fir", "supporter", false, "no", "1m_5m")
	res := w.as("coord-zero@example.org").get("/coalitions/" + w.coalition.ID + "/equity")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Not enough data: the total", "Not enough data to measure concentration.")
	wantNoBody(t, res, "NaN", "Inf")
	if got := tableRow(t, res.Body, "BIPOC-led: leadership seats by group", "BIPOC-led"); got != "BIPOC-led 1 50.0% 0 no data no data None" {
		t.Errorf("row = %q", got)
	}
}

func TestEquityReportQueryErrors(t *testing.T) {
	w := newOrgWorld(t, newTestSite(t), "q")
	w.addMember("Gum", "steering", true, "yes", "under_250k")
	c := w.as("coord-q@example.org")
	base := "/coalitions/" + w.coalition.ID + "/equity"
	tests := []struct {
		name, query string
		status      int
		want        string
	}{
		{"bad from", "?from=2024-13-45", http.StatusUnprocessableEntity, "Enter a date as year-month-day"},
		{"bad to", "?to=yesterday", http.StatusUnprocessableEntity, "Enter a date as year-month-day"},
		{"to before from", "?from=2024-03-02&to=2024-03-01", http.StatusUnprocessableEntity, "The end date must not be before the start date."},
		{"unknown dimension", "?dimension=dollars", http.StatusUnprocessableEntity, "Choose one of the listed measures."},
		{"valid period", "?dimension=leadership&from=2000-01-01&to=2999-12-31", http.StatusOK, "From 2000-01-01 to 2999-12-31"},
		// Nobody had joined by the end of 2000: no members, no data, no crash.
		{"period before anyone joined", "?to=2000-12-31", http.StatusOK, "This coalition has no members in this period."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.get(base + tt.query)
			wantStatus(t, res, tt.status)
			wantBody(t, res, tt.want)
		})
	}
	// The typed value is kept in the form after an error.
	wantBody(t, c.get(base+"?from=2024-13-45"), `value="2024-13-45"`, `aria-invalid="true" aria-describedby="e-from"`)
}

func TestEquityReportAccess(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "acc")
	w.addMember("Hazel", "steering", true, "yes", "under_250k")
	newOrgWorld(t, site, "other")
	path := "/coalitions/" + w.coalition.ID + "/equity"

	wantStatus(t, w.as("hazel@example.org").get(path), http.StatusOK)
	outsider := w.as("coord-other@example.org")
	wantStatus(t, outsider.get(path), http.StatusNotFound)
	// A bad date does not reveal that the coalition exists either.
	wantStatus(t, outsider.get(path+"?from=nonsense"), http.StatusNotFound)
	wantSignInRedirect(t, anonymous(t, site).get(path), path)
}

// TestEquitySummaryOnOverview checks the compact report embedded in the coalition page:
// Ivy (BIPOC-led) holds no seat and Juniper (not BIPOC-led) the only one, so BIPOC-led
// has ratio (0/1)/(1/2) = 0.00, under-represented, and not BIPOC-led 2.00, over-represented.
func TestEquitySummaryOnOverview(t *testing.T) {
	w := newOrgWorld(t, newTestSite(t), "sum")
	w.addMember("Ivy", "member", true, "yes", "under_250k")
	w.addMember("Juniper", "steering", false, "no", "over_5m")
	res := w.as("coord-sum@example.org").get("/coalitions/" + w.coalition.ID)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Equity at a glance", `href="/coalitions/`+w.coalition.ID+`/equity"`,
		"BIPOC-led: share of members and share of leadership seats, by group", "BIPOC-led: under-represented in leadership seats (ratio 0.00, below 0.80).",
		"Not BIPOC-led: over-represented in leadership seats (ratio 2.00, above 1.25).")
	// Only the BIPOC-led and most-impacted charts.
	wantNoBody(t, res, "Annual budget: leadership seats by group")
}

// TestEquityReportSpanish renders the report in Spanish, plural forms included.
func TestEquityReportSpanish(t *testing.T) {
	w := newOrgWorld(t, newTestSite(t), "es")
	w.addMember("Kale", "member", true, "yes", "under_250k")
	w.addMember("Lima", "steering", false, "no", "over_5m")
	res := withLanguage(w.as("coord-es@example.org"), "es").get("/coalitions/" + w.coalition.ID + "/equity")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<html lang="es"`, "Informe de equidad", "2 organizaciones miembro. Total de puestos de liderazgo: 1.",
		"No dirigida por personas BIPOC: sobrerrepresentado en puestos de liderazgo (razón 2.00, mayor que 1.25).", "Proporción del 20 % con más")
}

// TestOrgEquityCatalogFamilies checks the message ids that the organization, principle
// and equity pages build at run time from the vocabulary.
func TestOrgEquityCatalogFamilies(t *testing.T) {
	en := loadCatalog(t, "en")
	families := map[string][]string{
		"org.kind.":                   domain.OrganizationKinds,
		"org.band.":                   domain.BudgetBands,
		"org.bipoc.":                  domain.BipocLedValues,
		"org.level.":                  domain.SkillLevels,
		"org.field.":                  append([]string{"name", "visibility"}, domain.PublicFields...),
		"equity.dimension.":           domain.Dimensions,
		"equity.dimension_noun.":      domain.Dimensions,
		"equity.attr.":                {equity.AttrBipocLed, equity.AttrMostImpacted, equity.AttrBudgetBand},
		"equity.group.bipoc_led.":     {equity.ValueYes, equity.ValueNo, equity.ValueNotSaid},
		"equity.group.most_impacted.": {equity.ValueYes, equity.ValueNo},
		"equity.flag.":                {equity.ReasonUnderRepresented, equity.ReasonOverRepresented},
		"equity.flag_sentence.":       {equity.ReasonUnderRepresented, equity.ReasonOverRepresented},
	}
	for prefix, values := range families {
		for _, v := range values {
			if _, ok := en[prefix+v]; !ok {
				t.Errorf("no English message for %s%s", prefix, v)
			}
		}
	}
}
