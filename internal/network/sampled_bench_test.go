package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// BenchmarkSampledBetweenness times, in one run, exact betweenness (gonum's Brandes over
// every source, the baseline) and the sampled estimate the ecosystem uses above
// DefaultExactBetweennessUpTo organizations, on a generated ecosystem; it reports both
// times, their ratio, the largest error measured and how many of the ten bridges agree.
// Run it with: go test -run '^$' -bench SampledBetweenness -benchtime 1x -timeout 60m
func BenchmarkSampledBetweenness(b *testing.B) {
	for _, size := range [][2]int{{3_000, 30_000}, {10_000, 100_000}} {
		b.Run(fmt.Sprintf("orgs=%d/ties=%d", size[0], size[1]), func(b *testing.B) {
			orgs, ties := randomEcosystem(rand.New(rand.NewPCG(10, 6)), size[0], size[1])
			e, err := newEcosystem(orgs, ties)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				exact, sampled := newFigures(e), newFigures(e)
				t0 := time.Now()
				exact.betweenness(e, Options{Pivots: -1})
				t1 := time.Now()
				sampled.betweenness(e, Options{Seed: 1})
				t2 := time.Now()
				worst := 0.0
				for i := range exact.ByOrganization {
					worst = math.Max(worst, math.Abs(exact.ByOrganization[i].Betweenness-sampled.ByOrganization[i].Betweenness))
				}
				agree := 0
				for _, x := range exact.Bridges {
					for _, y := range sampled.Bridges {
						if x.ID == y.ID {
							agree++
						}
					}
				}
				b.ReportMetric(t1.Sub(t0).Seconds(), "exact-s")
				b.ReportMetric(t2.Sub(t1).Seconds(), "sampled-s")
				b.ReportMetric(t1.Sub(t0).Seconds()/t2.Sub(t1).Seconds(), "speedup")
				b.ReportMetric(worst, "max-error")
				b.ReportMetric(sampled.BetweennessMethod.ErrorBound, "bound")
				b.ReportMetric(float64(agree), "bridges-agree/10")
			}
		})
	}
}
