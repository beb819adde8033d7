package decide

import (
	"cmp"
	"slices"
)

// Decide computes the outcome of p as it closes and explains it. It returns a
// *FieldError when the method is unknown, the quorum is outside (0, 1], an eligible
// voter or option is empty or repeated, a poll has fewer than two options, or a stance
// is invalid: from a voter who is not eligible or already took one, with an unknown
// position, a block without a reason or a principle, a choice or ranking naming an
// unknown option, or a ranking that repeats an option.
//
// The outcome depends only on the sets of eligible voters, options and stances, never
// on their order.
func Decide(p Proposal) (Outcome, error) {
	if err := validate(p); err != nil {
		return Outcome{}, err
	}
	o := Outcome{Method: p.Method, Counts: count(p), Blocks: blocks(p.Stances)}
	quorum := quorumLine(p.Quorum, &o.Counts)
	o.Explanation = []Line{quorum}
	if !quorum.Holds {
		o.Result = NoQuorum
	} else {
		switch p.Method {
		case Consent:
			decideConsent(&o)
		case Consensus:
			decideConsensus(&o)
		case Majority:
			decideMajority(&o)
		case Supermajority:
			decideSupermajority(&o)
		case PollSingle:
			decidePlurality(&o)
		case PollRanked:
			decideRanked(&o, p)
		}
	}
	o.Explanation = append(o.Explanation, resultLine(o))
	return o, nil
}

// count tallies the stances of a valid proposal.
func count(p Proposal) Counts {
	c := Counts{Eligible: len(p.Eligible), Participants: len(p.Stances)}
	perOption := make(map[string]int, len(p.Options))
	for _, s := range p.Stances {
		switch s.Position {
		case Agree:
			c.Agree++
		case Disagree:
			c.Disagree++
		case Abstain:
			c.Abstain++
		case StandAside:
			c.StandAside++
		case Block:
			c.Block++
		case "": // A poll ballot.
			if p.Method == PollSingle {
				perOption[s.Choice]++
			} else {
				perOption[s.Ranking[0]]++
			}
		}
	}
	if p.Method.isPoll() {
		c.Options = make([]Tally, len(p.Options))
		for i, option := range p.Options {
			c.Options[i] = Tally{option, perOption[option]}
		}
		sortTallies(c.Options)
	}
	return c
}

// sortTallies orders tallies by votes, most first, then by option in byte order, so
// that lists never depend on the order of the input.
func sortTallies(ts []Tally) {
	slices.SortFunc(ts, func(a, b Tally) int {
		if c := cmp.Compare(b.Votes, a.Votes); c != 0 {
			return c
		}
		return cmp.Compare(a.Option, b.Option)
	})
}

// blocks lists every block by voter ID; nil when nobody blocked.
func blocks(stances []Stance) []BlockNote {
	var notes []BlockNote
	for _, s := range stances {
		if s.Position == Block {
			notes = append(notes, BlockNote{s.VoterID, s.PrincipleID, s.Reason})
		}
	}
	slices.SortFunc(notes, func(a, b BlockNote) int { return cmp.Compare(a.VoterID, b.VoterID) })
	return notes
}
