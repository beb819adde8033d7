package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// impactAlignment counts the member pairs that co-signed a letter or voted alike on a
// proposal closed in the twelve months before now.
func impactAlignment(ctx context.Context, tx *store.Tx, coalitionID string, members map[string]memberFacts, now time.Time) (ImpactAlignment, error) {
	n := len(members)
	out := ImpactAlignment{Pairs: n * (n - 1) / 2}
	pair := func(a, b string) [2]string {
		if b < a {
			a, b = b, a
		}
		return [2]string{a, b}
	}
	signed, err := tx.SignOnPairs(ctx, coalitionID)
	if err != nil {
		return out, err
	}
	coSigned := map[[2]string]bool{}
	for _, p := range signed {
		if _, ok := members[p.A]; !ok {
			continue
		}
		if _, ok := members[p.B]; ok {
			coSigned[pair(p.A, p.B)] = true
		}
	}
	letters, err := tx.ListLetters(ctx, coalitionID)
	if err != nil {
		return out, err
	}
	for _, l := range letters {
		if l.Status != domain.LetterDraft {
			out.Letters++
		}
	}
	coVoted, proposals, err := votedAlike(ctx, tx, coalitionID, members, now.AddDate(-1, 0, 0))
	if err != nil {
		return out, err
	}
	out.Proposals = proposals
	aligned := map[[2]string]bool{}
	for k := range coSigned {
		aligned[k] = true
	}
	for k := range coVoted {
		aligned[k] = true
	}
	out.CoSigned, out.CoVoted, out.Aligned = len(coSigned), len(coVoted), len(aligned)
	for k := range aligned {
		if members[k[0]].mostImpacted || members[k[1]].mostImpacted {
			out.AlignedWithMostImpacted++
		}
	}
	if out.Pairs > 0 {
		out.Share = float64(out.Aligned) / float64(out.Pairs)
	}
	return out, nil
}

// votedAlike returns the member pairs that took the same position (not abstaining) or
// made the same first choice on at least one proposal closed since since, and how many
// such proposals there were.
func votedAlike(ctx context.Context, tx *store.Tx, coalitionID string, members map[string]memberFacts, since time.Time) (map[[2]string]bool, int, error) {
	proposals, err := tx.ListProposals(ctx, coalitionID)
	if err != nil {
		return nil, 0, err
	}
	recent := map[string]bool{}
	for _, p := range proposals {
		if p.Status == domain.ProposalClosed && p.ClosedAt != nil && !p.ClosedAt.Before(since) {
			recent[p.ID] = true
		}
	}
	stances, err := tx.ListCoalitionStances(ctx, coalitionID)
	if err != nil {
		return nil, 0, err
	}
	// byProposal: proposal → the way voted → the member organizations that voted it.
	byProposal := map[string]map[string][]string{}
	for _, s := range stances {
		if !recent[s.ProposalID] || s.OrganizationID == "" {
			continue
		}
		if _, ok := members[s.OrganizationID]; !ok {
			continue
		}
		way := s.Position
		switch {
		case s.Choice != "":
			way = "choice:" + s.Choice
		case len(s.Ranking) > 0:
			way = "choice:" + s.Ranking[0]
		case way == "abstain" || way == "":
			continue
		}
		if byProposal[s.ProposalID] == nil {
			byProposal[s.ProposalID] = map[string][]string{}
		}
		orgs := byProposal[s.ProposalID][way]
		if !slices.Contains(orgs, s.OrganizationID) {
			byProposal[s.ProposalID][way] = append(orgs, s.OrganizationID)
		}
	}
	out := map[[2]string]bool{}
	for _, ways := range byProposal {
		for _, orgs := range ways {
			for i := range orgs {
				for j := i + 1; j < len(orgs); j++ {
					a, b := orgs[i], orgs[j]
					if b < a {
						a, b = b, a
					}
					out[[2]string{a, b}] = true
				}
			}
		}
	}
	return out, len(recent), nil
}

// impactPower counts the coalition's reach.
func impactPower(ctx context.Context, tx *store.Tx, coalitionID string, members map[string]memberFacts) (ImpactPower, error) {
	out := ImpactPower{Members: len(members), Geographies: []string{}, IssueAreas: []string{}}
	geo, issues := map[string]string{}, map[string]string{}
	ids := make([]string, 0, len(members))
	for id := range members {
		ids = append(ids, id)
	}
	slices.Sort(ids) // the first spelling of a place or an issue, in a stable order, is kept
	for _, id := range ids {
		m := members[id]
		if m.mostImpacted {
			out.MostImpacted++
		}
		if m.bipocLed {
			out.BipocLed++
		}
		for _, g := range m.geographies {
			if _, ok := geo[strings.ToLower(g)]; !ok {
				geo[strings.ToLower(g)] = g
			}
		}
		for _, i := range m.issues {
			if _, ok := issues[strings.ToLower(i)]; !ok {
				issues[strings.ToLower(i)] = i
			}
		}
	}
	for _, g := range geo {
		out.Geographies = append(out.Geographies, g)
	}
	for _, i := range issues {
		out.IssueAreas = append(out.IssueAreas, i)
	}
	slices.Sort(out.Geographies)
	slices.Sort(out.IssueAreas)
	people, err := tx.ListPeopleOfCoalition(ctx, coalitionID)
	if err != nil {
		return out, err
	}
	seen := map[string]bool{}
	for _, p := range people {
		if _, ok := members[p.OrganizationID]; ok {
			seen[p.Person.ID] = true
		}
	}
	out.People = len(seen)
	signatures, err := tx.ListCoalitionSignatures(ctx, coalitionID)
	if err != nil {
		return out, err
	}
	outside := map[string]bool{}
	for _, g := range signatures {
		if g.OrganizationID == "" && g.Status == domain.SignatureConfirmed {
			outside[g.DedupeKey] = true
		}
	}
	out.OutsideSigners = len(outside)
	return out, nil
}

// impactWins counts the wins of the last twelve months and the twelve before, by kind,
// and the most-impacted share of the recent wins' normalised credit.
func impactWins(ctx context.Context, tx *store.Tx, coalitionID string, members map[string]memberFacts, now time.Time) (ImpactWins, error) {
	out := ImpactWins{ByKind: map[string]int{}}
	wins, err := tx.ListWins(ctx, coalitionID, false)
	if err != nil {
		return out, err
	}
	yearAgo := now.AddDate(-1, 0, 0).Format(domain.DateLayout)
	twoYearsAgo := now.AddDate(-2, 0, 0).Format(domain.DateLayout)
	today := now.Format(domain.DateLayout)
	credited, mostImpacted := 0.0, 0.0
	for _, w := range wins {
		switch {
		case w.Date > yearAgo && w.Date <= today:
			out.LastTwelveMonths++
			out.ByKind[w.Kind]++
			for org, share := range w.Share() {
				credited += share
				if members[org].mostImpacted {
					mostImpacted += share
				}
			}
		case w.Date > twoYearsAgo && w.Date <= yearAgo:
			out.PreviousTwelve++
		}
	}
	if credited > 0 {
		out.CreditMostImpacted = mostImpacted / credited
	}
	return out, nil
}
