package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// CalendarFeed says whether you have a private calendar address for a coalition.
type CalendarFeed struct {
	Active bool `json:"active"`
}

// NewCalendarFeed is a new private calendar address, returned only once.
type NewCalendarFeed struct {
	Token string `json:"token" doc:"The secret; keep it private."`
	Path  string `json:"path" doc:"Where calendar clients subscribe (text/calendar, RFC 5545), relative to the server's address."`
}

func (x *API) registerCalendar() {
	huma.Register(x.huma, operation("get-calendar-feed", http.MethodGet, "/coalitions/{id}/calendar-feed", "Whether you have a private calendar address", "Meetings", signedIn,
		http.StatusNotFound), x.getCalendarFeed)
	huma.Register(x.huma, operation("new-calendar-feed", http.MethodPost, "/coalitions/{id}/calendar-feed", "Make (or replace) your private calendar address", "Meetings", signedIn,
		http.StatusNotFound), x.newCalendarFeed)
	huma.Register(x.huma, operation("revoke-calendar-feed", http.MethodDelete, "/coalitions/{id}/calendar-feed", "Turn off your private calendar address", "Meetings", signedIn,
		http.StatusNotFound), x.revokeCalendarFeed)
}

func (x *API) getCalendarFeed(ctx context.Context, in *CoalitionPath) (*struct{ Body CalendarFeed }, error) {
	ok, err := x.app.CalendarFeedActive(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body CalendarFeed }{CalendarFeed{Active: ok}}, nil
}

func (x *API) newCalendarFeed(ctx context.Context, in *CoalitionPath) (*struct{ Body NewCalendarFeed }, error) {
	token, err := x.app.NewCalendarFeed(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body NewCalendarFeed }{NewCalendarFeed{Token: token, Path: "/calendar/" + token + ".ics"}}, nil
}

func (x *API) revokeCalendarFeed(ctx context.Context, in *CoalitionPath) (*struct{}, error) {
	if err := x.app.RevokeCalendarFeed(ctx, httpx.User(ctx), in.ID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}
