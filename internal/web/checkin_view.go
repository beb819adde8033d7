package web

import (
	"fmt"
	"math"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// checkInsView is the data of the check-ins page.
type checkInsView struct {
	Coalition *domain.Coalition
	CanManage bool
	CheckIns  []domain.CheckIn
	Answered  map[string]bool
	Trend     *trendView
}

// loadCheckIns fills p with the check-ins page of the coalition in the request.
func (h *Handler) loadCheckIns(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	list, perm, err := h.app.CheckIns(ctx, user, c.ID)
	if err != nil {
		return err
	}
	trends, err := h.app.CheckInTrends(ctx, user, c.ID)
	if err != nil {
		return err
	}
	v := &checkInsView{Coalition: c, CanManage: perm.Can(app.ManageCheckIns), Answered: map[string]bool{}}
	for i := len(list) - 1; i >= 0; i-- { // newest first
		v.CheckIns = append(v.CheckIns, list[i].CheckIn)
		v.Answered[list[i].ID] = list[i].HasAnswered
	}
	if len(trends) > 0 {
		v.Trend = newTrendView(p.Localizer, trends)
	}
	p.Data = v
	p.Title = p.T("health.checkins.title_of", "Coalition", c.Name)
	return nil
}

// trendView is a table of factor scores across check-ins, oldest first.
type trendView struct {
	Columns []string // check-in titles
	Dates   []string
	Rows    []trendRow
}

type trendRow struct {
	Factor string
	Cells  []scoreCell
}

// scoreCell is one score as shown: the number, its band and the change from the
// previous check-in ("+0.25", "−0.10"), empty where there is nothing to compare.
type scoreCell struct {
	Text, Band, BandLabel, Change string
}

func newTrendView(loc *i18n.Localizer, trends []app.CheckInResults) *trendView {
	v := &trendView{}
	for _, t := range trends {
		v.Columns = append(v.Columns, t.CheckIn.Title)
		v.Dates = append(v.Dates, t.CheckIn.OpenedAt.Format("2006-01-02"))
	}
	for i, f := range health.Instrument {
		row := trendRow{Factor: loc.T("health.factor." + f.Key)}
		var prev *float64
		for _, t := range trends {
			fs := t.Factors[i]
			cell := newScoreCell(loc, fs.Mean, fs.Band)
			if prev != nil && fs.Mean != nil {
				cell.Change = signed(*fs.Mean - *prev)
			}
			row.Cells = append(row.Cells, cell)
			prev = fs.Mean
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

func newScoreCell(loc *i18n.Localizer, mean *float64, band string) scoreCell {
	if mean == nil {
		return scoreCell{Text: "—", BandLabel: loc.T("health.band.none")}
	}
	return scoreCell{Text: fmt.Sprintf("%.2f", *mean), Band: band, BandLabel: loc.T("health.band." + band)}
}

// signed prints a change of score in hundredths with its sign: "+0.25", "−0.10", "0.00".
func signed(d float64) string {
	h := int(math.Round(d * 100))
	switch {
	case h > 0:
		return fmt.Sprintf("+%d.%02d", h/100, h%100)
	case h < 0:
		return fmt.Sprintf("−%d.%02d", -h/100, -h%100)
	}
	return "0.00"
}

// checkInFormView is the data of one check-in's page.
type checkInFormView struct {
	Coalition *domain.Coalition
	app.CheckInForm
	CanManage bool
	AnswerFor []formChoice
	Factors   []factorForm
	Scale     []formChoice
}

type factorForm struct {
	Key, Name  string
	Statements []statementForm
}

type statementForm struct {
	Key, Field, ID, Text string
}

// loadCheckInForm fills p with one check-in's page.
func (h *Handler) loadCheckInForm(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	f, err := h.app.CheckIn(ctx, user, c.ID, r.PathValue("checkin_id"))
	if err != nil {
		return err
	}
	v := &checkInFormView{Coalition: c, CheckInForm: *f, CanManage: perm.Can(app.ManageCheckIns)}
	for _, m := range f.AnswerFor {
		v.AnswerFor = append(v.AnswerFor, formChoice{Value: m.ID, Label: m.Organization.Name})
	}
	for n := health.MinRating; n <= health.MaxRating; n++ {
		v.Scale = append(v.Scale, formChoice{Value: fmt.Sprint(n), Label: p.T(fmt.Sprintf("health.scale.%d", n))})
	}
	for _, fa := range health.Instrument {
		ff := factorForm{Key: fa.Key, Name: p.T("health.factor." + fa.Key)}
		for _, s := range fa.Statements {
			ff.Statements = append(ff.Statements, statementForm{Key: s.Key, Field: "r." + s.Key,
				ID: "s-" + s.Key, Text: p.T("health.statement." + s.Key)})
		}
		v.Factors = append(v.Factors, ff)
	}
	p.Data = v
	p.Title = p.T("health.checkin.title_of", "Title", f.CheckIn.Title)
	return nil
}

// resultsView is the data of a check-in's results page.
type resultsView struct {
	Coalition   *domain.Coalition
	CheckIn     domain.CheckIn
	Shown       bool
	Withheld    string
	Respondents int
	MinGroup    int
	Factors     []factorResult
	Breakdowns  []breakdownView
}

type factorResult struct {
	Name       string
	Score      scoreCell
	Ratings    int
	Statements []statementResult
}

type statementResult struct {
	Text    string
	Score   scoreCell
	Ratings int
}

type breakdownView struct {
	Heading, YesLabel, NoLabel string
	Yes, No                    int
	Shown                      bool
	Rows                       []gapRow
}

type gapRow struct {
	Factor    string
	Yes, No   scoreCell
	Gap       string
	Highlight bool
}

func newResultsView(loc *i18n.Localizer, c *domain.Coalition, res *app.CheckInResults) *resultsView {
	v := &resultsView{Coalition: c, CheckIn: res.CheckIn, Shown: res.Shown, Respondents: res.Respondents, MinGroup: health.MinGroup}
	if res.Withheld != "" {
		v.Withheld = loc.T("health.results.withheld."+res.Withheld, "Count", res.Respondents, "Min", health.MinGroup)
	}
	for _, f := range res.Factors {
		fr := factorResult{Name: loc.T("health.factor." + f.Factor), Score: newScoreCell(loc, f.Mean, f.Band), Ratings: f.Ratings}
		for _, s := range f.Statements {
			fr.Statements = append(fr.Statements, statementResult{Text: loc.T("health.statement." + s.Statement),
				Score: newScoreCell(loc, s.Mean, health.BandFor(s.Mean)), Ratings: s.Ratings})
		}
		v.Factors = append(v.Factors, fr)
	}
	for _, b := range res.Breakdowns {
		bv := breakdownView{Heading: loc.T("health.breakdown." + b.Attribute), YesLabel: loc.T("health.group." + b.Attribute + ".yes"),
			NoLabel: loc.T("health.group." + b.Attribute + ".no"), Yes: b.Yes, No: b.No, Shown: b.Shown}
		for _, g := range b.Factors {
			row := gapRow{Factor: loc.T("health.factor." + g.Factor), Yes: newScoreCell(loc, g.Yes, health.BandFor(g.Yes)),
				No: newScoreCell(loc, g.No, health.BandFor(g.No)), Gap: "—", Highlight: g.Highlight}
			if g.Gap != nil {
				row.Gap = fmt.Sprintf("%.2f", *g.Gap)
			}
			bv.Rows = append(bv.Rows, row)
		}
		v.Breakdowns = append(v.Breakdowns, bv)
	}
	return v
}
