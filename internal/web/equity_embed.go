package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// equitySummaryData is what partials/equity_summary.html receives.
type equitySummaryData struct {
	*i18n.Localizer
	Report *equityView
}

// equitySummary renders a compact equity report of leadership seats for a coalition's
// overview page: the BIPOC-led and most-impacted charts, their flags and a link to the
// full report. It returns the use case's error (ENOTFOUND, ...) for the caller to handle.
func (h *Handler) equitySummary(r *http.Request, coalitionID string) (template.HTML, error) {
	rep, err := h.app.EquityReport(r.Context(), httpx.User(r.Context()), coalitionID, domain.DimensionLeadership, nil, nil)
	if err != nil {
		return "", err
	}
	loc := h.requestLocalizer(r)
	data := equitySummaryData{Localizer: loc,
		Report: buildEquityView(loc, rep, []string{equity.AttrBipocLed, equity.AttrMostImpacted}, "summary-")}
	t, ok := h.pages["equity"]
	if !ok {
		return "", fmt.Errorf("no template %q", "equity")
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "equity-summary", data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // html/template escaped every value while executing
}
