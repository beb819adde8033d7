package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

type (
	winKind string
	winSize string
)

func (winKind) Schema(huma.Registry) *huma.Schema { return enum(domain.WinKinds) }
func (winSize) Schema(huma.Registry) *huma.Schema { return enum(domain.WinSizes) }

// NewCredit credits one member organization with its part in a win.
type NewCredit struct {
	OrganizationID string   `json:"organization_id" maxLength:"64" doc:"A member organization of the coalition (current or past)."`
	Contribution   string   `json:"contribution,omitempty" maxLength:"500" doc:"What the organization did."`
	Weight         *float64 `json:"weight,omitempty" minimum:"0" maximum:"1000" doc:"Relative weight; 1 when omitted, so credit is equal by default. Each organization's share is its weight over the win's total; weights may not all be zero."`
}

// NewWin is the body that records a win.
type NewWin struct {
	Date        string      `json:"date" format:"date" doc:"The day of the win (YYYY-MM-DD)."`
	Title       string      `json:"title" minLength:"1" maxLength:"200"`
	Kind        winKind     `json:"kind"`
	Size        winSize     `json:"size"`
	Description string      `json:"description,omitempty" maxLength:"20000"`
	Public      bool        `json:"public,omitempty" doc:"Whether the win appears, with its credit lines, on the coalition's public page."`
	Credits     []NewCredit `json:"credits,omitempty" maxItems:"100" doc:"The organizations that made it happen, each at most once."`
}

// WinChange is the body that replaces a win; every field must be sent, so that a partial
// body never clears credits or the description by accident.
type WinChange struct {
	Date        string      `json:"date" format:"date"`
	Title       string      `json:"title" minLength:"1" maxLength:"200"`
	Kind        winKind     `json:"kind"`
	Size        winSize     `json:"size"`
	Description string      `json:"description" maxLength:"20000"`
	Public      bool        `json:"public"`
	Credits     []NewCredit `json:"credits" maxItems:"100"`
}

// WinList is a coalition's wins, newest first.
type WinList struct {
	Wins []domain.Win `json:"wins"`
}

// WinPath names a win of a coalition in the path.
type WinPath struct {
	CoalitionPath
	WinID string `path:"win_id" maxLength:"64"`
}

type winOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Win
}

type createdWin struct {
	ETag     string `header:"ETag" doc:"The version, for If-Match."`
	Location string `header:"Location" doc:"The new win."`
	Body     *domain.Win
}

func (x *API) registerWins() {
	huma.Register(x.huma, operation("list-wins", http.MethodGet, "/coalitions/{id}/wins", "List a coalition's wins with their credits", "Wins", signedIn,
		http.StatusNotFound), x.listWins)
	huma.Register(x.huma, operation("create-win", http.MethodPost, "/coalitions/{id}/wins", "Record a win and credit the organizations that made it happen", "Wins", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.createWin)
	huma.Register(x.huma, operation("get-win", http.MethodGet, "/coalitions/{id}/wins/{win_id}", "Get a win", "Wins", signedIn,
		http.StatusNotFound), x.getWin)
	huma.Register(x.huma, operation("update-win", http.MethodPut, "/coalitions/{id}/wins/{win_id}", "Replace a win and its credits", "Wins", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateWin)
	huma.Register(x.huma, operation("delete-win", http.MethodDelete, "/coalitions/{id}/wins/{win_id}", "Delete a win recorded by mistake, with its credits", "Wins", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.deleteWin)
	x.registerPhases()
}

func credits(in []NewCredit) []domain.Credit {
	out := make([]domain.Credit, len(in))
	for i, c := range in {
		out[i] = domain.Credit{OrganizationID: c.OrganizationID, Contribution: c.Contribution, Weight: 1}
		if c.Weight != nil {
			out[i].Weight = *c.Weight
		}
	}
	return out
}

func (x *API) listWins(ctx context.Context, in *CoalitionPath) (*struct{ Body WinList }, error) {
	wins, err := x.app.Wins(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body WinList }{WinList{Wins: orEmpty(wins)}}, nil
}

func (x *API) createWin(ctx context.Context, in *struct {
	CoalitionPath
	Body NewWin
}) (*createdWin, error) {
	b := in.Body
	w, err := x.app.CreateWin(ctx, httpx.User(ctx), in.ID, domain.Win{Date: b.Date, Title: b.Title, Kind: string(b.Kind),
		Size: string(b.Size), Description: b.Description, Public: b.Public, Credits: credits(b.Credits)})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &createdWin{ETag: etag(w.Version), Body: w,
		Location: Prefix + "/coalitions/" + url.PathEscape(w.CoalitionID) + "/wins/" + url.PathEscape(w.ID)}, nil
}

func (x *API) getWin(ctx context.Context, in *WinPath) (*winOutput, error) {
	w, err := x.app.Win(ctx, httpx.User(ctx), in.ID, in.WinID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &winOutput{ETag: etag(w.Version), Body: w}, nil
}

func (x *API) updateWin(ctx context.Context, in *struct {
	WinPath
	Precondition
	Body WinChange
}) (*winOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	b := in.Body
	w, err := x.app.UpdateWin(ctx, httpx.User(ctx), in.ID, domain.Win{ID: in.WinID, Date: b.Date, Title: b.Title, Kind: string(b.Kind),
		Size: string(b.Size), Description: b.Description, Public: b.Public, Credits: credits(b.Credits)}, version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &winOutput{ETag: etag(w.Version), Body: w}, nil
}

func (x *API) deleteWin(ctx context.Context, in *struct {
	WinPath
	Precondition
}) (*struct{}, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	if err := x.app.DeleteWin(ctx, httpx.User(ctx), in.ID, in.WinID, version); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}
