package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerNetwork(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/network", h.networkCoalition)
	r.HandleFunc("GET /network", h.networkChosen)
	r.HandleFunc("GET /coalitions/{id}/impact", h.impactShow)
	h.registerNetworkMore(r)
}

// networkTableRows caps the organizations listed in the table of a large view; the
// JSON and GraphML exports have them all.
const networkTableRows = 200

// Ways to size and colour the drawing (and to order the table).
var (
	networkSizes   = []string{"degree", "betweenness", "eigenvector"}
	networkColours = []string{"issue_area", "bipoc_led", "most_impacted"}
)

// networkPage is the data of an ecosystem page.
type networkPage struct {
	Coalition  *domain.Coalition // set for a single coalition's view
	Heading    string
	E          *app.Ecosystem
	Rows       []app.EcosystemNode // the table: by the chosen centrality, at most networkTableRows
	Hidden     int                 // organizations not in the table
	SizeBy     string
	ColourBy   string
	Sizes      []formChoice
	Colours    []formChoice
	Bridges    []namedValue
	DataURL    string // the view as JSON, for the drawing
	GraphMLURL string
	FormAction string
	Hidden1    []formChoice // coalition ids to carry in the options form
	Sources    []string     // derived-tie sources counted
}

type namedValue struct {
	Name  string
	Value float64
}

// networkCoalition handles GET /coalitions/{id}/network.
func (h *Handler) networkCoalition(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "network.title", nil)
	scope := app.EcosystemScope{CoalitionIDs: []string{c.ID}}
	d, err := h.networkView(r, p.Localizer, scope)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.Coalition, d.Heading, d.FormAction = c, p.T("network.heading_of", "Coalition", c.Name), "/coalitions/"+c.ID+"/network"
	p.Title, p.Data = d.Heading, d
	h.render(w, r, http.StatusOK, "network", p)
}

// networkChosen handles GET /network?coalition=…&coalition=… and ?scope=deployment; with
// neither it offers the choice.
func (h *Handler) networkChosen(w http.ResponseWriter, r *http.Request) {
	user := httpx.User(r.Context())
	if user == nil {
		h.fail(w, r, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue."))
		return
	}
	q := r.URL.Query()
	p := h.page(r, "network.title", nil)
	scope := app.EcosystemScope{CoalitionIDs: q["coalition"], Deployment: q.Get("scope") == "deployment"}
	if !scope.Deployment && len(scope.CoalitionIDs) == 0 {
		h.networkChooser(w, r, p)
		return
	}
	d, err := h.networkView(r, p.Localizer, scope)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d.FormAction = "/network"
	if scope.Deployment {
		d.Heading = p.T("network.heading_deployment")
		d.Hidden1 = []formChoice{{Value: "deployment", Label: "scope"}}
	} else {
		names := make([]string, len(d.E.Coalitions))
		for i, c := range d.E.Coalitions {
			names[i] = c.Name
			d.Hidden1 = append(d.Hidden1, formChoice{Value: c.ID, Label: "coalition"})
		}
		d.Heading = p.T("network.heading_several", "Coalitions", listSentence(names))
	}
	p.Title, p.Data = d.Heading, d
	h.render(w, r, http.StatusOK, "network", p)
}

// networkChooser shows the form that picks coalitions (or the deployment) for a view.
func (h *Handler) networkChooser(w http.ResponseWriter, r *http.Request, p *Page) {
	user := httpx.User(r.Context())
	page, err := h.app.Coalitions(r.Context(), user, "", 100)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var choices []formChoice
	for _, c := range page.Items {
		choices = append(choices, formChoice{Value: c.ID, Label: c.Name})
	}
	p.Title = p.T("network.choose_title")
	p.Data = map[string]any{"Coalitions": choices, "Admin": user.Admin}
	h.render(w, r, http.StatusOK, "network_choose", p)
}

// networkView computes the view and prepares its table, in the order the reader chose.
func (h *Handler) networkView(r *http.Request, l *i18n.Localizer, scope app.EcosystemScope) (*networkPage, error) {
	e, err := h.app.Ecosystem(r.Context(), httpx.User(r.Context()), scope)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	d := &networkPage{E: e, SizeBy: pick(q.Get("size"), networkSizes), ColourBy: pick(q.Get("colour"), networkColours),
		Sources: app.DerivedSources()}
	for _, s := range networkSizes {
		d.Sizes = append(d.Sizes, formChoice{Value: s, Label: l.T("network.size." + s), Selected: s == d.SizeBy})
	}
	for _, c := range networkColours {
		d.Colours = append(d.Colours, formChoice{Value: c, Label: l.T("network.colour." + c), Selected: c == d.ColourBy})
	}
	d.Rows = slices.Clone(e.Nodes)
	slices.SortStableFunc(d.Rows, func(a, b app.EcosystemNode) int { return cmp.Compare(centrality(b, d.SizeBy), centrality(a, d.SizeBy)) })
	if len(d.Rows) > networkTableRows {
		d.Hidden, d.Rows = len(d.Rows)-networkTableRows, d.Rows[:networkTableRows]
	}
	for _, b := range e.Figures.Bridges {
		d.Bridges = append(d.Bridges, namedValue{Name: e.Name(b.ID), Value: b.Betweenness})
	}
	v := url.Values{}
	if scope.Deployment {
		v.Set("scope", "deployment")
	}
	for _, c := range e.Coalitions {
		v.Add("coalition", c.ID)
	}
	d.DataURL = "/api/v1/network?" + v.Encode()
	d.GraphMLURL = d.DataURL + "&format=graphml"
	return d, nil
}

func centrality(n app.EcosystemNode, by string) float64 {
	switch by {
	case "betweenness":
		return n.Betweenness
	case "eigenvector":
		return n.Eigenvector
	}
	return float64(n.Degree)
}

// pick returns v when it is one of the allowed values, else the first of them.
func pick(v string, allowed []string) string {
	if slices.Contains(allowed, v) {
		return v
	}
	return allowed[0]
}

// listSentence joins names with commas.
func listSentence(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
