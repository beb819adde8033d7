package web

import (
	"net/http"
	"slices"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// impactView is the coalition's impact page.
type impactView struct {
	Coalition *domain.Coalition
	*app.Impact
	Now   app.RelationshipPoint // the last point of the trend
	Trend []impactTrendRow
	Kinds []string // kinds of the recent wins, in the domain's order
}

// impactTrendRow is a point of the relationships trend with its bar.
type impactTrendRow struct {
	app.RelationshipPoint
	Bar momentumFigure
}

func (h *Handler) impactShow(w http.ResponseWriter, r *http.Request) {
	h.showLoaded(w, r, "impact", "impact.title", func(r *http.Request, p *Page) error {
		ctx, user := r.Context(), httpx.User(r.Context())
		c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
		if err != nil {
			return err
		}
		m, err := h.app.Impact(ctx, user, c.ID)
		if err != nil {
			return err
		}
		v := &impactView{Coalition: c, Impact: m}
		most := 0
		for _, pt := range m.Relationships.Trend {
			most = max(most, pt.Ties)
		}
		for _, pt := range m.Relationships.Trend {
			row := impactTrendRow{RelationshipPoint: pt, Bar: momentumFigure{N: pt.Ties}}
			if pt.Ties > 0 {
				row.Bar.Width = max(1, pt.Ties*momentumBarMax/most)
			}
			v.Trend = append(v.Trend, row)
		}
		if n := len(m.Relationships.Trend); n > 0 {
			v.Now = m.Relationships.Trend[n-1]
		}
		for _, k := range domain.WinKinds {
			if m.Wins.ByKind[k] > 0 {
				v.Kinds = append(v.Kinds, k)
			}
		}
		slices.Reverse(v.Trend) // newest first on the page
		p.Data = v
		p.Title = p.T("impact.title_of", "Coalition", c.Name)
		return nil
	})
}
