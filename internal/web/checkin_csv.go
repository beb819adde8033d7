package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// checkInResultsCSV handles GET /coalitions/{id}/check-ins/{checkin_id}/results.csv: the
// same numbers as the results page, one row per factor and statement, then one row per
// factor and group where the three-respondent rule lets a breakdown be shown. Withheld
// results give a file with the header only.
func (h *Handler) checkInResultsCSV(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	res, err := h.app.CheckInResults(ctx, user, r.PathValue("id"), r.PathValue("checkin_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := writeResultsCSV(&buf, h.requestLocalizer(r), res); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="check-in-`+res.CheckIn.ID+`.csv"`)
	buf.WriteTo(w)
}

func writeResultsCSV(buf *bytes.Buffer, loc *i18n.Localizer, res *app.CheckInResults) error {
	cw := csv.NewWriter(buf)
	_ = cw.Write([]string{"check_in", "scope", "factor", "factor_name", "statement", "statement_text", "mean", "ratings", "band", "gap"})
	title := csvSafe(res.CheckIn.Title)
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return fmt.Sprintf("%.2f", *p)
	}
	for _, f := range res.Factors {
		name := loc.T("health.factor." + f.Factor)
		_ = cw.Write([]string{title, "all", f.Factor, name, "", "", num(f.Mean), fmt.Sprint(f.Ratings), f.Band, ""})
		for _, s := range f.Statements {
			_ = cw.Write([]string{title, "all", f.Factor, name, s.Statement, loc.T("health.statement." + s.Statement),
				num(s.Mean), fmt.Sprint(s.Ratings), health.BandFor(s.Mean), ""})
		}
	}
	for _, b := range res.Breakdowns {
		for _, g := range b.Factors {
			name := loc.T("health.factor." + g.Factor)
			_ = cw.Write([]string{title, b.Attribute + "=yes", g.Factor, name, "", "", num(g.Yes), "", health.BandFor(g.Yes), num(g.Gap)})
			_ = cw.Write([]string{title, b.Attribute + "=no", g.Factor, name, "", "", num(g.No), "", health.BandFor(g.No), num(g.Gap)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading text typed by a person as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
