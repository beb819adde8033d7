package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// Assessment is where a target stands on a date.
type Assessment struct {
	Influence  int    `json:"influence" minimum:"1" maximum:"5"`
	Stance     int    `json:"stance" minimum:"-2" maximum:"2" doc:"−2 opposed … +2 champion."`
	AssessedOn string `json:"assessed_on" format:"date"`
	Note       string `json:"note,omitempty" maxLength:"20000"`
}

func (a Assessment) domain() domain.TargetAssessment {
	return domain.TargetAssessment{Influence: a.Influence, Stance: a.Stance, AssessedOn: a.AssessedOn, Note: a.Note}
}

// NewTarget is a decision-maker to add to the power map, with where it stands today.
type NewTarget struct {
	Name       string     `json:"name" minLength:"1" maxLength:"200"`
	Kind       string     `json:"kind" enum:"person,institution"`
	Campaign   string     `json:"campaign,omitempty" maxLength:"200"`
	Title      string     `json:"title,omitempty" maxLength:"200"`
	Note       string     `json:"note,omitempty" maxLength:"20000"`
	Assessment Assessment `json:"assessment"`
}

// Access is a member organization's relationship with a target.
type Access struct {
	Strength int    `json:"strength" minimum:"1" maximum:"5" doc:"1: can get a meeting … 5: a trusted ally on the inside."`
	Note     string `json:"note,omitempty" maxLength:"20000"`
}

// TargetPath names a target of a coalition.
type TargetPath struct {
	CoalitionPath
	TargetID string `path:"target_id" maxLength:"64"`
}

func (x *API) registerTargets() {
	const tag = "Power map"
	huma.Register(x.huma, operation("get-power-map", http.MethodGet, "/coalitions/{id}/power-map",
		"The power map: targets, their dated assessments and members' access", tag, signedIn, http.StatusNotFound), x.powerMap)
	huma.Register(x.huma, operation("create-target", http.MethodPost, "/coalitions/{id}/targets",
		"Add a target with its first assessment", tag, signedIn, http.StatusForbidden, http.StatusNotFound), x.createTarget)
	huma.Register(x.huma, operation("assess-target", http.MethodPost, "/coalitions/{id}/targets/{target_id}/assessments",
		"Record where a target stands on a date", tag, signedIn, http.StatusForbidden, http.StatusNotFound), x.assessTarget)
	huma.Register(x.huma, operation("set-target-access", http.MethodPut, "/coalitions/{id}/targets/{target_id}/access/{organization_id}",
		"Record a member organization's access to a target", tag, signedIn, http.StatusForbidden, http.StatusNotFound), x.setTargetAccess)
}

func (x *API) powerMap(ctx context.Context, in *CoalitionPath) (*struct {
	Body struct {
		Targets []domain.Target `json:"targets"`
	}
}, error) {
	ts, err := x.app.PowerMap(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	out := &struct {
		Body struct {
			Targets []domain.Target `json:"targets"`
		}
	}{}
	out.Body.Targets = orEmpty(ts)
	return out, nil
}

func (x *API) createTarget(ctx context.Context, in *struct {
	CoalitionPath
	Body NewTarget
}) (*struct{ Body *domain.Target }, error) {
	b := in.Body
	t, err := x.app.CreateTarget(ctx, httpx.User(ctx), in.ID, domain.Target{Name: b.Name, Kind: b.Kind, Campaign: b.Campaign, Title: b.Title, Note: b.Note},
		b.Assessment.domain())
	if err != nil {
		return nil, x.fail(ctx, err, at{"influence": "body.assessment.influence", "stance": "body.assessment.stance", "assessed_on": "body.assessment.assessed_on"})
	}
	return &struct{ Body *domain.Target }{t}, nil
}

func (x *API) assessTarget(ctx context.Context, in *struct {
	TargetPath
	Body Assessment
}) (*struct{ Body *domain.TargetAssessment }, error) {
	a, err := x.app.AssessTarget(ctx, httpx.User(ctx), in.ID, in.TargetID, in.Body.domain())
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.TargetAssessment }{a}, nil
}

func (x *API) setTargetAccess(ctx context.Context, in *struct {
	TargetPath
	OrganizationID string `path:"organization_id" maxLength:"64"`
	Body           Access
}) (*struct{ Body *domain.TargetAccess }, error) {
	a, err := x.app.SetTargetAccess(ctx, httpx.User(ctx), in.ID, in.TargetID, domain.TargetAccess{OrganizationID: in.OrganizationID, Strength: in.Body.Strength, Note: in.Body.Note})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.TargetAccess }{a}, nil
}
