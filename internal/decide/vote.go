package decide

import "fmt"

// decideConsent passes the proposal unless someone blocks. Consent asks "can you live
// with it?", not "do you agree?", so a disagreement is recorded but stops nothing and
// nobody needs to agree.
func decideConsent(o *Outcome) {
	c := o.Counts
	l := Line{
		Rule:       RuleConsent,
		Holds:      c.Block == 0,
		Values:     values("block", c.Block, "agree", c.Agree, "disagree", c.Disagree, "abstain", c.Abstain, "stand_aside", c.StandAside),
		Arithmetic: fmt.Sprintf("%d %s 0", c.Block, relation(c.Block, 0)),
	}
	if l.Holds {
		o.Result = Passed
		l.Text = "Consent passes unless someone blocks: nobody blocked, so the proposal passes."
		if c.Disagree > 0 {
			l.Text += fmt.Sprintf(" %s recorded a concern, which does not stop consent.", plural(c.Disagree, "disagreement"))
		}
	} else {
		o.Result = Blocked
		l.Text = fmt.Sprintf("Consent passes unless someone blocks: %s, so the proposal is blocked.", plural(c.Block, "block"))
	}
	o.Explanation = append(o.Explanation, l)
}

// decideConsensus passes the proposal when nobody blocks or disagrees and at least one
// voter agrees. Abstaining and standing aside are not objections; a proposal that
// nobody agrees with has no consensus behind it. Arithmetic shows, in order, the
// blocks and the disagreements compared with 0 and the agreements compared with 1.
func decideConsensus(o *Outcome) {
	c := o.Counts
	l := Line{
		Rule:   RuleConsensus,
		Holds:  c.Block == 0 && c.Disagree == 0 && c.Agree >= 1,
		Values: values("agree", c.Agree, "stand_aside", c.StandAside, "abstain", c.Abstain, "disagree", c.Disagree, "block", c.Block),
		Arithmetic: fmt.Sprintf("%d %s 0; %d %s 0; %d %s 1",
			c.Block, relation(c.Block, 0), c.Disagree, relation(c.Disagree, 0), c.Agree, relation(c.Agree, 1)),
	}
	const rule = "Consensus needs no block, no disagreement and at least one agreement; abstaining and standing aside do not stand in the way"
	switch {
	case c.Block > 0:
		o.Result = Blocked
		l.Text = fmt.Sprintf("%s: %s, so the proposal is blocked.", rule, plural(c.Block, "block"))
	case c.Disagree > 0:
		o.Result = Failed
		l.Text = fmt.Sprintf("%s: %s, so there is no consensus.", rule, plural(c.Disagree, "disagreement"))
	case c.Agree == 0:
		o.Result = Failed
		l.Text = fmt.Sprintf("%s: nobody agreed, so there is no consensus.", rule)
	default:
		o.Result = Passed
		l.Text = fmt.Sprintf("%s: %d agreed, %d stood aside, %d abstained, so there is consensus.", rule, c.Agree, c.StandAside, c.Abstain)
	}
	o.Explanation = append(o.Explanation, l)
}

// against counts the stances against a proposal in a majority method. A block is a
// veto only in consent and consensus; majority methods have no veto, so a block counts
// as one more disagreement, and the explanation says so.
func against(o *Outcome) int {
	c := o.Counts
	if c.Block > 0 {
		o.Explanation = append(o.Explanation, Line{
			Rule:       RuleBlockAsDisagree,
			Holds:      true,
			Values:     values("disagree", c.Disagree, "block", c.Block, "against", c.Disagree+c.Block),
			Arithmetic: fmt.Sprintf("%d + %d = %d", c.Disagree, c.Block, c.Disagree+c.Block),
			Text: fmt.Sprintf("In a vote by %s a block is not a veto and counts as disagree: %d disagree + %d block = %d against.",
				o.Method, c.Disagree, c.Block, c.Disagree+c.Block),
		})
	}
	return c.Disagree + c.Block
}

// decideMajority passes the proposal when more voters agree than are against.
// Abstentions and stand-asides are left out of the comparison, so they neither help nor
// hurt; a tie fails, because a proposal needs more support than opposition.
func decideMajority(o *Outcome) {
	c := o.Counts
	no := against(o)
	l := Line{
		Rule:       RuleMajority,
		Holds:      c.Agree > no,
		Values:     values("agree", c.Agree, "against", no, "left_out", c.Abstain+c.StandAside),
		Threshold:  "1/2",
		Arithmetic: fmt.Sprintf("%d %s %d", c.Agree, relation(c.Agree, no), no),
	}
	verdict := "passes"
	o.Result = Passed
	if !l.Holds {
		verdict, o.Result = "fails", Failed
		if c.Agree == no {
			verdict = "is a tie, which fails"
		}
	}
	l.Text = fmt.Sprintf("Majority needs more agree than against, abstaining and standing aside left out (%d): %d agree %s %d against, so the proposal %s.",
		c.Abstain+c.StandAside, c.Agree, relation(c.Agree, no), no, verdict)
	o.Explanation = append(o.Explanation, l)
}

// decideSupermajority passes the proposal when at least two thirds of those who agree
// or are against agree, decided exactly as 3 × agree ≥ 2 × (agree + against), and at
// least one voter agrees, so that a vote where everyone abstained does not pass on
// 0 ≥ 0. Abstentions and stand-asides are left out, as in a majority.
func decideSupermajority(o *Outcome) {
	c := o.Counts
	no := against(o)
	lhs, rhs := 3*c.Agree, 2*(c.Agree+no)
	l := Line{
		Rule:       RuleSupermajority,
		Holds:      lhs >= rhs && c.Agree >= 1,
		Values:     values("agree", c.Agree, "against", no, "left_out", c.Abstain+c.StandAside),
		Threshold:  "2/3",
		Arithmetic: fmt.Sprintf("3 × %d = %d %s %d = 2 × (%d + %d)", c.Agree, lhs, relation(lhs, rhs), rhs, c.Agree, no),
	}
	o.Result, l.Text = Passed, "so the proposal passes"
	switch {
	case lhs < rhs:
		o.Result, l.Text = Failed, "so the proposal fails"
	case c.Agree == 0: // Then nobody is against either: 0 ≥ 0.
		l.Arithmetic += "; 0 < 1"
		o.Result, l.Text = Failed, "and nobody agreed, so the proposal fails"
	}
	l.Text = fmt.Sprintf("A two-thirds supermajority needs 3 × agree ≥ 2 × (agree + against), abstaining and standing aside left out (%d): %s, %s.",
		c.Abstain+c.StandAside, l.Arithmetic, l.Text)
	o.Explanation = append(o.Explanation, l)
}
