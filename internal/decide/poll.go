package decide

import "fmt"

// decidePlurality gives a single-choice poll to the option with the most votes. When
// several options share the most votes, the result is a tie naming them all: choosing
// one by lot or by name would settle by accident what the voters did not settle. A poll
// where everyone abstained is a tie between every option, each with 0 votes.
func decidePlurality(o *Outcome) {
	tallies := o.Counts.Options // Most votes first, then by option ID.
	most := tallies[0].Votes
	var top []string
	for _, t := range tallies {
		if t.Votes == most {
			top = append(top, t.Option)
		}
	}
	next := 0 // Votes of the best option outside the top.
	if len(top) < len(tallies) {
		next = tallies[len(top)].Votes
	}
	l := Line{
		Rule:    RulePlurality,
		Holds:   len(top) == 1,
		Values:  values("votes", most, "options_with_most", len(top)),
		Options: top,
	}
	if l.Holds {
		o.Result, o.Winner = Winner, top[0]
		l.Arithmetic = fmt.Sprintf("%d > %d", most, next)
		l.Text = fmt.Sprintf("Plurality: %s has the most votes, %d, against %d for the next option.", top[0], most, next)
	} else {
		o.Result, o.Tied = Tie, top
		l.Arithmetic = fmt.Sprintf("%d = %d", most, most)
		l.Text = fmt.Sprintf("Plurality: %s share the most votes, %s each; a tie is reported as a tie, with no random winner.", list(top), plural(most, "vote"))
	}
	o.Explanation = append(o.Explanation, l)
}
