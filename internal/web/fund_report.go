package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// fundReportView is the data of a fund's report page.
type fundReportView struct {
	Coalition        *domain.Coalition
	Report           *app.FundReport
	From, To         string
	CSVHref, Printed string
	Summary          []reportFigure
	Members          []reportMember
	Groups           []reportGroup
}

// reportFigure is one line of the summary: a figure before, in and at the end of the period.
type reportFigure struct{ Label, Opening, Period, Closing string }

// reportMember is one organization's line.
type reportMember struct {
	Name, BipocLed, MostImpacted, Allocated, PaidOut, Owed string
	Former                                                 bool
}

// reportGroup is one group's share of the period's allocations.
type reportGroup struct {
	Label, Members, MembershipShare, Allocated, Share, Ratio string
	Flag                                                     string
}

func (h *Handler) registerFundReport(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/funds/{fund_id}/report", h.fundReportShow)
	r.HandleFunc("GET /coalitions/{id}/funds/{fund_id}/report.csv", h.fundReportCSV)
}

// fundReportShow handles GET /coalitions/{id}/funds/{fund_id}/report?from=&to=: the
// funder report of the period, laid out to print. A period that does not read shows its
// errors at the fields with the report of the whole life of the fund.
func (h *Handler) fundReportShow(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "money.report.title", nil)
	from, to := r.URL.Query().Get("from"), r.URL.Query().Get("to")
	status := http.StatusOK
	rep, err := h.app.FundReport(ctx, user, c.ID, r.PathValue("fund_id"), from, to)
	if domain.ErrorCode(err) == domain.EINVALID {
		status = http.StatusUnprocessableEntity
		for _, f := range domain.ErrorFields(err) {
			p.Errors["report_"+f.Field] = f.Message
		}
		rep, err = h.app.FundReport(ctx, user, c.ID, r.PathValue("fund_id"), "", "")
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &fundReportView{Coalition: c, Report: rep, From: from, To: to, Printed: time.Now().UTC().Format(time.DateOnly)}
	q := url.Values{}
	if status == http.StatusOK {
		for k, val := range map[string]string{"from": from, "to": to} {
			if val != "" {
				q.Set(k, val)
			}
		}
	}
	v.CSVHref = "/coalitions/" + url.PathEscape(c.ID) + "/funds/" + url.PathEscape(rep.Fund.ID) + "/report.csv"
	if len(q) > 0 {
		v.CSVHref += "?" + q.Encode()
	}
	v.fill(p.Localizer)
	p.Data = v
	p.Title = p.T("money.report.title_of", "Fund", rep.Fund.Name)
	h.render(w, r, status, "fund_report", p)
}

// fill formats the report's figures in the fund's currency.
func (v *fundReportView) fill(loc *i18n.Localizer) {
	rep, cur := v.Report, v.Report.Fund.Currency
	amount := func(x int64) string { return domain.FormatAmount(x, cur) }
	for _, f := range []struct {
		id string
		of func(app.Balance) int64
	}{
		{"money.balance.received", func(b app.Balance) int64 { return b.Received }},
		{"money.balance.allocated", func(b app.Balance) int64 { return b.Allocated }},
		{"money.balance.paid_out", func(b app.Balance) int64 { return b.PaidOut }},
		{"money.balance.fees", func(b app.Balance) int64 { return b.Fees }},
		{"money.balance.pool", func(b app.Balance) int64 { return b.Pool }},
		{"money.balance.owed", func(b app.Balance) int64 { return b.Owed }},
		{"money.balance.held", func(b app.Balance) int64 { return b.Held }},
	} {
		v.Summary = append(v.Summary, reportFigure{loc.T(f.id), amount(f.of(rep.Opening)), amount(f.of(rep.Period)), amount(f.of(rep.Closing))})
	}
	yesNo := map[bool]string{true: loc.T("money.report.yes"), false: loc.T("money.report.no")}
	for _, m := range rep.Members {
		v.Members = append(v.Members, reportMember{Name: m.Name, BipocLed: loc.T("equity.group.bipoc_led." + m.BipocLed),
			MostImpacted: yesNo[m.MostImpacted], Allocated: amount(m.Allocated), PaidOut: amount(m.PaidOut), Owed: amount(m.Owed), Former: !m.Current})
	}
	pct := func(f *float64) string {
		if f == nil {
			return "—"
		}
		return fmt.Sprintf("%.1f%%", *f*100)
	}
	for _, g := range rep.Groups {
		row := reportGroup{Label: loc.T("equity.group_in_attribute", "Attribute", loc.T("equity.attr."+g.Attribute),
			"Group", groupLabel(loc, g.Attribute, g.Value)), Members: fmt.Sprint(g.Members),
			MembershipShare: pct(&g.MembershipShare), Allocated: amount(int64(g.Quantity)), Share: pct(g.Share), Ratio: "—"}
		if g.Ratio != nil {
			row.Ratio = fmt.Sprintf("%.2f", *g.Ratio)
		}
		if g.Flag {
			row.Flag = flagIcon[g.FlagReason] + " " + loc.T("equity.flag."+g.FlagReason)
		}
		v.Groups = append(v.Groups, row)
	}
}

// fundReportCSV handles GET /coalitions/{id}/funds/{fund_id}/report.csv?from=&to=: the
// report's figures as one table. Amounts are decimals in the fund's currency without
// thousands separators.
func (h *Handler) fundReportCSV(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	q := r.URL.Query()
	rep, err := h.app.FundReport(ctx, user, r.PathValue("id"), r.PathValue("fund_id"), q.Get("from"), q.Get("to"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := writeFundReportCSV(&buf, rep); err != nil {
		h.serverError(w, r, err)
		return
	}
	name := "fund-report-" + rep.Fund.ID
	for _, d := range []string{rep.From, rep.To} {
		if d != "" {
			name += "-" + d
		}
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	buf.WriteTo(w)
}

func writeFundReportCSV(buf *bytes.Buffer, rep *app.FundReport) error {
	cur := rep.Fund.Currency
	amount := func(x int64) string { return strings.ReplaceAll(domain.FormatAmount(x, cur), ",", "") }
	cw := csv.NewWriter(buf)
	_ = cw.Write([]string{"section", "organization", "bipoc_led", "most_impacted", "budget_band", "received", "allocated", "paid_out",
		"fees", "not_yet_allocated", "owed", "held", "currency", "from", "to"})
	for _, s := range []struct {
		name string
		b    app.Balance
	}{{"opening", rep.Opening}, {"period", rep.Period}, {"closing", rep.Closing}} {
		_ = cw.Write([]string{s.name, "", "", "", "", amount(s.b.Received), amount(s.b.Allocated), amount(s.b.PaidOut), amount(s.b.Fees),
			amount(s.b.Pool), amount(s.b.Owed), amount(s.b.Held), cur, rep.From, rep.To})
	}
	for _, m := range rep.Members {
		_ = cw.Write([]string{"member", csvSafe(m.Name), m.BipocLed, fmt.Sprint(m.MostImpacted), m.BudgetBand, "", amount(m.Allocated),
			amount(m.PaidOut), "", "", amount(m.Owed), "", cur, rep.From, rep.To})
	}
	for _, g := range rep.Groups {
		_ = cw.Write([]string{"group", g.Attribute + "=" + g.Value, "", "", "", "", amount(int64(g.Quantity)), "", "", "", "", "", cur, rep.From, rep.To})
	}
	cw.Flush()
	return cw.Error()
}
