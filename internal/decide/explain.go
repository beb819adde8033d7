package decide

import "fmt"

// Line is one step of an outcome's explanation. It is structured so that a UI can
// translate it: Rule is a stable message ID, Values and Threshold fill the message, and
// Arithmetic is language-neutral (digits, +, ×, >, =, <, ⌈ ⌉), always a true statement. Text
// is the same line in English, for logs, the command line and as a fallback.
type Line struct {
	Rule       string   // One of the Rule constants.
	Holds      bool     // Whether the rule's condition held (quorum met, threshold reached, ...).
	Values     []Value  // The numbers the rule uses, in a fixed order for each rule.
	Threshold  string   // The threshold the rule applies: "0.5", "1/2", "2/3"; "" when none.
	TieBreak   string   // How an elimination tie was broken: TieBreakEarlierRound or TieBreakByteOrder.
	Arithmetic string   // The comparison with its numbers, e.g. "3 × 7 = 21 > 20 = 2 × (7 + 3)".
	Options    []string // The options the line is about (leader, eliminated, winner, tied).
	Text       string   // English.
}

// Value is one named number of a Line. Names are stable and snake_case.
type Value struct {
	Name string
	N    int
}

// Rules named by Line.Rule.
const (
	// RuleQuorum: Values eligible, participants, required; Threshold the quorum share.
	RuleQuorum = "quorum"
	// RuleConsent: Values block, agree, disagree, abstain, stand_aside; holds with no block.
	RuleConsent = "consent"
	// RuleConsensus: Values agree, stand_aside, abstain, disagree, block; holds when
	// block = 0, disagree = 0 and agree ≥ 1.
	RuleConsensus = "consensus"
	// RuleBlockAsDisagree: Values disagree, block, against; shown in majority methods
	// when someone blocked.
	RuleBlockAsDisagree = "block_counts_as_disagree"
	// RuleMajority: Values agree, against, left_out (abstain + stand aside); Threshold "1/2".
	RuleMajority = "majority"
	// RuleSupermajority: Values agree, against, left_out; Threshold "2/3".
	RuleSupermajority = "supermajority"
	// RulePlurality: Values votes (the most any option has), options_with_most.
	RulePlurality = "plurality"
	// RuleRunoffRound: Values round, continuing, exhausted, votes (the leader's), needed;
	// Options the leaders; holds when the leader has a strict majority.
	RuleRunoffRound = "runoff_round"
	// RuleRunoffElimination: Values round, votes; Options the eliminated option, then the
	// others it was tied with; TieBreak says how the tie was broken, "" without a tie.
	RuleRunoffElimination = "runoff_elimination"
	// RuleRunoffTransfer: Values round, transferred, newly_exhausted.
	RuleRunoffTransfer = "runoff_transfer"
	// RuleRunoffTie: Values round, votes; Options the continuing options, all tied in
	// this round and in every earlier round.
	RuleRunoffTie = "runoff_tie"
	// RuleResult: the last line; Options the winner or the tied options.
	RuleResult = "result"
)

// values builds Values from alternating names and numbers.
func values(pairs ...any) []Value {
	vs := make([]Value, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		vs = append(vs, Value{pairs[i].(string), pairs[i+1].(int)})
	}
	return vs
}

// relation returns the symbol that makes "left symbol right" true: ">", "=" or "<".
func relation(left, right int) string {
	switch {
	case left > right:
		return ">"
	case left == right:
		return "="
	}
	return "<"
}

// resultLine is the last line of every explanation.
func resultLine(o Outcome) Line {
	l := Line{Rule: RuleResult, Holds: o.Result == Passed || o.Result == Winner}
	switch o.Result {
	case Winner:
		l.Options = []string{o.Winner}
		l.Text = fmt.Sprintf("Result: %s wins.", o.Winner)
	case Tie:
		l.Options = o.Tied
		l.Text = fmt.Sprintf("Result: a tie between %s.", list(o.Tied))
	case NoQuorum:
		l.Text = "Result: no quorum, so no decision."
	default:
		l.Text = fmt.Sprintf("Result: %s.", o.Result)
	}
	return l
}

// list joins options for English text: "a", "a and b", "a, b and c".
func list(options []string) string {
	switch len(options) {
	case 0:
		return "no option"
	case 1:
		return options[0]
	}
	s := options[0]
	for _, o := range options[1 : len(options)-1] {
		s += ", " + o
	}
	return s + " and " + options[len(options)-1]
}

// plural returns "1 vote" or "2 votes".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
