package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// SkillNeedsBody replaces the skills a coalition needs.
type SkillNeedsBody struct {
	Skills []string `json:"skills" maxItems:"50" doc:"Skill names, ideally from the vocabulary."`
}

// SkillNeeds is the stored list of needed skills.
type SkillNeeds struct {
	Skills []string `json:"skills"`
}

// SkillTermBody adds a term to the deployment's skill vocabulary.
type SkillTermBody struct {
	Name string `json:"name" minLength:"1" maxLength:"200"`
}

// SkillVocabulary is the shared skill vocabulary of the deployment.
type SkillVocabulary struct {
	Skills []string `json:"skills"`
}

func (x *API) registerSkills() {
	const tag = "Skills"
	huma.Register(x.huma, operation("skill-matrix", http.MethodGet, "/coalitions/{id}/skills", "Skills matrix: needs, gaps, single points of failure, diversity", tag, signedIn,
		http.StatusNotFound), x.skillMatrix)
	needs := operation("set-skill-needs", http.MethodPost, "/coalitions/{id}/skill-needs", "Replace the skills the coalition needs (coordinators)", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound)
	needs.DefaultStatus = http.StatusOK
	huma.Register(x.huma, needs, x.setSkillNeeds)
	huma.Register(x.huma, operation("skill-vocabulary", http.MethodGet, "/skill-vocabulary", "The shared skill vocabulary", tag, signedIn), x.skillVocabulary)
	huma.Register(x.huma, operation("add-skill-term", http.MethodPost, "/skill-vocabulary", "Add a skill to the deployment's vocabulary (administrators)", tag, signedIn,
		http.StatusForbidden, http.StatusConflict), x.addSkillTerm)
}

func (x *API) skillMatrix(ctx context.Context, in *CoalitionPath) (*struct{ Body *app.SkillMatrix }, error) {
	m, err := x.app.SkillMatrix(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.SkillMatrix }{m}, nil
}

func (x *API) setSkillNeeds(ctx context.Context, in *struct {
	CoalitionPath
	Body SkillNeedsBody
}) (*struct{ Body SkillNeeds }, error) {
	s, err := x.app.SetSkillNeeds(ctx, httpx.User(ctx), in.ID, in.Body.Skills)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body SkillNeeds }{SkillNeeds{s}}, nil
}

func (x *API) skillVocabulary(ctx context.Context, _ *struct{}) (*struct{ Body SkillVocabulary }, error) {
	v, err := x.app.SkillVocabulary(ctx)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body SkillVocabulary }{SkillVocabulary{v}}, nil
}

func (x *API) addSkillTerm(ctx context.Context, in *struct{ Body SkillTermBody }) (*struct{ Body SkillVocabulary }, error) {
	if err := x.app.AddSkillTerm(ctx, httpx.User(ctx), in.Body.Name); err != nil {
		return nil, x.fail(ctx, err)
	}
	return x.skillVocabulary(ctx, nil)
}
