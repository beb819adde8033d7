package decide

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkInstantRunoff counts 1,000 ranked ballots over 10 options and reports the
// number of rounds.
func BenchmarkInstantRunoff(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 9))
	p := Proposal{Method: PollRanked, Eligible: voters(1000), Quorum: 0.5}
	for i := range 10 {
		p.Options = append(p.Options, fmt.Sprintf("option-%02d", i))
	}
	// Uniformly random rankings of 1 to 10 options: no early majority, so the count
	// runs nearly every round, with many transfers and exhausted ballots.
	for i := range 1000 {
		ranking := make([]string, 1+r.IntN(10))
		for j, o := range r.Perm(10)[:len(ranking)] {
			ranking[j] = p.Options[o]
		}
		p.Stances = append(p.Stances, Stance{VoterID: voter(i), Ranking: ranking})
	}
	var o Outcome
	b.ReportAllocs()
	for b.Loop() {
		o = mustDecide(b, p)
	}
	b.ReportMetric(float64(len(o.Rounds)), "rounds") // After the loop, which resets metrics.
}

// BenchmarkMajority counts a majority vote of 10,000 voters, 90 % of whom take a stance.
func BenchmarkMajority(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 1))
	p := Proposal{Method: Majority, Eligible: voters(10_000), Quorum: 0.5}
	for i := range 9_000 {
		p.Stances = append(p.Stances, randomStance(r, Majority, voter(i), nil, 0.4))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decide(p); err != nil {
			b.Fatal(err)
		}
	}
}
