package network

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// stageTime is how long one stage of compute took.
type stageTime struct {
	stage string
	took  time.Duration
}

// pythonStages maps compute's stages to the stages of testdata/figures.py.
var pythonStages = map[string]string{
	stageBuild:       "read",
	stageStructure:   "structure",
	stageBetweenness: "betweenness",
	stageEigenvector: "eigenvector",
	stageCommunities: "communities",
	stageIssues:      "issues",
}

// BenchmarkCompute computes every figure of generated ecosystems, the largest being
// issue 6's 10,000 organizations and 100,000 ties. When NetworkX is installed, it
// then runs testdata/figures.py on the exported GraphML, checks that both agree
// (compareNetworkX) and logs a table of both times per stage; the metrics
// go-s, networkx-s and networkx/go report the totals without reading and building.
// Run it with: go test -run '^$' -bench Compute -benchtime 1x -timeout 60m
func BenchmarkCompute(b *testing.B) {
	for _, size := range [][2]int{{1_000, 10_000}, {10_000, 100_000}} {
		b.Run(fmt.Sprintf("orgs=%d/ties=%d", size[0], size[1]), func(b *testing.B) {
			orgs, ties := randomEcosystem(rand.New(rand.NewPCG(10, 6)), size[0], size[1])
			var stages []stageTime
			var f *Figures
			b.ReportAllocs()
			for b.Loop() {
				stages = stages[:0]
				last := time.Now()
				var err error
				f, err = compute(orgs, ties, Options{Seed: 1}, func(stage string) {
					now := time.Now()
					stages = append(stages, stageTime{stage, now.Sub(last)})
					last = now
				})
				if err != nil {
					b.Fatalf("Compute: %v", err)
				}
			}
			b.Logf("%d organizations, %d ties, %d components, %d communities (Q = %.3f), eigenvector converged %v",
				f.Organizations, f.Ties, len(f.Components), len(f.Communities), deref(f.Modularity), f.EigenvectorConverged)
			if pythonWithNetworkX() == "" {
				b.Log("NetworkX is not installed (apt-get install -y python3-networkx): no comparison")
				return
			}
			nx := runNetworkX(b, b.TempDir(), orgs, ties, f)
			compareNetworkX(b, f, nx)
			goTotal, nxTotal := logStageTable(b, stages, nx)
			b.ReportMetric(goTotal.Seconds(), "go-s")
			b.ReportMetric(nxTotal, "networkx-s")
			b.ReportMetric(nxTotal/goTotal.Seconds(), "networkx/go")
		})
	}
}

// logStageTable logs a Markdown table of the Go and NetworkX times per stage and
// returns both totals, without the first stage (building the graph in Go, reading
// the GraphML in Python), which is not the same work.
func logStageTable(b *testing.B, stages []stageTime, nx nxFigures) (goTotal time.Duration, nxTotal float64) {
	var t strings.Builder
	fmt.Fprintf(&t, "NetworkX %s\n\n| stage | Go (gonum) s | NetworkX s | NetworkX / Go |\n|---|---:|---:|---:|\n", nx.NetworkX)
	for i, s := range stages {
		py := nx.Times[pythonStages[s.stage]]
		name := s.stage
		if i == 0 {
			name += " (Python: read GraphML)"
		} else {
			goTotal += s.took
			nxTotal += py
		}
		fmt.Fprintf(&t, "| %s | %.3f | %.3f | %.1f |\n", name, s.took.Seconds(), py, py/s.took.Seconds())
	}
	fmt.Fprintf(&t, "| all figures (without the first row) | %.3f | %.3f | %.1f |\n",
		goTotal.Seconds(), nxTotal, nxTotal/goTotal.Seconds())
	b.Log("\n" + t.String())
	return goTotal, nxTotal
}
