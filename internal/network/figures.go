package network

// Figures are the figures of one ecosystem. A figure that is undefined for the input
// (a mean of no ties, a share of no organizations) is nil, never 0 or NaN.
type Figures struct {
	Organizations int
	Ties          int
	MeanDepth     *float64 // Mean depth of the ties; nil without ties.

	// Density is 2m / (n(n−1)) for n organizations and m ties; 0 when n < 2, as in
	// NetworkX's density.
	Density float64

	// Components lists the connected components, largest first (ties by smallest
	// ID); an organization without ties is a component of its own.
	Components []Component
	// LargestComponentShare is the share of organizations in the largest component;
	// nil when there are no organizations.
	LargestComponentShare *float64

	// AverageClustering is the mean of the organizations' clustering coefficients,
	// those with fewer than two ties counting as 0 (NetworkX's average_clustering,
	// unweighted); nil when there are no organizations.
	AverageClustering *float64

	// EigenvectorConverged is false when the power iteration for eigenvector
	// centrality stopped at its iteration limit (see centrality.go); the values are
	// then the last iterate.
	EigenvectorConverged bool

	// Communities are the Louvain communities (weighted by depth), largest first
	// (ties by smallest ID). Modularity is their modularity Q at resolution 1,
	// weighted by depth; nil without ties.
	Communities []Community
	Modularity  *float64

	// Bridges are the organizations with the highest betweenness, at most
	// Options.Bridges of them, highest first, ties by ID; organizations with
	// betweenness 0 are never named.
	Bridges []Bridge

	// BetweennessMethod says whether betweenness is exact or sampled, and how close.
	BetweennessMethod BetweennessMethod

	CrossIssue CrossIssue
	Silos      SiloMatrix

	// ByOrganization has one entry per organization, in ID order.
	ByOrganization []OrganizationFigures
}

// Component is one connected component.
type Component struct {
	Members []string // Organization IDs in order.
}

// Community is one Louvain community.
type Community struct {
	Members []string // Organization IDs in order.
}

// Bridge is one bridging organization and its normalised betweenness.
type Bridge struct {
	ID          string  `json:"id"`
	Betweenness float64 `json:"betweenness"`
}

// OrganizationFigures are the figures of one organization.
type OrganizationFigures struct {
	ID     string `json:"id"`
	Degree int    `json:"degree"` // Number of ties.

	// DegreeCentrality is Degree / (n−1) (NetworkX's degree_centrality); 0 when the
	// ecosystem has a single organization (NetworkX says 1 there).
	DegreeCentrality float64 `json:"degree_centrality"`

	// Betweenness is the share of shortest paths between other pairs that pass
	// through the organization, counting hops (depth ignored), normalised by
	// (n−1)(n−2)/2 pairs as NetworkX's betweenness_centrality(normalized=True).
	Betweenness float64 `json:"betweenness"`

	// Eigenvector is the organization's entry in the principal eigenvector of the
	// adjacency matrix, unit Euclidean norm (NetworkX's eigenvector_centrality). On
	// a disconnected ecosystem only the component with the largest spectral radius
	// keeps weight; elsewhere it is (close to) 0 (see eigenvectorCentrality).
	Eigenvector float64 `json:"eigenvector"`

	// Clustering is the share of pairs of the organization's partners that are tied
	// to each other; 0 with fewer than two ties (NetworkX's clustering).
	Clustering float64 `json:"clustering"`

	Component int `json:"component"` // Index into Figures.Components.
	Community int `json:"community"` // Index into Figures.Communities.
}

// newFigures returns the figures with the organizations listed and counted.
func newFigures(e *ecosystem) *Figures {
	f := &Figures{
		Organizations:  len(e.orgs),
		Ties:           len(e.ties),
		ByOrganization: make([]OrganizationFigures, len(e.orgs)),
	}
	for i, o := range e.orgs {
		f.ByOrganization[i].ID = o.ID
	}
	return f
}

// ptr returns a pointer to v.
func ptr(v float64) *float64 { return &v }
