package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewContribution is work a member organization logs.
type NewContribution struct {
	OrganizationID string `json:"organization_id" maxLength:"64"`
	PersonID       string `json:"person_id,omitempty" maxLength:"64"`
	Date           string `json:"date" maxLength:"10" doc:"YYYY-MM-DD"`
	Minutes        int64  `json:"minutes" minimum:"1" doc:"Time given, in whole minutes (90 for an hour and a half)."`
	Kind           string `json:"kind" enum:"organizing,lobbying,legal_analysis,facilitation,communications,research,translation_interpretation,hosting_food,childcare,other"`
	Description    string `json:"description,omitempty" maxLength:"500"`
	LinkType       string `json:"link_type,omitempty" enum:"task,meeting,win"`
	LinkID         string `json:"link_id,omitempty" maxLength:"64"`
}

// ContributionList is a coalition's latest contributions.
type ContributionList struct {
	Contributions []domain.Contribution `json:"contributions"`
}

// ContributionImport is a CSV file of contributions to check, and to import when
// preview is false.
type ContributionImport struct {
	CSV     string `json:"csv" maxLength:"900000" doc:"CSV with the header organization,date,hours,kind,description (hours as decimals: 1.5)."`
	Preview bool   `json:"preview,omitempty" doc:"Check only, write nothing."`
}

func (x *API) registerContributions() {
	huma.Register(x.huma, operation("list-contributions", http.MethodGet, "/coalitions/{id}/contributions", "List the latest contributions (at most 500), newest first", "Money", signedIn,
		http.StatusNotFound), x.listContributions)
	huma.Register(x.huma, operation("log-contribution", http.MethodPost, "/coalitions/{id}/contributions", "Log a contribution", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.logContribution)
	huma.Register(x.huma, operation("confirm-contribution", http.MethodPost, "/coalitions/{id}/contributions/{contribution_id}/confirm", "Confirm a contribution", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.confirmContribution)
	imp := operation("import-contributions", http.MethodPost, "/coalitions/{id}/contributions/import", "Check or import contributions from CSV", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound)
	imp.DefaultStatus = http.StatusOK
	huma.Register(x.huma, imp, x.importContributions)
}

// ContributionFilter narrows the list of contributions.
type ContributionFilter struct {
	OrganizationID string `query:"organization_id" maxLength:"64" doc:"Only this member organization's contributions."`
	From           string `query:"from" format:"date" doc:"First day (YYYY-MM-DD)."`
	To             string `query:"to" format:"date" doc:"Last day (YYYY-MM-DD), included."`
	Confirmed      string `query:"confirmed" enum:"yes,no" doc:"Only confirmed (yes) or unconfirmed (no) contributions."`
	LinkType       string `query:"link_type" enum:"task,meeting,win" doc:"With link_id: only the contributions linked to this task, meeting or win."`
	LinkID         string `query:"link_id" maxLength:"64"`
}

func (x *API) listContributions(ctx context.Context, in *struct {
	CoalitionPath
	ContributionFilter
}) (*struct{ Body ContributionList }, error) {
	q := app.ContributionQuery{OrganizationID: in.OrganizationID, From: in.From, To: in.To, Confirmed: in.Confirmed,
		LinkType: in.LinkType, LinkID: in.LinkID}
	cs, err := x.app.Contributions(ctx, httpx.User(ctx), in.ID, q)
	if err != nil {
		return nil, x.fail(ctx, err, at{"organization_id": "query.organization_id", "from": "query.from", "to": "query.to",
			"confirmed": "query.confirmed", "link_id": "query.link_id"})
	}
	return &struct{ Body ContributionList }{ContributionList{Contributions: orEmpty(cs)}}, nil
}

func (x *API) logContribution(ctx context.Context, in *struct {
	CoalitionPath
	Body NewContribution
}) (*struct{ Body *domain.Contribution }, error) {
	b := in.Body
	c, err := x.app.LogContribution(ctx, httpx.User(ctx), in.ID, app.ContributionInput{OrganizationID: b.OrganizationID, PersonID: b.PersonID,
		Day: b.Date, Minutes: b.Minutes, Kind: b.Kind, Description: b.Description, LinkType: b.LinkType, LinkID: b.LinkID})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Contribution }{c}, nil
}

func (x *API) confirmContribution(ctx context.Context, in *struct {
	CoalitionPath
	ContributionID string `path:"contribution_id" maxLength:"64"`
}) (*struct{ Body *domain.Contribution }, error) {
	c, err := x.app.ConfirmContribution(ctx, httpx.User(ctx), in.ID, in.ContributionID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Contribution }{c}, nil
}

func (x *API) importContributions(ctx context.Context, in *struct {
	CoalitionPath
	Body ContributionImport
}) (*struct{ Body *app.ContributionImportResult }, error) {
	res, err := x.app.ImportContributions(ctx, httpx.User(ctx), in.ID, in.Body.CSV, !in.Body.Preview)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.ContributionImportResult }{res}, nil
}
