package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// OrganizationProfile is the body that replaces an organization's profile. Every field
// must be sent, so that a partial body never clears a field (or a privacy setting) by
// accident.
type OrganizationProfile struct {
	Name        string           `json:"name" minLength:"1" maxLength:"200"`
	Kind        organizationKind `json:"kind"`
	Mission     string           `json:"mission" maxLength:"20000"`
	Website     string           `json:"website" maxLength:"500"`
	Geographies []string         `json:"geographies" maxItems:"50" maxLength:"200"`
	IssueAreas  []string         `json:"issue_areas" maxItems:"50" maxLength:"200"`
	Skills      []SkillFields    `json:"skills" maxItems:"50"`
	Languages   []string         `json:"languages" maxItems:"50" maxLength:"200"`
	BudgetBand  budgetBand       `json:"budget_band"`
	StaffSize   int              `json:"staff_size" minimum:"0" maximum:"1000000"`
	BipocLed    bipocLed         `json:"bipoc_led"`
	Identity    string           `json:"identity" maxLength:"500" doc:"How the organization describes itself, in its own words."`
	Visibility  VisibilityFields `json:"visibility"`
}

// SkillFields is one skill an organization brings.
type SkillFields struct {
	Name  string     `json:"name" minLength:"1" maxLength:"200"`
	Level skillLevel `json:"level"`
}

// VisibilityFields say what of the profile is public.
type VisibilityFields struct {
	Listed bool          `json:"listed" doc:"Whether the organization appears by name on its coalitions' public pages."`
	Fields []publicField `json:"fields" maxItems:"20" doc:"The profile fields shown publicly."`
}

func (p OrganizationProfile) organization(id string) domain.Organization {
	o := domain.Organization{ID: id, Name: p.Name, Kind: string(p.Kind), Mission: p.Mission, Website: p.Website,
		Geographies: p.Geographies, IssueAreas: p.IssueAreas, Languages: p.Languages, BudgetBand: string(p.BudgetBand),
		StaffSize: p.StaffSize, BipocLed: string(p.BipocLed), Identity: p.Identity, Visibility: domain.Visibility{Listed: p.Visibility.Listed}}
	for _, s := range p.Skills {
		o.Skills = append(o.Skills, domain.Skill{Name: s.Name, Level: string(s.Level)})
	}
	for _, f := range p.Visibility.Fields {
		o.Visibility.Fields = append(o.Visibility.Fields, string(f))
	}
	return o
}

// OrganizationPath names an organization in the path.
type OrganizationPath struct {
	ID string `path:"id" maxLength:"64"`
}

type organizationOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Organization
}

func (x *API) registerOrganizations() {
	huma.Register(x.huma, operation("get-organization", http.MethodGet, "/organizations/{id}", "Get an organization you represent or share a coalition with", "Organizations", signedIn,
		http.StatusNotFound), x.getOrganization)
	huma.Register(x.huma, operation("update-organization", http.MethodPut, "/organizations/{id}", "Replace an organization's profile", "Organizations", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateOrganization)
}

func (x *API) getOrganization(ctx context.Context, in *OrganizationPath) (*organizationOutput, error) {
	o, _, err := x.app.Organization(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &organizationOutput{ETag: etag(o.Version), Body: o}, nil
}

func (x *API) updateOrganization(ctx context.Context, in *struct {
	OrganizationPath
	Precondition
	Body OrganizationProfile
}) (*organizationOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	o, err := x.app.UpdateOrganization(ctx, httpx.User(ctx), in.Body.organization(in.ID), version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &organizationOutput{ETag: etag(o.Version), Body: o}, nil
}
