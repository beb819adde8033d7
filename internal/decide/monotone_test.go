package decide

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddingAgreeKeepsPassed checks that one more agreement never turns a passed
// proposal into one that does not pass, whether it comes from an eligible voter who
// had not taken a stance or from a newly eligible voter (whose arrival also raises the
// quorum, by at most the one stance they bring).
func TestAddingAgreeKeepsPassed(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 5))
	checked := map[Method]int{}
	for i := range 8000 {
		m := []Method{Majority, Supermajority, Consent, Consensus}[i%4]
		p := randomProposal(r, m, 30)
		if mustDecide(t, p).Result != Passed {
			continue
		}
		grown := p
		grown.Eligible = append(slices.Clone(p.Eligible), "newcomer")
		grown.Stances = append(slices.Clone(p.Stances), Stance{VoterID: "newcomer", Position: Agree})
		variants := []Proposal{grown}
		if silent := silentVoter(p); silent != "" {
			late := p
			late.Stances = append(slices.Clone(p.Stances), Stance{VoterID: silent, Position: Agree})
			variants = append(variants, late)
		}
		for _, q := range variants {
			if o := mustDecide(t, q); o.Result != Passed {
				t.Fatalf("case %d: one more agree turned passed into %q\n%s", i, o.Result, texts(o))
			}
		}
		checked[m]++
	}
	for _, m := range []Method{Majority, Supermajority, Consent, Consensus} {
		if checked[m] < 100 {
			t.Errorf("only %d passed %s proposals to check: %v", checked[m], m, checked)
		}
	}
}

// silentVoter returns an eligible voter who took no stance, "" if everyone did.
func silentVoter(p Proposal) string {
	for _, id := range p.Eligible {
		if !slices.ContainsFunc(p.Stances, func(s Stance) bool { return s.VoterID == id }) {
			return id
		}
	}
	return ""
}

// TestQuorumRequired checks max(1, ⌈k/100 × n⌉) with integers for every whole
// percentage and up to 400 voters, where float64 arithmetic would be off by one for
// many pairs (0.07 × 100 = 7.000000000000001).
func TestQuorumRequired(t *testing.T) {
	for k := 1; k <= 100; k++ {
		q := float64(k) / 100
		for n := 0; n <= 400; n++ {
			want := max(1, (k*n+99)/100)
			if got, decimal := quorumRequired(q, n); got != want || decimal != fmt.Sprint(q) {
				t.Fatalf("quorumRequired(%v, %d) = %d, %q; want %d", q, n, got, decimal, want)
			}
		}
	}
}
