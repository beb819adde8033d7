package decide

import "slices"

// The rules of the count are in the package documentation, "Instant runoff".

// runoff is the state of an instant-runoff count. Options are referred to by their
// index in options, which is sorted in byte order.
type runoff struct {
	options   []string
	ballots   [][]int // Each ballot's ranking, as option indexes.
	next      []int   // The position in each ballot of the option it counts for.
	piles     [][]int // The ballots counting for each option, by ballot index.
	out       []bool  // Eliminated options.
	history   [][]int // Votes per option in each round so far.
	exhausted int
}

// newRunoff turns the ballots of a valid ranked poll into option indexes, with every
// ballot counting for its first preference.
func newRunoff(p Proposal) *runoff {
	options := slices.Sorted(slices.Values(p.Options))
	index := make(map[string]int, len(options))
	for i, option := range options {
		index[option] = i
	}
	r := &runoff{options: options, piles: make([][]int, len(options)), out: make([]bool, len(options))}
	total := 0
	for _, s := range p.Stances {
		total += len(s.Ranking)
	}
	all := make([]int, 0, total) // One array holds every ranking.
	for _, s := range p.Stances {
		if len(s.Ranking) == 0 {
			continue // An abstention.
		}
		start := len(all)
		for _, option := range s.Ranking {
			all = append(all, index[option])
		}
		ranking := all[start:len(all):len(all)]
		r.piles[ranking[0]] = append(r.piles[ranking[0]], len(r.ballots))
		r.ballots = append(r.ballots, ranking)
		r.next = append(r.next, 0)
	}
	return r
}

// decideRanked counts a ranked poll round by round until an option has a majority or
// the continuing options are inseparably tied.
func decideRanked(o *Outcome, p Proposal) {
	r := newRunoff(p)
	for number := 1; ; number++ {
		rd := r.tally(number)
		leader := rd.Tallies[0]
		majority := 2*leader.Votes > rd.Continuing
		o.Explanation = append(o.Explanation, roundLine(rd, majority))
		if majority {
			o.Result, o.Winner, o.Rounds = Winner, leader.Option, append(o.Rounds, rd)
			return
		}
		e, tieBreak, tied := r.pickElimination()
		if e < 0 {
			o.Result, o.Tied, o.Rounds = Tie, tied, append(o.Rounds, rd)
			o.Explanation = append(o.Explanation, tieLine(rd, tied))
			return
		}
		rd.Eliminated, rd.TieBreak = r.options[e], tieBreak
		rd.Transfers, rd.NewlyExhausted = r.eliminate(e)
		o.Explanation = append(o.Explanation, eliminationLine(rd, tied), transferLine(rd))
		o.Rounds = append(o.Rounds, rd)
	}
}

// tally counts the votes of round number and records them in the history.
func (r *runoff) tally(number int) Round {
	votes := make([]int, len(r.options))
	rd := Round{Number: number, Exhausted: r.exhausted}
	for i, pile := range r.piles {
		if !r.out[i] {
			votes[i] = len(pile)
			rd.Tallies = append(rd.Tallies, Tally{r.options[i], len(pile)})
			rd.Continuing += len(pile)
		}
	}
	sortTallies(rd.Tallies)
	r.history = append(r.history, votes)
	return rd
}

// pickElimination returns the option to eliminate in the current round, the tie-break
// that chose it ("" without a tie), and the options tied for the fewest votes by name.
// It returns -1 when every continuing option is tied in every round so far.
func (r *runoff) pickElimination() (int, string, []string) {
	current := r.history[len(r.history)-1]
	var tied []int // In byte order, since options are.
	continuing := 0
	for i := range r.options {
		if r.out[i] {
			continue
		}
		continuing++
		if len(tied) == 0 || current[i] < current[tied[0]] {
			tied = tied[:0]
		}
		if len(tied) == 0 || current[i] == current[tied[0]] {
			tied = append(tied, i)
		}
	}
	names := make([]string, len(tied))
	for j, i := range tied {
		names[j] = r.options[i]
	}
	kept := tied
	for _, votes := range r.history[:len(r.history)-1] {
		kept = fewest(kept, votes)
	}
	switch {
	case len(kept) == continuing:
		return -1, "", names
	case len(tied) == 1:
		return tied[0], "", names
	case len(kept) == 1:
		return kept[0], TieBreakEarlierRound, names
	}
	return kept[len(kept)-1], TieBreakByteOrder, names
}

// fewest returns the options among candidates with the fewest votes, in order.
func fewest(candidates, votes []int) []int {
	var kept []int
	for _, i := range candidates {
		if len(kept) > 0 && votes[i] < votes[kept[0]] {
			kept = kept[:0]
		}
		if len(kept) == 0 || votes[i] == votes[kept[0]] {
			kept = append(kept, i)
		}
	}
	return kept
}

// eliminate removes option e and moves each of its ballots to the ballot's next
// continuing preference, or out of the count when it ranks none. It returns how many
// ballots went to each option and how many were exhausted.
func (r *runoff) eliminate(e int) ([]Tally, int) {
	r.out[e] = true
	moved := make([]int, len(r.options))
	exhausted := 0
	for _, b := range r.piles[e] {
		ranking := r.ballots[b]
		n := r.next[b] + 1
		for n < len(ranking) && r.out[ranking[n]] {
			n++
		}
		r.next[b] = n
		if n == len(ranking) {
			exhausted++
			continue
		}
		r.piles[ranking[n]] = append(r.piles[ranking[n]], b)
		moved[ranking[n]]++
	}
	r.piles[e] = nil
	r.exhausted += exhausted
	var transfers []Tally
	for i, n := range moved {
		if n > 0 {
			transfers = append(transfers, Tally{r.options[i], n})
		}
	}
	sortTallies(transfers)
	return transfers, exhausted
}
