package decide

import (
	"fmt"
	"slices"
	"strings"
)

// validator checks a proposal. Field names are formatted only when there is an error,
// so that validating 10,000 stances costs a few map look-ups each.
type validator struct {
	method   Method
	eligible map[string]int // Voter ID → index in Eligible.
	options  map[string]int // Option ID → index in Options.
	seen     []bool         // seen[e] when eligible voter e has a stance.
	ranked   []int          // ranked[o] == i+1 when stance i has ranked option o.
}

// validate checks p. It reports the first problem in the order of the fields and,
// within a slice, of its elements.
func validate(p Proposal) error {
	if !slices.Contains(Methods, p.Method) {
		return fieldErr("method", "", "Unknown method %q; want consent, consensus, majority, supermajority, poll_single or poll_ranked.", p.Method)
	}
	// Written so that NaN fails too.
	if !(p.Quorum > 0 && p.Quorum <= 1) {
		return fieldErr("quorum", "", "The quorum %v is not a share between 0 (excluded) and 1.", p.Quorum)
	}
	v := validator{method: p.Method, seen: make([]bool, len(p.Eligible)), ranked: make([]int, len(p.Options))}
	var err error
	if v.eligible, err = idSet("eligible", p.Eligible); err != nil {
		return err
	}
	if v.options, err = validateOptions(p); err != nil {
		return err
	}
	for i, s := range p.Stances {
		if err := v.stance(i, s); err != nil {
			return err
		}
	}
	return nil
}

// idSet checks that ids are non-empty and distinct, and returns each one's index.
func idSet(field string, ids []string) (map[string]int, error) {
	set := make(map[string]int, len(ids))
	for i, id := range ids {
		if id == "" {
			return nil, fieldErr(fmt.Sprintf("%s[%d]", field, i), "", "The ID is empty.")
		}
		if _, dup := set[id]; dup {
			return nil, fieldErr(fmt.Sprintf("%s[%d]", field, i), "", "%q is listed twice.", id)
		}
		set[id] = i
	}
	return set, nil
}

// validateOptions checks that a poll has at least two distinct options and that no
// other method has any.
func validateOptions(p Proposal) (map[string]int, error) {
	if !p.Method.isPoll() {
		if len(p.Options) > 0 {
			return nil, fieldErr("options", "", "Only polls have options; %s does not.", p.Method)
		}
		return nil, nil
	}
	if len(p.Options) < 2 {
		return nil, fieldErr("options", "", "A poll needs at least two options; it has %d.", len(p.Options))
	}
	return idSet("options", p.Options)
}

// stanceErr builds the error of field name of stance i.
func stanceErr(i int, name string, s Stance, format string, args ...any) *FieldError {
	return fieldErr(fmt.Sprintf("stances[%d].%s", i, name), s.VoterID, format, args...)
}

// stance checks stance i and marks its voter as seen.
func (v *validator) stance(i int, s Stance) error {
	if s.VoterID == "" {
		return fieldErr(fmt.Sprintf("stances[%d].voter_id", i), "", "The stance has no voter.")
	}
	e, ok := v.eligible[s.VoterID]
	if !ok {
		return stanceErr(i, "voter_id", s, "This voter is not eligible to take a stance on the proposal.")
	}
	if v.seen[e] {
		return stanceErr(i, "voter_id", s, "This voter has more than one stance; a voter has one.")
	}
	v.seen[e] = true
	if v.method.isPoll() {
		return v.ballot(i, s)
	}
	return position(i, s)
}

// position checks a stance on a proposal that passes or fails. A block must say why
// and cite a principle, so that it can be heard as a principled objection.
func position(i int, s Stance) error {
	switch {
	case !slices.Contains(Positions, s.Position):
		return stanceErr(i, "position", s, "Unknown position %q; want agree, disagree, abstain, stand_aside or block.", s.Position)
	case s.Choice != "":
		return stanceErr(i, "choice", s, "Only a single-choice poll takes a choice.")
	case len(s.Ranking) > 0:
		return stanceErr(i, "ranking", s, "Only a ranked poll takes a ranking.")
	case s.Position != Block:
		return nil
	case strings.TrimSpace(s.Reason) == "":
		return stanceErr(i, "reason", s, "A block must give a reason.")
	case strings.TrimSpace(s.PrincipleID) == "":
		return stanceErr(i, "principle_id", s, "A block must cite a principle.")
	}
	return nil
}

// ballot checks stance i in a poll: a choice or a ranking, or an abstention.
func (v *validator) ballot(i int, s Stance) error {
	single := v.method == PollSingle
	_, known := v.options[s.Choice]
	switch {
	case s.Position == Abstain && (s.Choice != "" || len(s.Ranking) > 0):
		return stanceErr(i, "position", s, "An abstention names no option.")
	case s.Position == Abstain:
		return nil
	case s.Position != "":
		return stanceErr(i, "position", s, "In a poll a voter chooses options or abstains; %q is not possible.", s.Position)
	case single && len(s.Ranking) > 0:
		return stanceErr(i, "ranking", s, "A single-choice poll takes one choice, not a ranking.")
	case single && s.Choice == "":
		return stanceErr(i, "choice", s, "Choose an option, or abstain.")
	case single && !known:
		return stanceErr(i, "choice", s, "%q is not an option of this poll.", s.Choice)
	case single:
		return nil
	case s.Choice != "":
		return stanceErr(i, "choice", s, "A ranked poll takes a ranking, not a single choice.")
	case len(s.Ranking) == 0:
		return stanceErr(i, "ranking", s, "Rank at least one option, or abstain.")
	}
	for j, option := range s.Ranking {
		o, ok := v.options[option]
		if !ok {
			return stanceErr(i, fmt.Sprintf("ranking[%d]", j), s, "%q is not an option of this poll.", option)
		}
		if v.ranked[o] == i+1 {
			return stanceErr(i, fmt.Sprintf("ranking[%d]", j), s, "%q is ranked more than once.", option)
		}
		v.ranked[o] = i + 1
	}
	return nil
}
