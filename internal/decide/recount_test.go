package decide

import "slices"

// recount is a slow, direct instant runoff used to check the real one: each round it
// recounts every ballot for its highest-ranked continuing option, and it applies the
// same rules (strict majority; fewest votes, then fewest in the earliest round where
// they differ, then last in byte order; a tie when all continuing options are equal in
// every round).
func recount(p Proposal) (Result, string) {
	continuing := slices.Sorted(slices.Values(p.Options))
	var history []map[string]int
	for {
		votes, total := map[string]int{}, 0
		for _, s := range p.Stances {
			for _, o := range s.Ranking {
				if slices.Contains(continuing, o) {
					votes[o]++
					total++
					break
				}
			}
		}
		history = append(history, votes)
		for _, o := range continuing {
			if 2*votes[o] > total {
				return Winner, o
			}
		}
		low := continuing
		for _, round := range history[len(history)-1:] {
			low = fewestOf(low, round)
		}
		for _, round := range history[:len(history)-1] {
			low = fewestOf(low, round)
		}
		if len(low) == len(continuing) {
			return Tie, ""
		}
		continuing = slices.DeleteFunc(continuing, func(o string) bool { return o == low[len(low)-1] })
	}
}

// fewestOf returns the options with the fewest votes, keeping their order.
func fewestOf(options []string, votes map[string]int) []string {
	var kept []string
	for _, o := range options {
		if len(kept) > 0 && votes[o] < votes[kept[0]] {
			kept = nil
		}
		if len(kept) == 0 || votes[o] == votes[kept[0]] {
			kept = append(kept, o)
		}
	}
	return kept
}
