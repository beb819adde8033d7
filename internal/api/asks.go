package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// AskOfferPath names one ask or offer of a coalition.
type AskOfferPath struct {
	CoalitionPath
	AskOfferID string `path:"ask_offer_id" maxLength:"64"`
}

// NewAskOfferBody posts an ask or an offer.
type NewAskOfferBody struct {
	Kind           string `json:"kind" enum:"ask,offer"`
	OrganizationID string `json:"organization_id" maxLength:"64" doc:"The member organization you represent that asks or offers."`
	Title          string `json:"title" minLength:"1" maxLength:"200" example:"Legal review of our testimony by Friday"`
	Body           string `json:"body,omitempty" maxLength:"20000"`
	NeededBy       string `json:"needed_by,omitempty" maxLength:"10" doc:"YYYY-MM-DD"`
}

// AskResponseBody answers an ask or offer for a member organization you represent.
type AskResponseBody struct {
	OrganizationID string `json:"organization_id" maxLength:"64"`
	Body           string `json:"body" minLength:"1" maxLength:"20000"`
}

// FulfilBody names the response that fulfilled an ask or offer.
type FulfilBody struct {
	ResponseID string `json:"response_id" maxLength:"64"`
}

// AskOfferList is a coalition's asks and offers, newest first.
type AskOfferList struct {
	AsksOffers []domain.AskOffer `json:"asks_offers"`
}

func (x *API) registerAsks() {
	const tag = "Asks and offers"
	errs := []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict}
	huma.Register(x.huma, operation("list-asks-offers", http.MethodGet, "/coalitions/{id}/asks-offers", "List asks and offers", tag, signedIn,
		http.StatusNotFound), x.listAsks)
	huma.Register(x.huma, operation("post-ask-offer", http.MethodPost, "/coalitions/{id}/asks-offers", "Post an ask or an offer", tag, signedIn,
		errs...), x.postAsk)
	huma.Register(x.huma, operation("respond-ask-offer", http.MethodPost, "/coalitions/{id}/asks-offers/{ask_offer_id}/responses", "Respond to an ask or offer", tag, signedIn,
		errs...), x.respondAsk)
	huma.Register(x.huma, operation("fulfil-ask-offer", http.MethodPost, "/coalitions/{id}/asks-offers/{ask_offer_id}/fulfil", "Mark fulfilled and record the help", tag, signedIn,
		errs...), x.fulfilAsk)
	closeOp := operation("close-ask-offer", http.MethodPost, "/coalitions/{id}/asks-offers/{ask_offer_id}/close", "Withdraw an ask or offer", tag, signedIn, errs...)
	closeOp.DefaultStatus = http.StatusOK
	huma.Register(x.huma, closeOp, x.closeAsk)
	huma.Register(x.huma, operation("reciprocity", http.MethodGet, "/coalitions/{id}/reciprocity", "Who helps whom, and one-way flows", tag, signedIn,
		http.StatusNotFound), x.reciprocity)
}

func (x *API) listAsks(ctx context.Context, in *CoalitionPath) (*struct{ Body AskOfferList }, error) {
	list, err := x.app.AsksOffers(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body AskOfferList }{AskOfferList{orEmpty(list)}}, nil
}

func (x *API) postAsk(ctx context.Context, in *struct {
	CoalitionPath
	Body NewAskOfferBody
}) (*struct{ Body *domain.AskOffer }, error) {
	b := in.Body
	ao, err := x.app.PostAskOffer(ctx, httpx.User(ctx), in.ID, app.NewAskOffer{Kind: b.Kind, OrganizationID: b.OrganizationID, Title: b.Title, Body: b.Body, NeededBy: b.NeededBy})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.AskOffer }{ao}, nil
}

func (x *API) respondAsk(ctx context.Context, in *struct {
	AskOfferPath
	Body AskResponseBody
}) (*struct{ Body *domain.AskResponse }, error) {
	r, err := x.app.RespondToAskOffer(ctx, httpx.User(ctx), in.ID, in.AskOfferID, in.Body.OrganizationID, in.Body.Body)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.AskResponse }{r}, nil
}

func (x *API) fulfilAsk(ctx context.Context, in *struct {
	AskOfferPath
	Body FulfilBody
}) (*struct{ Body *domain.HelpRecord }, error) {
	h, err := x.app.FulfillAskOffer(ctx, httpx.User(ctx), in.ID, in.AskOfferID, in.Body.ResponseID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.HelpRecord }{h}, nil
}

func (x *API) closeAsk(ctx context.Context, in *AskOfferPath) (*struct{ Body *domain.AskOffer }, error) {
	ao, err := x.app.CloseAskOffer(ctx, httpx.User(ctx), in.ID, in.AskOfferID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.AskOffer }{ao}, nil
}

func (x *API) reciprocity(ctx context.Context, in *CoalitionPath) (*struct{ Body *app.Reciprocity }, error) {
	r, err := x.app.Reciprocity(ctx, httpx.User(ctx), in.ID, nil, nil)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.Reciprocity }{r}, nil
}
