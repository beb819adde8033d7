package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerEquity(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/equity", h.equityReport)
}

// equityPage is the data of the equity report page.
type equityPage struct {
	Coalition  *domain.Coalition
	Dimensions []formChoice
	Period     string // "" for all time, else a sentence naming the period
	Report     *equityView
}

// equityReport handles GET /coalitions/{id}/equity?dimension=&from=&to=.
func (h *Handler) equityReport(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	dimension := strings.TrimSpace(q.Get("dimension"))
	if dimension == "" {
		dimension = domain.DimensionLeadership
	}
	p := h.page(r, "equity.title", nil)
	p.Title = p.T("equity.title_of", "Coalition", c.Name)
	p.Form["dimension"], p.Form["from"], p.Form["to"] = dimension, strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	data := &equityPage{Coalition: c}
	for _, d := range domain.Dimensions {
		data.Dimensions = append(data.Dimensions, formChoice{Value: d, Label: p.T("equity.dimension." + d), Selected: d == dimension})
	}
	p.Data = data

	from, to, err := parseEquityQuery(p.Localizer, dimension, p.Form["from"], p.Form["to"])
	if err == nil {
		var report *app.EquityReport
		if report, err = h.app.EquityReport(ctx, user, c.ID, dimension, from, to); err == nil {
			data.Report = buildEquityView(p.Localizer, report, equityAttributes, "")
			data.Period = periodSentence(p.Localizer, p.Form["from"], p.Form["to"])
		}
	}
	if err != nil {
		if !h.formError(w, r, "equity", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.render(w, r, http.StatusOK, "equity", p)
}

// parseEquityQuery checks the dimension and reads the period: from is the start of its
// day, to the end of its day (members are counted as of the end of the period), both UTC.
// Empty bounds are open. Problems come back as one EINVALID error with field messages in
// the reader's language.
func parseEquityQuery(loc *i18n.Localizer, dimension, fromText, toText string) (from, to *time.Time, err error) {
	var v domain.Validation
	if !domain.OneOf(dimension, domain.Dimensions) {
		v.Add("dimension", loc.T("equity.error.dimension"))
	}
	parse := func(field, s string) *time.Time {
		if s == "" {
			return nil
		}
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			v.Add(field, loc.T("equity.error.date"))
			return nil
		}
		return &t
	}
	from, to = parse("from", fromText), parse("to", toText)
	if from != nil && to != nil && to.Before(*from) {
		v.Add("to", loc.T("equity.error.order"))
	}
	if to != nil {
		end := to.Add(24*time.Hour - time.Nanosecond)
		to = &end
	}
	if err := v.Err(); err != nil {
		return nil, nil, &domain.Error{Code: domain.EINVALID, Message: loc.T("equity.error.query"), Fields: domain.ErrorFields(err)}
	}
	return from, to, nil
}

// periodSentence describes the period the report covers.
func periodSentence(loc *i18n.Localizer, from, to string) string {
	switch {
	case from != "" && to != "":
		return loc.T("equity.period.between", "From", from, "To", to)
	case from != "":
		return loc.T("equity.period.since", "From", from)
	case to != "":
		return loc.T("equity.period.until", "To", to)
	}
	return loc.T("equity.period.all")
}
