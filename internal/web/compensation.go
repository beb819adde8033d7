package web

import (
	"net/http"
	"strconv"

	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// compensationView is the compensation ratio of every group, shown on fund and round
// pages: share of dollars allocated / share of hours contributed, with the four-fifths flag.
type compensationView struct {
	Rows    []compensationRow
	Flagged int
	NoData  bool
}

type compensationRow struct {
	Group, Ratio string
	Members      int
	Flag         bool
	FlagText     string
}

// loadCompensation builds the compensation table of a coalition.
func (h *Handler) loadCompensation(r *http.Request, loc *i18n.Localizer, coalitionID string) (*compensationView, error) {
	groups, err := h.app.Compensation(r.Context(), httpx.User(r.Context()), coalitionID)
	if err != nil {
		return nil, err
	}
	v := &compensationView{NoData: true}
	for _, g := range groups {
		row := compensationRow{Group: groupLabel(loc, g.Attribute, g.Value), Members: g.Members, Flag: g.Flag, Ratio: "—"}
		if g.Ratio != nil {
			row.Ratio, v.NoData = fixed2(*g.Ratio), false
		}
		if g.Flag {
			v.Flagged++
			row.FlagText = loc.T("money.compensation.flag."+g.FlagReason, "Group", row.Group)
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
