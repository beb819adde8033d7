package network

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// nxFigures is what testdata/figures.py prints.
type nxFigures struct {
	N, M                int
	MeanDepth           *float64 `json:"mean_depth"`
	Density             float64
	Components          [][]string
	Clustering          map[string]float64
	AverageClustering   *float64 `json:"average_clustering"`
	Degree              map[string]float64
	Betweenness         map[string]float64
	Eigenvector         map[string]float64
	LouvainCount        int                                           `json:"louvain_count"`
	LouvainModularity   *float64                                      `json:"louvain_modularity"`
	PartitionModularity *float64                                      `json:"partition_modularity"`
	CrossIssue          struct{ Classified, Cross, Unclassified int } `json:"cross_issue"`
	SiloCells           [][4]any                                      `json:"silo_cells"`
	Times               map[string]float64
	NetworkX            string
}

// pythonWithNetworkX is the interpreter that can import networkx: BRAID_PYTHON if set,
// else python3 on the PATH, else Debian's /usr/bin/python3 (where python3-networkx
// installs, even when another python3 comes first on the PATH).
var pythonWithNetworkX = sync.OnceValue(func() string {
	candidates := []string{"python3", "/usr/bin/python3"}
	if p := os.Getenv("BRAID_PYTHON"); p != "" {
		candidates = []string{p}
	}
	for _, p := range candidates {
		if exec.Command(p, "-c", "import networkx").Run() == nil {
			return p
		}
	}
	return ""
})

// requireNetworkX skips the test unless a python3 can import networkx.
func requireNetworkX(tb testing.TB) {
	tb.Helper()
	if pythonWithNetworkX() == "" {
		tb.Skip("skipping the comparison with NetworkX: no python3 can import networkx " +
			"(install it with `apt-get install -y python3-networkx`)")
	}
}

// runNetworkX writes the ecosystem and f's communities to dir, runs
// testdata/figures.py on them and returns its figures.
func runNetworkX(tb testing.TB, dir string, orgs []Organization, ties []Tie, f *Figures) nxFigures {
	tb.Helper()
	var graphml bytes.Buffer
	if err := WriteGraphML(&graphml, orgs, ties); err != nil {
		tb.Fatalf("WriteGraphML: %v", err)
	}
	gPath, pPath := filepath.Join(dir, "ecosystem.graphml"), filepath.Join(dir, "partition.json")
	partition, _ := json.Marshal(communityLists(f.Communities))
	if err := os.WriteFile(gPath, graphml.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(pPath, partition, 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(pythonWithNetworkX(), filepath.Join("testdata", "figures.py"), gPath, pPath)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("figures.py: %v\n%s", err, stderr.String())
	}
	var nx nxFigures
	if err := json.Unmarshal(out, &nx); err != nil {
		tb.Fatalf("figures.py printed %q: %v", out, err)
	}
	return nx
}

func TestAgainstNetworkX(t *testing.T) {
	requireNetworkX(t)
	type ecosystem struct {
		name string
		orgs []Organization
		ties []Tie
	}
	var cases []ecosystem
	for _, c := range handCases() {
		cases = append(cases, ecosystem{c.name, c.orgs, c.ties})
	}
	for name, c := range disconnectedCases() {
		cases = append(cases, ecosystem{name, c.orgs, c.ties})
	}
	orgs, ties := issueEcosystem()
	cases = append(cases, ecosystem{"issue areas", orgs, ties})
	r := rand.New(rand.NewPCG(6, 2026))
	for _, size := range [][2]int{{40, 30}, {60, 90}, {150, 400}, {300, 1500}, {25, 300}} {
		orgs, ties := randomEcosystem(r, size[0], size[1])
		cases = append(cases, ecosystem{"random", orgs, ties})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Compute(c.orgs, c.ties, Options{})
			if err != nil {
				t.Fatalf("Compute: %v", err)
			}
			compareNetworkX(t, f, runNetworkX(t, t.TempDir(), c.orgs, c.ties, f))
		})
	}
}

// compareNetworkX checks f against NetworkX's figures to 1e-9; betweenness estimated
// from sampled sources (above 2,000 organizations) is checked against NetworkX's exact
// values within its stated error bound instead.
func compareNetworkX(t testing.TB, f *Figures, nx nxFigures) {
	t.Helper()
	const tol = 1e-9
	var worst float64
	within := func(name string, got, want, bound float64) {
		if math.Abs(got-want) > bound {
			t.Errorf("%s = %.17g; NetworkX %.17g (difference %.3g, bound %.3g)", name, got, want, got-want, bound)
		}
	}
	close := func(name string, got, want float64) {
		worst = max(worst, math.Abs(got-want))
		within(name, got, want, tol)
	}
	closePtr := func(name string, got, want *float64) {
		if (got == nil) != (want == nil) {
			t.Errorf("%s = %v; NetworkX %v", name, got, want)
		} else if got != nil {
			close(name, *got, *want)
		}
	}
	if f.Organizations != nx.N || f.Ties != nx.M {
		t.Errorf("counts %d, %d; NetworkX %d, %d", f.Organizations, f.Ties, nx.N, nx.M)
	}
	close("density", f.Density, nx.Density)
	closePtr("mean depth", f.MeanDepth, nx.MeanDepth)
	closePtr("average clustering", f.AverageClustering, nx.AverageClustering)
	closePtr("modularity of our communities", f.Modularity, nx.PartitionModularity)
	if diff := cmp.Diff(nx.Components, memberLists(f.Components)); diff != "" {
		t.Errorf("components (-NetworkX +ours):\n%s", diff)
	}
	for _, o := range f.ByOrganization {
		close(o.ID+" clustering", o.Clustering, nx.Clustering[o.ID])
		close(o.ID+" degree centrality", o.DegreeCentrality, nx.Degree[o.ID])
		if f.BetweennessMethod.Exact {
			close(o.ID+" betweenness", o.Betweenness, nx.Betweenness[o.ID])
		} else {
			within(o.ID+" betweenness (sampled)", o.Betweenness, nx.Betweenness[o.ID], f.BetweennessMethod.ErrorBound)
		}
		close(o.ID+" eigenvector", o.Eigenvector, nx.Eigenvector[o.ID])
	}
	c := f.CrossIssue
	if got := [3]int{c.Classified, c.Cross, c.Unclassified}; got != [3]int{nx.CrossIssue.Classified, nx.CrossIssue.Cross, nx.CrossIssue.Unclassified} {
		t.Errorf("cross-issue %v; NetworkX %+v", got, nx.CrossIssue)
	}
	compareSilos(t, f.Silos, nx.SiloCells)
	t.Logf("%d organizations, %d ties, %d components; largest difference from NetworkX %.2g",
		f.Organizations, f.Ties, len(f.Components), worst)
	if f.Modularity != nil && nx.LouvainModularity != nil {
		t.Logf("Louvain: ours %d communities, Q = %.4f; NetworkX %d, Q = %.4f",
			len(f.Communities), *f.Modularity, nx.LouvainCount, *nx.LouvainModularity)
	}
}

// compareSilos checks the cells with ties against the Python count.
func compareSilos(t testing.TB, m SiloMatrix, cells [][4]any) {
	t.Helper()
	index := map[string]int{}
	for i, a := range m.Areas {
		index[a] = i
	}
	counted := 0
	for _, cell := range cells {
		x, y := cell[0].(string), cell[1].(string)
		got := m.Cells[index[x]][index[y]]
		if got.Ties != int(cell[2].(float64)) || got.MeanDepth == nil || math.Abs(*got.MeanDepth-cell[3].(float64)) > 1e-9 {
			t.Errorf("silo cell %s × %s = %d ties, mean %v; Python %v ties, mean %v", x, y, got.Ties, got.MeanDepth, cell[2], cell[3])
		}
		counted++
	}
	for i := range m.Cells {
		for j := i; j < len(m.Cells); j++ {
			if m.Cells[i][j].Ties > 0 {
				counted--
			}
		}
	}
	if counted != 0 {
		t.Errorf("Python found ties in %d more cells than we did", counted)
	}
}
