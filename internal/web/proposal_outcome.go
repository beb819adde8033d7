package web

import (
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

// outcomeView is a closed proposal's outcome in the reader's language.
type outcomeView struct {
	Result   string
	Key      string // The result's stable name, for styling.
	Lines    []lineView
	Counts   domain.OutcomeCounts
	Tallies  []tallyView
	Rounds   []roundView
	Blocks   []blockView
	Excluded int
	Poll     bool
}

type lineView struct {
	Text, Arithmetic string
	Holds            bool
}

type tallyView struct {
	Label string
	Votes int
}

type roundView struct {
	Number, Continuing, Exhausted, NewlyExhausted int
	Tallies, Transfers                            []tallyView
	Eliminated                                    string
}

type blockView struct{ Voter, Principle, Reason string }

func newOutcomeView(p *Page, pr *domain.Proposal, names, titles map[string]string) *outcomeView {
	o := pr.Outcome
	labels := map[string]string{}
	for _, opt := range pr.Options {
		labels[opt.ID] = opt.Label
	}
	v := &outcomeView{Key: o.Result, Counts: o.Counts, Excluded: o.Excluded, Poll: domain.IsPollMethod(pr.Method),
		Tallies: tallyViews(o.Counts.Options, labels)}
	v.Result = p.T("proposal.result."+o.Result, "Options", joinLabels(o.Tied, labels), "Winner", labels[o.Winner])
	for _, l := range o.Explanation {
		if l.Rule == "result" {
			continue
		}
		v.Lines = append(v.Lines, lineView{Text: lineText(p, l, labels), Arithmetic: l.Arithmetic, Holds: l.Holds})
	}
	for _, r := range o.Rounds {
		v.Rounds = append(v.Rounds, roundView{Number: r.Number, Continuing: r.Continuing, Exhausted: r.Exhausted,
			NewlyExhausted: r.NewlyExhausted, Tallies: tallyViews(r.Tallies, labels), Transfers: tallyViews(r.Transfers, labels),
			Eliminated: labels[r.Eliminated]})
	}
	for _, b := range o.Blocks {
		v.Blocks = append(v.Blocks, blockView{Voter: names[b.VoterID], Principle: titles[b.PrincipleID], Reason: b.Reason})
	}
	return v
}

func tallyViews(ts []domain.OptionTally, labels map[string]string) []tallyView {
	var out []tallyView
	for _, t := range ts {
		out = append(out, tallyView{Label: labels[t.Option], Votes: t.Votes})
	}
	return out
}

func joinLabels(ids []string, labels map[string]string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		names = append(names, labels[id])
	}
	return strings.Join(names, ", ")
}

// lineText translates one line of the explanation. The message id is the rule and, for
// rules that pass or fail, whether it held; every number of the line is passed under
// its name in CamelCase (stand_aside → StandAside), with the options as labels.
func lineText(p *Page, l domain.OutcomeLine, labels map[string]string) string {
	id := "proposal.rule." + l.Rule
	switch l.Rule {
	case "quorum", "consent", "consensus", "majority", "supermajority", "plurality", "runoff_round":
		id += map[bool]string{true: ".yes", false: ".no"}[l.Holds]
	case "runoff_elimination":
		id += "." + map[string]string{"": "fewest", "earlier_round": "earlier_round", "byte_order": "byte_order"}[l.TieBreak]
	case "result":
		return ""
	}
	args := []any{"Threshold", l.Threshold, "Options", joinLabels(l.Options, labels), "First", ""}
	if len(l.Options) > 0 {
		args[5] = labels[l.Options[0]]
	}
	for name, n := range l.Values {
		args = append(args, camel(name), n)
	}
	return p.T(id, args...)
}

func camel(snake string) string {
	parts := strings.Split(snake, "_")
	for i, s := range parts {
		if s != "" {
			parts[i] = strings.ToUpper(s[:1]) + s[1:]
		}
	}
	return strings.Join(parts, "")
}
