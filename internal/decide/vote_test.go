package decide

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestVoteMethods checks consent, consensus, majority and supermajority against
// outcomes worked out by hand. Stances are spelled A agree, D disagree, N abstain,
// S stand aside, B block; the decisive line's arithmetic is checked too.
func TestVoteMethods(t *testing.T) {
	tests := []struct {
		name       string
		p          Proposal
		want       Result
		rule       string
		arithmetic string
	}{
		// Consent: blocks compared with 0.
		// No block: passes although two disagree and nobody needs to agree.
		{"consent passes over disagreement", vote(Consent, 8, 0.5, "AAA DD N S"), Passed, RuleConsent, "0 = 0"},
		{"consent with one block", vote(Consent, 8, 0.5, "AAAAA B"), Blocked, RuleConsent, "1 > 0"},
		// Five abstain of 8: 5 ≥ ⌈4⌉ = 4, quorum met, and nobody blocks.
		{"consent when everyone present abstains", vote(Consent, 8, 0.5, "NNNNN"), Passed, RuleConsent, "0 = 0"},

		// Consensus: blocks with 0; disagreements with 0; agreements with 1.
		{"consensus with stand-asides and an abstention", vote(Consensus, 7, 0.5, "AAA SS N"), Passed, RuleConsensus, "0 = 0; 0 = 0; 3 > 1"},
		{"consensus broken by one disagreement", vote(Consensus, 7, 0.5, "AAAAA D"), Failed, RuleConsensus, "0 = 0; 1 > 0; 5 > 1"},
		{"consensus blocked", vote(Consensus, 7, 0.5, "AAAAA B"), Blocked, RuleConsensus, "1 > 0; 0 = 0; 5 > 1"},
		// A block and a disagreement: the block is the stronger reason, so Blocked.
		{"consensus blocked and disagreed", vote(Consensus, 7, 0.5, "AAA D B"), Blocked, RuleConsensus, "1 > 0; 1 > 0; 3 > 1"},
		{"consensus with nobody agreeing", vote(Consensus, 7, 0.5, "SS NN"), Failed, RuleConsensus, "0 = 0; 0 = 0; 0 < 1"},
		{"consensus with one agreement", vote(Consensus, 2, 1, "A S"), Passed, RuleConsensus, "0 = 0; 0 = 0; 1 = 1"},

		// Majority: agree against (disagree + block); abstain and stand aside left out.
		{"majority 5 to 3", vote(Majority, 12, 0.5, "AAAAA DDD NN"), Passed, RuleMajority, "5 > 3"},
		{"majority tie fails", vote(Majority, 12, 0.5, "AAA DDD"), Failed, RuleMajority, "3 = 3"},
		// 3 agree against 2 disagree + 1 block = 3: a tie, so the block decides it.
		{"majority block counts as disagree", vote(Majority, 12, 0.5, "AAA DD B"), Failed, RuleMajority, "3 = 3"},
		// 2 agree > 1 disagree; the 4 standing aside are not in the comparison.
		{"majority stand-asides left out", vote(Majority, 12, 0.5, "AA D SSSS"), Passed, RuleMajority, "2 > 1"},
		{"majority minority", vote(Majority, 12, 0.5, "AA DDD N"), Failed, RuleMajority, "2 < 3"},
		{"majority everyone abstains", vote(Majority, 6, 0.5, "NNNN"), Failed, RuleMajority, "0 = 0"},

		// Supermajority: 3 × agree against 2 × (agree + against).
		// 6 of 9 is exactly two thirds: 3 × 6 = 18 = 18 = 2 × (6 + 3).
		{"supermajority exactly two thirds", vote(Supermajority, 12, 0.5, "AAAAAA DDD"), Passed, RuleSupermajority, "3 × 6 = 18 = 18 = 2 × (6 + 3)"},
		// 5 of 8 = 0.625 < 2/3: 15 < 16.
		{"supermajority just short", vote(Supermajority, 12, 0.5, "AAAAA DDD"), Failed, RuleSupermajority, "3 × 5 = 15 < 16 = 2 × (5 + 3)"},
		// 6 agree, 2 disagree + 1 block = 3 against: 18 = 18, passes.
		{"supermajority block as disagree, passes", vote(Supermajority, 12, 0.5, "AAAAAA DD B"), Passed, RuleSupermajority, "3 × 6 = 18 = 18 = 2 × (6 + 3)"},
		// 6 agree, 2 + 2 = 4 against: 18 < 20.
		{"supermajority block as disagree, fails", vote(Supermajority, 12, 0.5, "AAAAAA DD BB"), Failed, RuleSupermajority, "3 × 6 = 18 < 20 = 2 × (6 + 4)"},
		// 2 agree, 0 against, 4 abstain: 6 > 4.
		{"supermajority abstentions left out", vote(Supermajority, 8, 0.5, "AA NNNN"), Passed, RuleSupermajority, "3 × 2 = 6 > 4 = 2 × (2 + 0)"},
		// Nobody agrees or disagrees: 0 ≥ 0 would pass, so at least one agree is needed.
		{"supermajority nobody agrees", vote(Supermajority, 8, 0.5, "NNN SS"), Failed, RuleSupermajority, "3 × 0 = 0 = 0 = 2 × (0 + 0); 0 < 1"},
		{"supermajority only against", vote(Supermajority, 4, 0.5, "DD"), Failed, RuleSupermajority, "3 × 0 = 0 < 4 = 2 × (0 + 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := mustDecide(t, tt.p)
			if o.Result != tt.want {
				t.Errorf("Result = %q, want %q\n%s", o.Result, tt.want, texts(o))
			}
			if got := line(t, o, tt.rule).Arithmetic; got != tt.arithmetic {
				t.Errorf("%s arithmetic = %q, want %q", tt.rule, got, tt.arithmetic)
			}
			if last := o.Explanation[len(o.Explanation)-1]; last.Rule != RuleResult {
				t.Errorf("last line is %q, want %q", last.Rule, RuleResult)
			}
		})
	}
}

// texts joins the English explanation, for failure messages.
func texts(o Outcome) string {
	s := ""
	for _, l := range o.Explanation {
		s += "  " + l.Text + "\n"
	}
	return s
}

// TestQuorum checks max(1, ⌈q × eligible⌉) and that abstaining and standing aside
// count as taking part.
func TestQuorum(t *testing.T) {
	tests := []struct {
		name       string
		p          Proposal
		required   int
		want       Result
		arithmetic string
	}{
		// ⌈0.5 × 10⌉ = 5 and 5 took a stance.
		{"met exactly", vote(Consent, 10, 0.5, "AAAAA"), 5, Passed, "⌈0.5 × 10⌉ = 5; 5 = 5"},
		// 4 < 5: no quorum even though all four agree.
		{"one short", vote(Consent, 10, 0.5, "AAAA"), 5, NoQuorum, "⌈0.5 × 10⌉ = 5; 4 < 5"},
		// A block without quorum is still no quorum: the count never gets to it.
		{"block without quorum", vote(Consensus, 10, 0.5, "B"), 5, NoQuorum, "⌈0.5 × 10⌉ = 5; 1 < 5"},
		// ⌈0.5 × 11⌉ = ⌈5.5⌉ = 6.
		{"rounds up", vote(Majority, 11, 0.5, "AAAAA"), 6, NoQuorum, "⌈0.5 × 11⌉ = 6; 5 < 6"},
		// One agrees and four abstain or stand aside: 5 participants of 10 meet ⌈5⌉.
		{"abstain and stand aside count", vote(Majority, 10, 0.5, "A NN SS"), 5, Passed, "⌈0.5 × 10⌉ = 5; 5 = 5"},
		// 0.1 × 30 is 3.0000000000000004 in float64; the decimal 0.1 gives ⌈3⌉ = 3.
		{"decimal quorum, not binary", vote(Consent, 30, 0.1, "AAA"), 3, Passed, "⌈0.1 × 30⌉ = 3; 3 = 3"},
		// 0.7 × 10 is 7.000000000000001 in float64; ⌈7⌉ = 7.
		{"decimal 0.7", vote(Consent, 10, 0.7, "AAAAAAA"), 7, Passed, "⌈0.7 × 10⌉ = 7; 7 = 7"},
		// The float64 nearest 2/3 prints as 0.6666666666666666: × 9 = 5.9999999999999994, ⌈⌉ = 6.
		{"two thirds", vote(Consent, 9, 2.0/3, "AAAAAA"), 6, Passed, "⌈0.6666666666666666 × 9⌉ = 6; 6 = 6"},
		{"everyone", vote(Consent, 4, 1, "AAA"), 4, NoQuorum, "⌈1 × 4⌉ = 4; 3 < 4"},
		// Nobody eligible: at least one stance is needed, so no quorum.
		{"nobody eligible", vote(Consent, 0, 0.5, ""), 1, NoQuorum, "⌈0.5 × 0⌉ = 0, at least 1; 0 < 1"},
		// A tiny quorum still needs one stance: ⌈0.01 × 3⌉ = 1.
		{"tiny quorum", vote(Consent, 3, 0.01, ""), 1, NoQuorum, "⌈0.01 × 3⌉ = 1; 0 < 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := mustDecide(t, tt.p)
			if o.Result != tt.want || o.Counts.Required != tt.required {
				t.Errorf("Result %q, Required %d; want %q, %d\n%s", o.Result, o.Counts.Required, tt.want, tt.required, texts(o))
			}
			if got := line(t, o, RuleQuorum).Arithmetic; got != tt.arithmetic {
				t.Errorf("quorum arithmetic = %q, want %q", got, tt.arithmetic)
			}
			if tt.want == NoQuorum && len(o.Explanation) != 2 {
				t.Errorf("no quorum explained in %d lines, want quorum and result only", len(o.Explanation))
			}
		})
	}
}

// TestMajorityOutcome checks a whole outcome, explanation included: 12 eligible, a
// quorum of 0.5 needs ⌈6⌉ = 6; 8 take a stance. 4 agree; 2 disagree and 1 blocks, so
// 3 are against; 1 abstains and is left out. 4 > 3 passes.
func TestMajorityOutcome(t *testing.T) {
	p := vote(Majority, 12, 0.5, "AAAA DD B N")
	want := Outcome{
		Method: Majority,
		Result: Passed,
		Counts: Counts{Eligible: 12, Required: 6, Participants: 8, Agree: 4, Disagree: 2, Abstain: 1, Block: 1},
		Blocks: []BlockNote{{VoterID: "v07", PrincipleID: "p1", Reason: "It shifts costs onto tenants."}},
		Explanation: []Line{
			{Rule: RuleQuorum, Holds: true, Values: values("eligible", 12, "participants", 8, "required", 6), Threshold: "0.5",
				Arithmetic: "⌈0.5 × 12⌉ = 6; 8 > 6",
				Text:       "Quorum met: 8 of 12 eligible voters took a stance (abstaining and standing aside count); a quorum of 0.5 needs 6."},
			{Rule: RuleBlockAsDisagree, Holds: true, Values: values("disagree", 2, "block", 1, "against", 3), Arithmetic: "2 + 1 = 3",
				Text: "In a vote by majority a block is not a veto and counts as disagree: 2 disagree + 1 block = 3 against."},
			{Rule: RuleMajority, Holds: true, Values: values("agree", 4, "against", 3, "left_out", 1), Threshold: "1/2", Arithmetic: "4 > 3",
				Text: "Majority needs more agree than against, abstaining and standing aside left out (1): 4 agree > 3 against, so the proposal passes."},
			{Rule: RuleResult, Holds: true, Text: "Result: passed."},
		},
	}
	if diff := cmp.Diff(want, mustDecide(t, p)); diff != "" {
		t.Errorf("Decide mismatch (-want +got):\n%s", diff)
	}
}

// TestBlocksListed checks that every block is listed by voter, whatever the order of
// the stances, so the outcome can say who blocked and which principle they cited.
func TestBlocksListed(t *testing.T) {
	p := vote(Consent, 5, 0.5, "A")
	p.Stances = append(p.Stances,
		Stance{VoterID: "v03", Position: Block, Reason: "No budget for interpretation.", PrincipleID: "language-justice"},
		Stance{VoterID: "v02", Position: Block, Reason: "Decided without the tenants.", PrincipleID: "most-impacted-lead"},
	)
	o := mustDecide(t, p)
	want := []BlockNote{
		{VoterID: "v02", PrincipleID: "most-impacted-lead", Reason: "Decided without the tenants."},
		{VoterID: "v03", PrincipleID: "language-justice", Reason: "No budget for interpretation."},
	}
	if diff := cmp.Diff(want, o.Blocks); diff != "" || o.Result != Blocked {
		t.Errorf("Result %q, blocks (-want +got):\n%s", o.Result, diff)
	}
}
