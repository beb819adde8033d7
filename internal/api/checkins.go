package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// CheckInPath names one check-in of a coalition.
type CheckInPath struct {
	CoalitionPath
	CheckInID string `path:"checkin_id" maxLength:"64"`
}

// NewCheckIn is the body that opens a check-in.
type NewCheckIn struct {
	Title string `json:"title" minLength:"1" maxLength:"200" example:"Spring 2026 check-in"`
}

// CheckInAnswer is one person's anonymous answer.
type CheckInAnswer struct {
	MembershipID string         `json:"membership_id,omitempty" maxLength:"64" doc:"The member organization you answer for, when you represent several."`
	Ratings      map[string]int `json:"ratings" doc:"A rating from 1 (strongly disagree) to 5 (strongly agree) per statement key; leave out statements you are not sure about."`
}

// CheckInList is a coalition's check-ins, oldest first.
type CheckInList struct {
	CheckIns []app.CheckInStatus `json:"check_ins"`
}

// CheckInDetail is a check-in, the instrument it asks, and the caller's situation.
type CheckInDetail struct {
	app.CheckInForm
	Instrument []health.Factor `json:"instrument"`
}

// CheckInTrends is the results of every check-in with results shown, oldest first.
type CheckInTrends struct {
	CheckIns []app.CheckInResults `json:"check_ins"`
}

// Answered confirms an answer was stored, unlinked from its author.
type Answered struct {
	Answered bool `json:"answered"`
}

func (x *API) registerCheckIns() {
	const tag = "Check-ins"
	huma.Register(x.huma, operation("list-check-ins", http.MethodGet, "/coalitions/{id}/check-ins", "List health check-ins", tag, signedIn,
		http.StatusNotFound), x.listCheckIns)
	huma.Register(x.huma, operation("open-check-in", http.MethodPost, "/coalitions/{id}/check-ins", "Open a health check-in (coordinators)", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.openCheckIn)
	huma.Register(x.huma, operation("get-check-in", http.MethodGet, "/coalitions/{id}/check-ins/{checkin_id}", "Get a check-in and its statements", tag, signedIn,
		http.StatusNotFound), x.getCheckIn)
	closeOp := operation("close-check-in", http.MethodPost, "/coalitions/{id}/check-ins/{checkin_id}/close", "Close a check-in (coordinators)", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)
	closeOp.DefaultStatus = http.StatusOK
	huma.Register(x.huma, closeOp, x.closeCheckIn)
	huma.Register(x.huma, operation("answer-check-in", http.MethodPost, "/coalitions/{id}/check-ins/{checkin_id}/answers", "Answer a check-in anonymously (once)", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.answerCheckIn)
	huma.Register(x.huma, operation("check-in-results", http.MethodGet, "/coalitions/{id}/check-ins/{checkin_id}/results", "Scores of a closed check-in", tag, signedIn,
		http.StatusNotFound), x.checkInResults)
	huma.Register(x.huma, operation("check-in-trends", http.MethodGet, "/coalitions/{id}/check-in-trends", "Scores of every closed check-in, for trends", tag, signedIn,
		http.StatusNotFound), x.checkInTrends)
}

func (x *API) listCheckIns(ctx context.Context, in *CoalitionPath) (*struct{ Body CheckInList }, error) {
	cs, _, err := x.app.CheckIns(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body CheckInList }{CheckInList{orEmpty(cs)}}, nil
}

func (x *API) openCheckIn(ctx context.Context, in *struct {
	CoalitionPath
	Body NewCheckIn
}) (*struct{ Body *domain.CheckIn }, error) {
	c, err := x.app.OpenCheckIn(ctx, httpx.User(ctx), in.ID, in.Body.Title)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.CheckIn }{c}, nil
}

func (x *API) getCheckIn(ctx context.Context, in *CheckInPath) (*struct{ Body CheckInDetail }, error) {
	f, err := x.app.CheckIn(ctx, httpx.User(ctx), in.ID, in.CheckInID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body CheckInDetail }{CheckInDetail{CheckInForm: *f, Instrument: health.Instrument}}, nil
}

func (x *API) closeCheckIn(ctx context.Context, in *CheckInPath) (*struct{ Body *domain.CheckIn }, error) {
	c, err := x.app.CloseCheckIn(ctx, httpx.User(ctx), in.ID, in.CheckInID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.CheckIn }{c}, nil
}

func (x *API) answerCheckIn(ctx context.Context, in *struct {
	CheckInPath
	Body CheckInAnswer
}) (*struct{ Body Answered }, error) {
	err := x.app.AnswerCheckIn(ctx, httpx.User(ctx), in.ID, in.CheckInID, app.Answer{MembershipID: in.Body.MembershipID, Ratings: in.Body.Ratings})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body Answered }{Answered{true}}, nil
}

func (x *API) checkInResults(ctx context.Context, in *CheckInPath) (*struct{ Body *app.CheckInResults }, error) {
	r, err := x.app.CheckInResults(ctx, httpx.User(ctx), in.ID, in.CheckInID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.CheckInResults }{r}, nil
}

func (x *API) checkInTrends(ctx context.Context, in *CoalitionPath) (*struct{ Body CheckInTrends }, error) {
	rs, err := x.app.CheckInTrends(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body CheckInTrends }{CheckInTrends{rs}}, nil
}
