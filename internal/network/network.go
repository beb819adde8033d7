// Package network computes the figures of an ecosystem of organizations and the
// relationships (ties) between them: size, density, components, clustering,
// centralities, communities, bridging organizations, the cross-issue share and the
// silo matrix of issue areas (issue 6, "Ecosystem view" and "Silos"). It also writes
// the ecosystem as GraphML for Gephi and NetworkX.
//
// The package is pure: no database, no HTTP. The graph algorithms are gonum's
// (gonum.org/v1/gonum/graph): betweenness, connected components and modularity.
// Gonum has no eigenvector centrality or clustering coefficient, so those two are
// computed here, following NetworkX's definitions (see centrality.go and
// structure.go); gonum's Louvain does not scale to 10,000 organizations, so the
// Louvain communities are found here too (see louvain.go).
//
// Each figure follows NetworkX's definition where NetworkX has one, so that the
// numbers can be checked against NetworkX on the exported GraphML (networkx_test.go
// does so to 1e-9). Centralities and clustering ignore depth, like NetworkX's
// defaults; Louvain communities and modularity weigh each tie by its depth.
//
// Results are reproducible: the same input, in any order, with the same seed gives
// the same figures, bit for bit.
package network

// BipocLed answers, as in the organization profile.
const (
	BipocYes     = "yes"
	BipocNo      = "no"
	BipocNotSaid = "not_said"
)

// Depth bounds of a tie (1: know of each other, 5: deep trust, act together).
const (
	MinDepth = 1
	MaxDepth = 5
)

// Defaults used when Options leaves a count at zero.
const (
	DefaultBridges = 10
	DefaultSilos   = 5
)

// Organization is one node of the ecosystem.
type Organization struct {
	ID           string
	Name         string
	IssueAreas   []string // Empty and repeated areas are ignored.
	BipocLed     string   // BipocYes, BipocNo or BipocNotSaid ("" means BipocNotSaid).
	MostImpacted bool
}

// Tie is one relationship between two organizations. Depth is a number from 1 to 5;
// the caller has already merged both sides' answers (their mean, hence float64), so
// at most one tie joins any two organizations.
type Tie struct {
	A, B  string
	Depth float64
}

// Options tunes Compute. The zero value is ready to use.
type Options struct {
	Seed    uint64 // Seeds the Louvain shuffle; equal seeds give equal communities.
	Bridges int    // How many bridging organizations to name; 0 means DefaultBridges.
	Silos   int    // How many emptiest silo cells to name; 0 means DefaultSilos.

	// Pivots chooses how betweenness is computed. 0: exactly up to
	// DefaultExactBetweennessUpTo organizations, and above that from DefaultPivots
	// sampled sources (see sampled.go); negative: always exactly; k > 0: from k
	// sampled sources when k is less than the number of organizations.
	Pivots int
}

// Compute validates the ecosystem and computes all its figures. It returns an
// *InputError (wrapping ErrInvalid and the sentinel of the problem) when an
// organization ID is empty or repeated, a BipocLed value is unknown, or a tie joins
// an organization to itself, names an unknown organization, has a depth outside
// 1–5, or repeats another tie.
func Compute(orgs []Organization, ties []Tie, opt Options) (*Figures, error) {
	return compute(orgs, ties, opt, nil)
}

// compute is Compute with a hook called after each stage with the stage's name; the
// benchmark uses it to time the stages of one run.
func compute(orgs []Organization, ties []Tie, opt Options, stageDone func(string)) (*Figures, error) {
	done := func(stage string) {
		if stageDone != nil {
			stageDone(stage)
		}
	}
	e, err := newEcosystem(orgs, ties)
	if err != nil {
		return nil, err
	}
	done(stageBuild)
	f := newFigures(e)
	f.structure(e)
	done(stageStructure)
	f.degrees(e)
	f.betweenness(e, opt)
	done(stageBetweenness)
	f.eigenvector(e)
	done(stageEigenvector)
	f.communities(e, opt.Seed)
	done(stageCommunities)
	f.CrossIssue = crossIssue(e)
	f.Silos = silos(e, opt.silos())
	done(stageIssues)
	return f, nil
}

// Stages of compute, as reported to the benchmark.
const (
	stageBuild       = "validate and build"
	stageStructure   = "density, components, clustering"
	stageBetweenness = "degree, betweenness"
	stageEigenvector = "eigenvector"
	stageCommunities = "Louvain, modularity"
	stageIssues      = "cross-issue, silos"
)

func (o Options) bridges() int {
	if o.Bridges <= 0 {
		return DefaultBridges
	}
	return o.Bridges
}

func (o Options) silos() int {
	if o.Silos <= 0 {
		return DefaultSilos
	}
	return o.Silos
}
