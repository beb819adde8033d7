package decide

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// quorums are the shares random proposals use; some are decimals float64 cannot hold.
var quorums = []float64{0.1, 0.25, 1.0 / 3, 0.5, 0.6, 2.0 / 3, 0.7, 0.75, 1}

// randomProposal returns a valid proposal by method m with up to maxVoters eligible
// voters, a random share of whom take a random stance.
func randomProposal(r *rand.Rand, m Method, maxVoters int) Proposal {
	n := r.IntN(maxVoters + 1)
	p := Proposal{Method: m, Eligible: voters(n), Quorum: quorums[r.IntN(len(quorums))]}
	if m.isPoll() {
		for i := range 2 + r.IntN(6) {
			p.Options = append(p.Options, fmt.Sprintf("opt-%c", 'a'+i))
		}
	}
	// Turnout and the lean towards agreeing vary by proposal, so that every result is
	// common: consensus passes only when nearly everyone agrees.
	turnout, lean := r.Float64(), r.Float64()
	for i := range n {
		if r.Float64() < turnout {
			p.Stances = append(p.Stances, randomStance(r, m, voter(i), p.Options, lean))
		}
	}
	return p
}

// randomStance returns a valid stance of voter on a proposal by m; a vote agrees with
// probability lean and otherwise takes any position.
func randomStance(r *rand.Rand, m Method, voter string, options []string, lean float64) Stance {
	s := Stance{VoterID: voter}
	switch {
	case m.isPoll() && r.IntN(10) == 0:
		s.Position = Abstain
	case m == PollSingle:
		s.Choice = options[r.IntN(len(options))]
	case m == PollRanked:
		// Biased towards the first options, so that counts have leaders as well as ties.
		key := make(map[string]float64, len(options))
		for i, o := range options {
			key[o] = float64(i)/2 + r.ExpFloat64()
		}
		order := slices.Clone(options)
		slices.SortFunc(order, func(a, b string) int { return cmp.Compare(key[a], key[b]) })
		s.Ranking = order[:1+r.IntN(len(order))]
	case r.Float64() < lean:
		s.Position = Agree
	default:
		s.Position = Positions[r.IntN(len(Positions))]
		if s.Position == Block {
			s.Reason, s.PrincipleID = "reason", fmt.Sprintf("p%d", r.IntN(3))
		}
	}
	return s
}

// shuffled returns p with its eligible voters, options and stances in a random order.
func shuffled(r *rand.Rand, p Proposal) Proposal {
	q := p
	q.Eligible, q.Options, q.Stances = slices.Clone(p.Eligible), slices.Clone(p.Options), slices.Clone(p.Stances)
	r.Shuffle(len(q.Eligible), func(a, b int) { q.Eligible[a], q.Eligible[b] = q.Eligible[b], q.Eligible[a] })
	r.Shuffle(len(q.Options), func(a, b int) { q.Options[a], q.Options[b] = q.Options[b], q.Options[a] })
	r.Shuffle(len(q.Stances), func(a, b int) { q.Stances[a], q.Stances[b] = q.Stances[b], q.Stances[a] })
	return q
}

// TestOrderIndependence checks that shuffling the eligible voters, the options and the
// stances changes nothing in the outcome, explanation included.
func TestOrderIndependence(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 4))
	seen := map[Method]map[Result]bool{}
	for i := range 3000 {
		p := randomProposal(r, Methods[i%len(Methods)], 40)
		want := mustDecide(t, p)
		if seen[p.Method] == nil {
			seen[p.Method] = map[Result]bool{}
		}
		seen[p.Method][want.Result] = true
		checkOutcome(t, p, want)
		if diff := gocmp.Diff(want, mustDecide(t, shuffled(r, p))); diff != "" {
			t.Fatalf("case %d (%s): shuffling changed the outcome (-before +after):\n%s", i, p.Method, diff)
		}
	}
	// Every result each method can reach must have been shuffled.
	for m, want := range map[Method]int{Consent: 3, Consensus: 4, Majority: 3, Supermajority: 3, PollSingle: 3, PollRanked: 3} {
		if len(seen[m]) != want {
			t.Errorf("%s reached results %v, want %d kinds", m, seen[m], want)
		}
	}
}

// checkOutcome checks invariants every outcome keeps.
func checkOutcome(t testing.TB, p Proposal, o Outcome) {
	t.Helper()
	c := o.Counts
	if c.Eligible != len(p.Eligible) || c.Participants != len(p.Stances) {
		t.Fatalf("counts %+v for %d eligible and %d stances", c, len(p.Eligible), len(p.Stances))
	}
	if sum := c.Agree + c.Disagree + c.Abstain + c.StandAside + c.Block; !p.Method.isPoll() && sum != c.Participants {
		t.Fatalf("positions sum to %d, want %d", sum, c.Participants)
	}
	if last := o.Explanation[len(o.Explanation)-1]; last.Rule != RuleResult || o.Explanation[0].Rule != RuleQuorum {
		t.Fatalf("explanation does not run from quorum to result: %+v", o.Explanation)
	}
	if o.Explanation[0].Holds != (o.Result != NoQuorum) {
		t.Fatalf("quorum line %v but result %q", o.Explanation[0].Holds, o.Result)
	}
	want := []Result{Passed, Failed, Blocked, NoQuorum}
	if p.Method.isPoll() {
		want = []Result{Winner, Tie, NoQuorum}
	}
	if !slices.Contains(want, o.Result) || (o.Result == Winner) != (o.Winner != "") || (o.Result == Tie) != (len(o.Tied) > 1) {
		t.Fatalf("%s: result %q, winner %q, tied %v", p.Method, o.Result, o.Winner, o.Tied)
	}
	if (o.Result == Blocked) && c.Block == 0 || (p.Method == Consent || p.Method == Consensus) && c.Block > 0 && o.Result == Passed {
		t.Fatalf("%s: result %q with %d blocks", p.Method, o.Result, c.Block)
	}
	if p.Method == PollRanked && o.Result != NoQuorum {
		checkRounds(t, p, o)
	}
}

// checkRounds checks the rounds of an instant runoff: each accounts for every ballot,
// eliminates one option whose ballots all move or exhaust, and a winner has a strict
// majority of the continuing ballots in the final round.
func checkRounds(t testing.TB, p Proposal, o Outcome) {
	t.Helper()
	ballots := len(p.Stances) - o.Counts.Abstain
	exhausted := 0
	for i, rd := range o.Rounds {
		sum := 0
		for _, tl := range rd.Tallies {
			sum += tl.Votes
		}
		if sum != rd.Continuing || rd.Continuing+rd.Exhausted != ballots || rd.Exhausted != exhausted {
			t.Fatalf("round %+v: tallies sum to %d; %d ballots, %d exhausted before", rd, sum, ballots, exhausted)
		}
		if len(rd.Tallies) != len(p.Options)-i {
			t.Fatalf("round %d has %d continuing options, want %d", rd.Number, len(rd.Tallies), len(p.Options)-i)
		}
		last := i == len(o.Rounds)-1
		if last != (rd.Eliminated == "") {
			t.Fatalf("round %d of %d eliminates %q", rd.Number, len(o.Rounds), rd.Eliminated)
		}
		exhausted += rd.NewlyExhausted
	}
	final := o.Rounds[len(o.Rounds)-1]
	if o.Result == Winner && (final.Tallies[0].Option != o.Winner || 2*final.Tallies[0].Votes <= final.Continuing) {
		t.Fatalf("winner %q without a strict majority in the final round %+v", o.Winner, final)
	}
}

// TestInstantRunoffMatchesRecount checks the incremental count against a reference that
// recounts every ballot from scratch in each round.
func TestInstantRunoffMatchesRecount(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 31))
	seen := map[string]int{}
	for i := range 2000 {
		p := randomProposal(r, PollRanked, 60)
		p.Quorum = 0.01
		o := mustDecide(t, p)
		if o.Result == NoQuorum {
			continue
		}
		result, winner := recount(p)
		if o.Result != result || o.Winner != winner {
			t.Fatalf("case %d: got %q %q, recount gives %q %q\n%s", i, o.Result, o.Winner, result, winner, texts(o))
		}
		seen[string(o.Result)]++
		for _, rd := range o.Rounds {
			if rd.TieBreak != "" {
				seen[rd.TieBreak]++
			}
		}
	}
	// The random counts must reach every path, or the comparison proves little.
	for _, path := range []string{string(Winner), string(Tie), TieBreakEarlierRound, TieBreakByteOrder} {
		if seen[path] == 0 {
			t.Errorf("no random count reached %q: %v", path, seen)
		}
	}
	t.Logf("paths reached: %v", seen)
}
