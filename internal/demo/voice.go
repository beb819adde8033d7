package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// proposalSeed is a past proposal of the housing coalition with the stances its member
// organizations took, by the index of the membership among the coalition's.
type proposalSeed struct {
	title, body, method string
	quorum              float64
	openDay, closeDay   int
	options             []string
	author              int
	stances             map[int]stanceSeed
}

type stanceSeed struct {
	position, comment, reason string
	ranking                   []int // indexes into options
	choice                    int   // 1-based index into options; 0 for none
}

var housingProposals = []proposalSeed{
	{title: "Endorse the tenant opportunity to purchase ordinance draft", method: "consent", quorum: 0.5, openDay: 250, closeDay: 257, author: 0,
		body: "The drafting group's text gives tenants the first right to buy when a building is sold. We endorse it as the coalition's position.",
		stances: map[int]stanceSeed{0: {position: "agree"}, 1: {position: "agree"}, 2: {position: "stand_aside", comment: "Our board has not discussed it yet."},
			3: {position: "disagree", comment: "The 90-day window is too short for small land trusts."}, 4: {position: "agree"}}},
	{title: "Where to hold the spring assembly", method: "poll_ranked", quorum: 0.5, openDay: 262, closeDay: 269, author: 1,
		body: "Rank the places you could get your members to.", options: []string{"Cedar community room", "Central library", "Union hall"},
		stances: map[int]stanceSeed{0: {ranking: []int{0, 1}}, 1: {ranking: []int{1, 0}}, 2: {ranking: []int{2, 1}}, 3: {ranking: []int{0}}, 4: {ranking: []int{2, 0}}}},
	{title: "Accept the developer's sponsorship of the assembly", method: "consensus", quorum: 0.3, openDay: 280, closeDay: 284, author: 3,
		body: "A developer building on the Cedar block offered to pay for the assembly's food and childcare.",
		stances: map[int]stanceSeed{0: {position: "block", reason: "Taking money from a developer we are organizing against compromises our independence."},
			1: {position: "stand_aside"}, 3: {position: "agree"}, 4: {position: "disagree", comment: "Ask our funders instead."}}},
}

// seedVoice writes past proposals of the first coalition with their stances, and closes
// them through the application's own count, so their outcomes are real.
func seedVoice(ctx context.Context, tx *store.Tx, w *world) error {
	c := w.coalitions[0]
	var members []domain.Membership
	for _, m := range w.memberships {
		if m.CoalitionID == c.ID && m.Status == domain.StatusActive && m.Role != domain.RoleObserver {
			members = append(members, m)
		}
	}
	var principle string
	for _, p := range w.principles {
		if p.CoalitionID == c.ID {
			principle = p.ID
			break
		}
	}
	for _, s := range housingProposals {
		if err := seedProposal(ctx, tx, c, members, principle, s); err != nil {
			return fmt.Errorf("proposal %q: %w", s.title, err)
		}
	}
	return app.CloseDueInTx(ctx, tx, c.ID)
}

func seedProposal(ctx context.Context, tx *store.Tx, c domain.Coalition, members []domain.Membership, principle string, s proposalSeed) error {
	opened := day(s.openDay)
	p := &domain.Proposal{CoalitionID: c.ID, Title: s.title, Body: s.body, Method: s.method, Quorum: s.quorum,
		ClosesAt: day(s.closeDay), Status: domain.ProposalOpen, StancesBy: domain.StancesByOrganization,
		AuthorOrganizationID: members[s.author].OrganizationID, PrincipleIDs: []string{principle}, CreatedAt: opened, OpenedAt: &opened}
	for _, label := range s.options {
		p.Options = append(p.Options, domain.ProposalOption{Label: label})
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	if err := tx.CreateProposal(ctx, p); err != nil {
		return err
	}
	for i, st := range s.stances {
		if i >= len(members) {
			continue
		}
		org := members[i].OrganizationID
		stance := &domain.Stance{ProposalID: p.ID, VoterID: org, OrganizationID: org, Position: st.position,
			Comment: st.comment, Reason: st.reason, UpdatedAt: opened.Add(time.Duration(i+1) * 7 * time.Hour)}
		if st.position == "block" {
			stance.PrincipleID = principle
		}
		for _, k := range st.ranking {
			stance.Ranking = append(stance.Ranking, p.Options[k].ID)
		}
		if st.choice > 0 {
			stance.Choice = p.Options[st.choice-1].ID
		}
		if err := tx.PutStance(ctx, stance); err != nil {
			return err
		}
	}
	return nil
}
