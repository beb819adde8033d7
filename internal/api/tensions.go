package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// TensionPath names one tension of a coalition.
type TensionPath struct {
	CoalitionPath
	TensionID string `path:"tension_id" maxLength:"64"`
}

// NewTensionBody raises a tension.
type NewTensionBody struct {
	Title           string   `json:"title" minLength:"1" maxLength:"200"`
	Description     string   `json:"description" minLength:"1" maxLength:"20000" doc:"What happened."`
	Kind            string   `json:"kind" enum:"interpersonal,issue,resources,process,other"`
	OrganizationIDs []string `json:"organization_ids,omitempty" maxItems:"50" doc:"Member organizations that are parties."`
	PersonIDs       []string `json:"person_ids,omitempty" maxItems:"50" doc:"People (user ids with a role in the coalition) who are parties."`
	PrincipleIDs    []string `json:"principle_ids,omitempty" maxItems:"50" doc:"Principles at stake."`
}

// TensionTransition moves a tension to another state.
type TensionTransition struct {
	To     string `json:"to" enum:"raised,acknowledged,in_dialogue,agreement,resolved,withdrawn"`
	Reason string `json:"reason,omitempty" maxLength:"20000" doc:"Required when going back to an earlier step."`
}

// TensionEntryBody is a note or an agreement made.
type TensionEntryBody struct {
	Kind string `json:"kind" enum:"note,agreement"`
	Body string `json:"body" minLength:"1" maxLength:"20000"`
}

// FacilitationBody assigns a facilitator and a follow-up date.
type FacilitationBody struct {
	FacilitatorID string `json:"facilitator_id" maxLength:"64" doc:"A facilitator or coordinator of the coalition; empty for nobody."`
	FollowUpOn    string `json:"follow_up_on" maxLength:"10" doc:"YYYY-MM-DD, or empty."`
}

// WidenAgreement is a party's agreement (or not) to show the tension to the coalition.
type WidenAgreement struct {
	Agreed bool `json:"agreed"`
}

// VisibilityBody says who sees a tension.
type VisibilityBody struct {
	Visibility string `json:"visibility" enum:"parties_and_facilitators,coalition"`
}

// TensionList is the tensions the caller may see.
type TensionList struct {
	Tensions []app.TensionItem `json:"tensions"`
}

type tensionOut struct{ Body *domain.Tension }

func (x *API) registerTensions() {
	const tag = "Tensions"
	errs := []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed}
	huma.Register(x.huma, operation("list-tensions", http.MethodGet, "/coalitions/{id}/tensions", "List the tensions you may see", tag, signedIn,
		http.StatusNotFound), x.listTensions)
	huma.Register(x.huma, operation("raise-tension", http.MethodPost, "/coalitions/{id}/tensions", "Name a tension", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.raiseTension)
	huma.Register(x.huma, operation("get-tension", http.MethodGet, "/coalitions/{id}/tensions/{tension_id}", "Get a tension with its history", tag, signedIn,
		http.StatusNotFound), x.getTension)
	huma.Register(x.huma, operation("move-tension", http.MethodPost, "/coalitions/{id}/tensions/{tension_id}/transitions", "Move a tension to another state", tag, signedIn,
		errs...), x.moveTension)
	huma.Register(x.huma, operation("add-tension-entry", http.MethodPost, "/coalitions/{id}/tensions/{tension_id}/entries", "Add a note or an agreement", tag, signedIn,
		errs...), x.addTensionEntry)
	ok := func(op huma.Operation) huma.Operation { op.DefaultStatus = http.StatusOK; return op }
	huma.Register(x.huma, ok(operation("set-tension-facilitation", http.MethodPost, "/coalitions/{id}/tensions/{tension_id}/facilitation", "Assign the facilitator and follow-up date", tag, signedIn,
		errs...)), x.setFacilitation)
	huma.Register(x.huma, ok(operation("agree-to-widen-tension", http.MethodPost, "/coalitions/{id}/tensions/{tension_id}/widen-agreement", "As a party, agree (or not) to show the tension to the coalition", tag, signedIn,
		errs...)), x.agreeToWiden)
	huma.Register(x.huma, ok(operation("set-tension-visibility", http.MethodPost, "/coalitions/{id}/tensions/{tension_id}/visibility", "Widen or narrow who sees a tension", tag, signedIn,
		errs...)), x.setVisibility)
}

func (x *API) listTensions(ctx context.Context, in *CoalitionPath) (*struct{ Body TensionList }, error) {
	ts, err := x.app.Tensions(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body TensionList }{TensionList{ts}}, nil
}

func (x *API) raiseTension(ctx context.Context, in *struct {
	CoalitionPath
	Body NewTensionBody
}) (*tensionOut, error) {
	b := in.Body
	t, err := x.app.RaiseTension(ctx, httpx.User(ctx), in.ID, app.NewTension{Title: b.Title, Description: b.Description, Kind: b.Kind,
		OrganizationIDs: b.OrganizationIDs, PersonIDs: b.PersonIDs, PrincipleIDs: b.PrincipleIDs})
	return x.tensionResult(ctx, t, err)
}

func (x *API) getTension(ctx context.Context, in *TensionPath) (*struct{ Body *app.TensionItem }, error) {
	t, err := x.app.Tension(ctx, httpx.User(ctx), in.ID, in.TensionID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.TensionItem }{t}, nil
}

func (x *API) moveTension(ctx context.Context, in *struct {
	TensionPath
	Body TensionTransition
}) (*tensionOut, error) {
	t, err := x.app.MoveTension(ctx, httpx.User(ctx), in.ID, in.TensionID, in.Body.To, in.Body.Reason)
	return x.tensionResult(ctx, t, err)
}

func (x *API) addTensionEntry(ctx context.Context, in *struct {
	TensionPath
	Body TensionEntryBody
}) (*tensionOut, error) {
	t, err := x.app.AddTensionEntry(ctx, httpx.User(ctx), in.ID, in.TensionID, in.Body.Kind, in.Body.Body)
	return x.tensionResult(ctx, t, err)
}

func (x *API) setFacilitation(ctx context.Context, in *struct {
	TensionPath
	Body FacilitationBody
}) (*tensionOut, error) {
	t, err := x.app.SetTensionFacilitation(ctx, httpx.User(ctx), in.ID, in.TensionID, app.Facilitation{FacilitatorID: in.Body.FacilitatorID, FollowUpOn: in.Body.FollowUpOn})
	return x.tensionResult(ctx, t, err)
}

func (x *API) agreeToWiden(ctx context.Context, in *struct {
	TensionPath
	Body WidenAgreement
}) (*tensionOut, error) {
	t, err := x.app.AgreeToWiden(ctx, httpx.User(ctx), in.ID, in.TensionID, in.Body.Agreed)
	return x.tensionResult(ctx, t, err)
}

func (x *API) setVisibility(ctx context.Context, in *struct {
	TensionPath
	Body VisibilityBody
}) (*tensionOut, error) {
	t, err := x.app.SetTensionVisibility(ctx, httpx.User(ctx), in.ID, in.TensionID, in.Body.Visibility)
	return x.tensionResult(ctx, t, err)
}

func (x *API) tensionResult(ctx context.Context, t *domain.Tension, err error) (*tensionOut, error) {
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &tensionOut{t}, nil
}
