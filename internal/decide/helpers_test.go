package decide

import (
	"fmt"
	"strings"
	"testing"
)

// voter returns the ID of the i-th eligible voter, from 0: v01, v02, …
func voter(i int) string { return fmt.Sprintf("v%02d", i+1) }

// voters returns n eligible voter IDs.
func voters(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = voter(i)
	}
	return ids
}

// letters maps the shorthand of vote tests to positions: A agree, D disagree,
// N abstain ("not voting either way"), S stand aside, B block. Spaces are ignored.
var letters = map[rune]Position{'A': Agree, 'D': Disagree, 'N': Abstain, 'S': StandAside, 'B': Block}

// vote builds a proposal with n eligible voters; the first ones take the stances
// spelled by spec, in order. Blocks carry a reason and cite principle p1.
func vote(m Method, n int, quorum float64, spec string) Proposal {
	p := Proposal{Method: m, Eligible: voters(n), Quorum: quorum}
	for _, r := range strings.ReplaceAll(spec, " ", "") {
		s := Stance{VoterID: voter(len(p.Stances)), Position: letters[r]}
		if s.Position == Block {
			s.Reason, s.PrincipleID = "It shifts costs onto tenants.", "p1"
		}
		p.Stances = append(p.Stances, s)
	}
	return p
}

// ballots builds a ranked poll among options from ballots spelled as space-separated
// rankings of one-letter options ("AB" ranks A then B; "-" abstains), one voter each,
// with as many eligible voters as ballots plus extra.
func ballots(options string, extra int, quorum float64, spec string) Proposal {
	fields := strings.Fields(spec)
	p := Proposal{Method: PollRanked, Eligible: voters(len(fields) + extra), Quorum: quorum}
	for _, o := range options {
		p.Options = append(p.Options, string(o))
	}
	for i, f := range fields {
		s := Stance{VoterID: voter(i)}
		if f == "-" {
			s.Position = Abstain
		}
		for _, o := range strings.TrimPrefix(f, "-") {
			s.Ranking = append(s.Ranking, string(o))
		}
		p.Stances = append(p.Stances, s)
	}
	return p
}

// mustDecide calls Decide and fails the test on an error.
func mustDecide(tb testing.TB, p Proposal) Outcome {
	tb.Helper()
	o, err := Decide(p)
	if err != nil {
		tb.Fatalf("Decide: %v", err)
	}
	return o
}

// line returns the first explanation line of rule, or fails the test.
func line(tb testing.TB, o Outcome, rule string) Line {
	tb.Helper()
	for _, l := range o.Explanation {
		if l.Rule == rule {
			return l
		}
	}
	tb.Fatalf("no %q line in %+v", rule, o.Explanation)
	return Line{}
}
