package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/momentum"
)

// momentumBarMax is the width, in pixels, of a momentum bar for the busiest month.
const momentumBarMax = 60

// momentumView is the coalition page's momentum table: each figure of each month with
// the width of its bar, scaled so that the busiest month of that figure is full width.
type momentumView struct {
	Months       []momentumRow
	LastMeetings int
	ReachOut     []momentum.Missing
}

type momentumRow struct {
	Month                                  string
	Meetings, Attending, TasksDone, WinsIn momentumFigure
}

type momentumFigure struct{ N, Width int }

func newMomentumView(m *momentum.Momentum) *momentumView {
	var most momentum.Month
	for _, r := range m.Months {
		most.MeetingsHeld = max(most.MeetingsHeld, r.MeetingsHeld)
		most.AttendingOrganizations = max(most.AttendingOrganizations, r.AttendingOrganizations)
		most.TasksDone = max(most.TasksDone, r.TasksDone)
		most.Wins = max(most.Wins, r.Wins)
	}
	fig := func(n, top int) momentumFigure {
		if n == 0 {
			return momentumFigure{}
		}
		// A month with any activity shows at least a sliver.
		return momentumFigure{N: n, Width: max(1, n*momentumBarMax/top)}
	}
	v := &momentumView{LastMeetings: m.LastMeetings, ReachOut: m.ReachOut}
	for _, r := range m.Months {
		v.Months = append(v.Months, momentumRow{Month: r.Month,
			Meetings:  fig(r.MeetingsHeld, most.MeetingsHeld),
			Attending: fig(r.AttendingOrganizations, most.AttendingOrganizations),
			TasksDone: fig(r.TasksDone, most.TasksDone),
			WinsIn:    fig(r.Wins, most.Wins)})
	}
	return v
}

// coalitionMomentum is the momentum of the last twelve months for the coalition page; nil
// (and the error logged) when it cannot be computed, so that the rest of the page serves.
func (h *Handler) coalitionMomentum(r *http.Request, coalitionID string) *momentumView {
	ctx := r.Context()
	m, err := h.app.Momentum(ctx, httpx.User(ctx), coalitionID, 12)
	if err != nil {
		h.opts.Log.Error("momentum", "request_id", httpx.RequestID(ctx), "coalition", coalitionID, "err", err)
		return nil
	}
	return newMomentumView(m)
}
