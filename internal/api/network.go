package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/network"
	"github.com/danielgtaylor/huma/v2"
)

// NetworkQuery chooses an ecosystem view and its format.
type NetworkQuery struct {
	Coalition []string `query:"coalition,explode" maxItems:"20" doc:"A coalition's id or slug; repeat for several coalitions you belong to."`
	Scope     string   `query:"scope" enum:"coalitions,deployment" default:"coalitions" doc:"deployment: every organization of the deployment (administrators only)."`
	Format    string   `query:"format" enum:"json,graphml" default:"json" doc:"graphml: the organizations and declared ties for Gephi or NetworkX."`
}

// NetworkView is an ecosystem view: its organizations with their figures, the declared
// ties (both sides' accounts merged; depth is their mean), the ties derived from joint
// work (kept apart: they never enter the figures), and the figures of the declared ties.
type NetworkView struct {
	Coalitions     []string            `json:"coalitions" doc:"The coalitions covered; empty for the deployment."`
	Organizations  []app.EcosystemNode `json:"organizations"`
	Ties           []app.Tie           `json:"ties"`
	DerivedTies    []app.DerivedTie    `json:"derived_ties"`
	DerivedSources []string            `json:"derived_sources" doc:"The sources of derived ties this server counts."`
	Figures        NetworkFigures      `json:"figures"`
	ComputedAt     time.Time           `json:"computed_at"`
}

// NetworkFigures are the figures of the declared ties (see the network package for each
// definition; they follow NetworkX's).
type NetworkFigures struct {
	Organizations         int                       `json:"organizations"`
	Ties                  int                       `json:"ties"`
	MeanDepth             *float64                  `json:"mean_depth"`
	Density               float64                   `json:"density"`
	Components            [][]string                `json:"components"`
	LargestComponentShare *float64                  `json:"largest_component_share"`
	AverageClustering     *float64                  `json:"average_clustering"`
	EigenvectorConverged  bool                      `json:"eigenvector_converged"`
	Communities           [][]string                `json:"communities"`
	Modularity            *float64                  `json:"modularity"`
	Bridges               []network.Bridge          `json:"bridges"`
	CrossIssue            network.CrossIssue        `json:"cross_issue"`
	Silos                 network.SiloMatrix        `json:"silos"`
	Betweenness           network.BetweennessMethod `json:"betweenness" doc:"How betweenness was computed: exactly, or sampled with a stated error bound."`
}

func networkFigures(f *network.Figures) NetworkFigures {
	out := NetworkFigures{Organizations: f.Organizations, Ties: f.Ties, MeanDepth: f.MeanDepth, Density: f.Density,
		LargestComponentShare: f.LargestComponentShare, AverageClustering: f.AverageClustering,
		EigenvectorConverged: f.EigenvectorConverged, Modularity: f.Modularity, Bridges: orEmpty(f.Bridges),
		CrossIssue: f.CrossIssue, Silos: f.Silos, Betweenness: f.BetweennessMethod,
		Components: [][]string{}, Communities: [][]string{}}
	for _, c := range f.Components {
		out.Components = append(out.Components, c.Members)
	}
	for _, c := range f.Communities {
		out.Communities = append(out.Communities, c.Members)
	}
	return out
}

type networkOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

func (x *API) registerNetwork() {
	op := operation("get-network", http.MethodGet, "/network", "An ecosystem view: organizations, ties and their figures, as JSON or GraphML", "Relationships", signedIn,
		http.StatusForbidden, http.StatusNotFound)
	schema := x.huma.OpenAPI().Components.Schemas.Schema(reflect.TypeOf(NetworkView{}), true, "NetworkView")
	op.Responses = map[string]*huma.Response{"200": {Description: "The view: JSON (NetworkView) or GraphML.", Content: map[string]*huma.MediaType{
		"application/json":        {Schema: schema},
		"application/graphml+xml": {Schema: &huma.Schema{Type: "string"}},
	}}}
	huma.Register(x.huma, op, x.getNetwork)
	huma.Register(x.huma, operation("get-impact", http.MethodGet, "/coalitions/{id}/impact",
		"A coalition's impact: relationships and their trend, alignment, power and wins", "Relationships", signedIn, http.StatusNotFound), x.impact)
}

func (x *API) getNetwork(ctx context.Context, in *NetworkQuery) (*networkOutput, error) {
	scope := app.EcosystemScope{CoalitionIDs: in.Coalition, Deployment: in.Scope == "deployment"}
	e, err := x.app.Ecosystem(ctx, httpx.User(ctx), scope)
	if err != nil {
		return nil, x.fail(ctx, err, at{"coalition": "query.coalition"})
	}
	if in.Format == "graphml" {
		var buf bytes.Buffer
		orgs, ties := e.NetworkInput()
		if err := network.WriteGraphML(&buf, orgs, ties); err != nil {
			return nil, x.fail(ctx, err)
		}
		return &networkOutput{ContentType: "application/graphml+xml", ContentDisposition: `attachment; filename="ecosystem.graphml"`, Body: buf.Bytes()}, nil
	}
	view := NetworkView{Coalitions: []string{}, Organizations: orEmpty(e.Nodes), Ties: orEmpty(e.Ties), DerivedTies: orEmpty(e.Derived),
		DerivedSources: orEmpty(app.DerivedSources()), Figures: networkFigures(e.Figures), ComputedAt: e.ComputedAt}
	for _, c := range e.Coalitions {
		view.Coalitions = append(view.Coalitions, c.ID)
	}
	b, err := json.Marshal(view)
	if err != nil {
		return nil, x.fail(ctx, domain.Errorf(domain.EINTERNAL, "network json: %v", err))
	}
	return &networkOutput{ContentType: "application/json", Body: b}, nil
}

func (x *API) impact(ctx context.Context, in *CoalitionPath) (*struct{ Body *app.Impact }, error) {
	m, err := x.app.Impact(ctx, httpx.User(ctx), in.ID)
	return body(x, ctx, m, err)
}
