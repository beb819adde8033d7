package decide

import (
	"fmt"
	"strings"
)

// roundLine explains whether the leaders of a round have a strict majority of the
// ballots that count in it.
func roundLine(rd Round, majority bool) Line {
	votes := rd.Tallies[0].Votes
	var leaders []string
	for _, t := range rd.Tallies {
		if t.Votes == votes {
			leaders = append(leaders, t.Option)
		}
	}
	needed := rd.Continuing/2 + 1
	l := Line{
		Rule:       RuleRunoffRound,
		Holds:      majority,
		Values:     values("round", rd.Number, "continuing", rd.Continuing, "exhausted", rd.Exhausted, "votes", votes, "needed", needed),
		Threshold:  "1/2",
		Arithmetic: fmt.Sprintf("2 × %d = %d %s %d", votes, 2*votes, relation(2*votes, rd.Continuing), rd.Continuing),
		Options:    leaders,
	}
	head := fmt.Sprintf("Round %d: %s count, %d exhausted earlier; a majority needs %d (more than half).",
		rd.Number, plural(rd.Continuing, "ballot"), rd.Exhausted, needed)
	switch {
	case majority:
		l.Text = fmt.Sprintf("%s %s has %d of %d, a majority.", head, leaders[0], votes, rd.Continuing)
	case len(leaders) == 1:
		l.Text = fmt.Sprintf("%s %s leads with %d, short of a majority.", head, leaders[0], votes)
	default:
		l.Text = fmt.Sprintf("%s %s lead with %d each, short of a majority.", head, list(leaders), votes)
	}
	return l
}

// eliminationLine explains which option a round eliminates and, after a tie for the
// fewest votes, which rule chose it.
func eliminationLine(rd Round, tied []string) Line {
	votes := 0
	for _, t := range rd.Tallies {
		if t.Option == rd.Eliminated {
			votes = t.Votes
		}
	}
	others := make([]string, 0, len(tied))
	for _, o := range tied {
		if o != rd.Eliminated {
			others = append(others, o)
		}
	}
	l := Line{
		Rule:     RuleRunoffElimination,
		Holds:    true,
		Values:   values("round", rd.Number, "votes", votes),
		TieBreak: rd.TieBreak,
		Options:  append([]string{rd.Eliminated}, others...),
	}
	switch rd.TieBreak {
	case "":
		l.Text = fmt.Sprintf("%s has the fewest votes, %d, and is eliminated.", rd.Eliminated, votes)
	case TieBreakEarlierRound:
		l.Text = fmt.Sprintf("%s tie for the fewest votes, %d; %s had the fewest in the earliest round where their votes differ, and is eliminated.",
			list(tied), votes, rd.Eliminated)
	default:
		l.Text = fmt.Sprintf("%s tie for the fewest votes, %d, and earlier rounds do not single one out; of those with the fewest votes in every earlier round, %s sorts last by ID and is eliminated.",
			list(tied), votes, rd.Eliminated)
	}
	return l
}

// transferLine explains where the eliminated option's ballots went.
func transferLine(rd Round) Line {
	moved := 0
	var parts []string
	for _, t := range rd.Transfers {
		moved += t.Votes
		parts = append(parts, fmt.Sprintf("%d to %s", t.Votes, t.Option))
	}
	parts = append(parts, fmt.Sprintf("%d exhausted (no continuing option ranked)", rd.NewlyExhausted))
	return Line{
		Rule:       RuleRunoffTransfer,
		Holds:      true,
		Values:     values("round", rd.Number, "transferred", moved, "newly_exhausted", rd.NewlyExhausted),
		Arithmetic: fmt.Sprintf("%d + %d = %d", moved, rd.NewlyExhausted, moved+rd.NewlyExhausted),
		Text:       fmt.Sprintf("%s's ballots move to their next continuing preference: %s.", rd.Eliminated, strings.Join(parts, ", ")),
	}
}

// tieLine explains a count that ends because no rule but names separates the options.
func tieLine(rd Round, tied []string) Line {
	votes := rd.Tallies[0].Votes
	return Line{
		Rule:       RuleRunoffTie,
		Values:     values("round", rd.Number, "votes", votes),
		Arithmetic: fmt.Sprintf("%d = %d", votes, votes),
		Options:    tied,
		Text: fmt.Sprintf("%s have %s each and had equal votes in every earlier round; only their names would separate them, so the count ends in a tie.",
			list(tied), plural(votes, "vote")),
	}
}
