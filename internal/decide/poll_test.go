package decide

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// single builds a single-choice poll among options; each choice is one voter's,
// "-" abstains. extra eligible voters take no stance.
func single(options []string, extra int, quorum float64, choices ...string) Proposal {
	p := Proposal{Method: PollSingle, Eligible: voters(len(choices) + extra), Quorum: quorum, Options: options}
	for i, c := range choices {
		s := Stance{VoterID: voter(i), Choice: c}
		if c == "-" {
			s = Stance{VoterID: voter(i), Position: Abstain}
		}
		p.Stances = append(p.Stances, s)
	}
	return p
}

// TestPlurality checks single-choice polls worked by hand.
func TestPlurality(t *testing.T) {
	opts := []string{"rent-strike", "ballot-measure", "council-testimony"}
	tests := []struct {
		name   string
		p      Proposal
		result Result
		winner string
		tied   []string
		counts []Tally
	}{
		// 3 > 2 > 0; the abstention counts for the quorum only.
		{"clear winner", single(opts, 0, 0.5, "rent-strike", "ballot-measure", "rent-strike", "-", "ballot-measure", "rent-strike"),
			Winner, "rent-strike", nil,
			[]Tally{{"rent-strike", 3}, {"ballot-measure", 2}, {"council-testimony", 0}}},
		// 2 = 2 > 1: a tie, reported with both options in byte order, no random winner.
		{"two-way tie", single(opts, 0, 0.5, "rent-strike", "ballot-measure", "council-testimony", "ballot-measure", "rent-strike"),
			Tie, "", []string{"ballot-measure", "rent-strike"},
			[]Tally{{"ballot-measure", 2}, {"rent-strike", 2}, {"council-testimony", 1}}},
		// Everyone abstains: every option has 0, so all three tie.
		{"everyone abstains", single(opts, 0, 0.5, "-", "-"),
			Tie, "", []string{"ballot-measure", "council-testimony", "rent-strike"},
			[]Tally{{"ballot-measure", 0}, {"council-testimony", 0}, {"rent-strike", 0}}},
		// 2 of 6 eligible < ⌈0.5 × 6⌉ = 3: no quorum, though the votes are shown.
		{"no quorum", single(opts, 4, 0.5, "rent-strike", "rent-strike"),
			NoQuorum, "", nil,
			[]Tally{{"rent-strike", 2}, {"ballot-measure", 0}, {"council-testimony", 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := mustDecide(t, tt.p)
			if o.Result != tt.result || o.Winner != tt.winner || !cmp.Equal(o.Tied, tt.tied) {
				t.Errorf("got %q %q %v, want %q %q %v\n%s", o.Result, o.Winner, o.Tied, tt.result, tt.winner, tt.tied, texts(o))
			}
			if diff := cmp.Diff(tt.counts, o.Counts.Options); diff != "" {
				t.Errorf("option counts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInstantRunoff checks ranked polls counted by hand. Ballots are spelled as
// rankings of one-letter options, "AB" ranking A then B; "-" abstains.
func TestInstantRunoff(t *testing.T) {
	tests := []struct {
		name   string
		p      Proposal
		result Result
		winner string
		tied   []string
		rounds []Round
	}{
		// Three rounds, a transfer and an exhausted ballot; the first-round leader loses.
		// 13 of 15 eligible took a stance ≥ ⌈0.5 × 15⌉ = 8; one abstained: 12 ballots.
		// Round 1: A 4 (A, A, AB, AC), B 3 (BC, BC, BA), C 3 (CB, CB, CA), D 2 (DC, D).
		//   Majority of 12 needs 7; none. D has the fewest and is eliminated: DC moves to
		//   C, D ranks nothing else and is exhausted.
		// Round 2: A 4, C 3 + 1 = 4, B 3; 11 ballots count, majority needs 6; none.
		//   B is eliminated: BC, BC move to C, BA to A.
		// Round 3: C 4 + 2 = 6, A 4 + 1 = 5; 2 × 6 = 12 > 11, C wins.
		{"three rounds with transfer and exhausted ballot",
			ballots("ABCD", 2, 0.5, "A A AB AC BC BC BA CB CB CA DC D -"), Winner, "C", nil,
			[]Round{
				{Number: 1, Tallies: []Tally{{"A", 4}, {"B", 3}, {"C", 3}, {"D", 2}}, Continuing: 12,
					Eliminated: "D", Transfers: []Tally{{"C", 1}}, NewlyExhausted: 1},
				{Number: 2, Tallies: []Tally{{"A", 4}, {"C", 4}, {"B", 3}}, Continuing: 11, Exhausted: 1,
					Eliminated: "B", Transfers: []Tally{{"C", 2}, {"A", 1}}},
				{Number: 3, Tallies: []Tally{{"C", 6}, {"A", 5}}, Continuing: 11, Exhausted: 1},
			}},
		// An elimination tie broken by an earlier round.
		// Round 1: A 5, C 4 (CA ×4), B 3 (BC ×3), D 1 (DB); 13 count, need 7.
		//   D is eliminated; DB moves to B.
		// Round 2: A 5, B 4, C 4. B and C tie for fewest; in round 1 B had 3 < 4, so B is
		//   eliminated (byte order alone would have eliminated C, and A would then win
		//   with the four CA ballots). BC ×3 move to C; DB ranks nothing after B: exhausted.
		// Round 3: C 4 + 3 = 7, A 5; 12 count, 2 × 7 = 14 > 12, C wins.
		{"elimination tie broken by the earlier round",
			ballots("ABCD", 0, 0.5, "A A A A A BC BC BC CA CA CA CA DB"), Winner, "C", nil,
			[]Round{
				{Number: 1, Tallies: []Tally{{"A", 5}, {"C", 4}, {"B", 3}, {"D", 1}}, Continuing: 13,
					Eliminated: "D", Transfers: []Tally{{"B", 1}}},
				{Number: 2, Tallies: []Tally{{"A", 5}, {"B", 4}, {"C", 4}}, Continuing: 13,
					Eliminated: "B", TieBreak: TieBreakEarlierRound, Transfers: []Tally{{"C", 3}}, NewlyExhausted: 1},
				{Number: 3, Tallies: []Tally{{"C", 7}, {"A", 5}}, Continuing: 12, Exhausted: 1},
			}},
		// Both tie-breaks. Round 1: A 2, B 1 (BA), C 1 (CB); 4 count, 2 × 2 = 4, not > 4.
		//   B and C tie with no earlier round: C sorts last and is eliminated; CB → B.
		// Round 2: A 2, B 2, all tied, but round 1 separates them (B 1 < A 2): B is
		//   eliminated; BA → A, CB is exhausted.
		// Round 3: A 3 of 3, a majority.
		{"byte order, then earlier round",
			ballots("ABC", 0, 0.5, "A A BA CB"), Winner, "A", nil,
			[]Round{
				{Number: 1, Tallies: []Tally{{"A", 2}, {"B", 1}, {"C", 1}}, Continuing: 4,
					Eliminated: "C", TieBreak: TieBreakByteOrder, Transfers: []Tally{{"B", 1}}},
				{Number: 2, Tallies: []Tally{{"A", 2}, {"B", 2}}, Continuing: 4,
					Eliminated: "B", TieBreak: TieBreakEarlierRound, Transfers: []Tally{{"A", 1}}, NewlyExhausted: 1},
				{Number: 3, Tallies: []Tally{{"A", 3}}, Continuing: 3, Exhausted: 1},
			}},
		// Round 1: A 2, B 2, C 1; C is eliminated and its ballot exhausted.
		// Round 2: A 2, B 2 of 4, and they had 2 each in round 1 too: a tie.
		{"inseparable tie after a round",
			ballots("ABC", 0, 0.5, "A A B B C"), Tie, "", []string{"A", "B"},
			[]Round{
				{Number: 1, Tallies: []Tally{{"A", 2}, {"B", 2}, {"C", 1}}, Continuing: 5, Eliminated: "C", NewlyExhausted: 1},
				{Number: 2, Tallies: []Tally{{"A", 2}, {"B", 2}}, Continuing: 4, Exhausted: 1},
			}},
		// Round 1: A 2 of 3, 2 × 2 = 4 > 3: a first-round majority.
		{"first-round majority", ballots("AB", 0, 0.5, "AB A BA"), Winner, "A", nil,
			[]Round{{Number: 1, Tallies: []Tally{{"A", 2}, {"B", 1}}, Continuing: 3}}},
		// Options without votes go one at a time: D (0) first; then A, B, C have 1 each
		// now and in round 1, so the count ends in a three-way tie.
		{"zero-vote option then three-way tie", ballots("ABCD", 0, 0.5, "A B C"), Tie, "", []string{"A", "B", "C"},
			[]Round{
				{Number: 1, Tallies: []Tally{{"A", 1}, {"B", 1}, {"C", 1}, {"D", 0}}, Continuing: 3, Eliminated: "D"},
				{Number: 2, Tallies: []Tally{{"A", 1}, {"B", 1}, {"C", 1}}, Continuing: 3},
			}},
		// Everyone abstains: no ballots, all options tied at 0 in the only round.
		{"everyone abstains", ballots("AB", 0, 0.5, "- - -"), Tie, "", []string{"A", "B"},
			[]Round{{Number: 1, Tallies: []Tally{{"A", 0}, {"B", 0}}}}},
		// 2 of 5 < ⌈2.5⌉ = 3: no quorum and no rounds.
		{"no quorum", ballots("AB", 3, 0.5, "A B"), NoQuorum, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := mustDecide(t, tt.p)
			if o.Result != tt.result || o.Winner != tt.winner || !cmp.Equal(o.Tied, tt.tied) {
				t.Errorf("got %q %q %v, want %q %q %v\n%s", o.Result, o.Winner, o.Tied, tt.result, tt.winner, tt.tied, texts(o))
			}
			if diff := cmp.Diff(tt.rounds, o.Rounds); diff != "" {
				t.Errorf("rounds (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInstantRunoffExplanation checks the structured lines of the three-round count in
// TestInstantRunoff, which a UI translates by rule and fills with the values.
func TestInstantRunoffExplanation(t *testing.T) {
	o := mustDecide(t, ballots("ABCD", 2, 0.5, "A A AB AC BC BC BA CB CB CA DC D -"))
	want := []Line{
		{Rule: RuleQuorum, Holds: true, Values: values("eligible", 15, "participants", 13, "required", 8),
			Threshold: "0.5", Arithmetic: "⌈0.5 × 15⌉ = 8; 13 > 8"},
		// Round 1: 12 count, majority needs 12/2 + 1 = 7; A leads with 4: 8 < 12.
		{Rule: RuleRunoffRound, Values: values("round", 1, "continuing", 12, "exhausted", 0, "votes", 4, "needed", 7),
			Threshold: "1/2", Arithmetic: "2 × 4 = 8 < 12", Options: []string{"A"}},
		{Rule: RuleRunoffElimination, Holds: true, Values: values("round", 1, "votes", 2), Options: []string{"D"}},
		{Rule: RuleRunoffTransfer, Holds: true, Values: values("round", 1, "transferred", 1, "newly_exhausted", 1), Arithmetic: "1 + 1 = 2"},
		// Round 2: 11 count, needs 6; A and C lead with 4: 8 < 11.
		{Rule: RuleRunoffRound, Values: values("round", 2, "continuing", 11, "exhausted", 1, "votes", 4, "needed", 6),
			Threshold: "1/2", Arithmetic: "2 × 4 = 8 < 11", Options: []string{"A", "C"}},
		{Rule: RuleRunoffElimination, Holds: true, Values: values("round", 2, "votes", 3), Options: []string{"B"}},
		{Rule: RuleRunoffTransfer, Holds: true, Values: values("round", 2, "transferred", 3, "newly_exhausted", 0), Arithmetic: "3 + 0 = 3"},
		// Round 3: C has 6 of 11: 12 > 11.
		{Rule: RuleRunoffRound, Holds: true, Values: values("round", 3, "continuing", 11, "exhausted", 1, "votes", 6, "needed", 6),
			Threshold: "1/2", Arithmetic: "2 × 6 = 12 > 11", Options: []string{"C"}},
		{Rule: RuleResult, Holds: true, Options: []string{"C"}},
	}
	if diff := cmp.Diff(want, o.Explanation, cmpopts.IgnoreFields(Line{}, "Text")); diff != "" {
		t.Errorf("explanation (-want +got):\n%s", diff)
	}
	wantText := []string{
		"Quorum met: 13 of 15 eligible voters took a stance (abstaining and standing aside count); a quorum of 0.5 needs 8.",
		"Round 1: 12 ballots count, 0 exhausted earlier; a majority needs 7 (more than half). A leads with 4, short of a majority.",
		"D has the fewest votes, 2, and is eliminated.",
		"D's ballots move to their next continuing preference: 1 to C, 1 exhausted (no continuing option ranked).",
		"Round 2: 11 ballots count, 1 exhausted earlier; a majority needs 6 (more than half). A and C lead with 4 each, short of a majority.",
		"B has the fewest votes, 3, and is eliminated.",
		"B's ballots move to their next continuing preference: 2 to C, 1 to A, 0 exhausted (no continuing option ranked).",
		"Round 3: 11 ballots count, 1 exhausted earlier; a majority needs 6 (more than half). C has 6 of 11, a majority.",
		"Result: C wins.",
	}
	var gotText []string
	for _, l := range o.Explanation {
		gotText = append(gotText, l.Text)
	}
	if diff := cmp.Diff(wantText, gotText); diff != "" {
		t.Errorf("English explanation (-want +got):\n%s", diff)
	}
}
