package bundle

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/braid-org/braid/internal/domain"
)

// VoiceContents is the coalition's voice as domain values (see Contents).
type VoiceContents struct {
	VoiceSettings *domain.VoiceSettings // nil when the coalition keeps the defaults
	Proposals     []domain.Proposal     // each with its Options, PrincipleIDs and Outcome
	Stances       []domain.Stance
	SteppingBacks []domain.SteppingBack
}

// addVoice adds c's voice to b. Authors, users behind stances and whoever recorded a
// stepping back are accounts and are left out; a voter that is an account gets a
// pseudonym (see Stance).
func (b *Bundle) addVoice(c VoiceContents) {
	if s := c.VoiceSettings; s != nil {
		b.VoiceSettings = &VoiceSettings{StancesBy: s.StancesBy, QueueOrder: s.QueueOrder, UpdatedAt: canonicalTime(s.UpdatedAt)}
	}
	index := map[string]int{}
	for _, p := range c.Proposals {
		out := Proposal{ID: p.ID, Title: p.Title, Body: p.Body, Method: p.Method, StancesBy: p.StancesBy, Quorum: p.Quorum,
			ClosesAt: canonicalTime(p.ClosesAt), Status: p.Status, AuthorOrganizationID: p.AuthorOrganizationID,
			PrincipleIDs: slices.Sorted(slices.Values(orEmpty(p.PrincipleIDs))), Options: []ProposalOption{},
			CreatedAt: canonicalTime(p.CreatedAt), OpenedAt: canonicalTimePtr(p.OpenedAt), ClosedAt: canonicalTimePtr(p.ClosedAt),
			Outcome: copyOutcome(p.Outcome), Stances: []Stance{}}
		for _, o := range p.Options {
			out.Options = append(out.Options, ProposalOption(o))
		}
		index[p.ID] = len(b.Proposals)
		b.Proposals = append(b.Proposals, out)
	}
	for _, s := range c.Stances {
		if i, ok := index[s.ProposalID]; ok {
			b.Proposals[i].Stances = append(b.Proposals[i].Stances, Stance{ID: s.ID, VoterID: s.VoterID, OrganizationID: s.OrganizationID,
				Position: s.Position, Choice: s.Choice, Ranking: orEmpty(slices.Clone(s.Ranking)), Reason: s.Reason, PrincipleID: s.PrincipleID,
				Comment: s.Comment, CreatedAt: canonicalTime(s.CreatedAt), UpdatedAt: canonicalTime(s.UpdatedAt)})
		}
	}
	for _, s := range c.SteppingBacks {
		b.SteppingBacks = append(b.SteppingBacks, SteppingBack{ID: s.ID, MembershipID: s.MembershipID, OrganizationID: s.OrganizationID,
			Scope: s.Scope, WorkstreamID: s.WorkstreamID, Reason: s.Reason, Note: s.Note, StartsAt: canonicalTime(s.StartsAt), Until: canonicalTimePtr(s.Until),
			EndedAt: canonicalTimePtr(s.EndedAt)})
	}
}

// pseudonymizeVoters replaces the account of every voter on a proposal decided by
// person, in stances and in outcomes, by voter-1, voter-2… in the order the sorted
// bundle first names them, so that the same account has the same pseudonym across the
// bundle and an imported bundle exports with the same pseudonyms again.
func (b *Bundle) pseudonymizeVoters() {
	names := map[string]string{}
	pseudonym := func(id string) string {
		if _, ok := names[id]; !ok {
			names[id] = fmt.Sprintf("voter-%d", len(names)+1)
		}
		return names[id]
	}
	for i := range b.Proposals {
		p := &b.Proposals[i]
		if p.StancesBy != domain.StancesByPerson {
			continue
		}
		for j := range p.Stances {
			p.Stances[j].VoterID = pseudonym(p.Stances[j].VoterID)
		}
		if p.Outcome != nil {
			for j := range p.Outcome.Blocks {
				p.Outcome.Blocks[j].VoterID = pseudonym(p.Outcome.Blocks[j].VoterID)
			}
			slices.SortStableFunc(p.Outcome.Blocks, func(x, y domain.OutcomeBlock) int { return cmp.Compare(x.VoterID, y.VoterID) })
		}
	}
}

// copyOutcome copies what pseudonymizeVoters changes, so that New never changes its input.
func copyOutcome(o *domain.Outcome) *domain.Outcome {
	if o == nil {
		return nil
	}
	c := *o
	c.Blocks = slices.Clone(o.Blocks)
	return &c
}

// sortVoice orders proposals, their stances and stepping backs by id (options by
// position, principles by id) and replaces nil arrays by empty ones.
func (b *Bundle) sortVoice() {
	b.Proposals, b.SteppingBacks = orEmpty(b.Proposals), orEmpty(b.SteppingBacks)
	slices.SortFunc(b.Proposals, func(x, y Proposal) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Proposals {
		p := &b.Proposals[i]
		p.PrincipleIDs, p.Options, p.Stances = orEmpty(p.PrincipleIDs), orEmpty(p.Options), orEmpty(p.Stances)
		slices.SortFunc(p.Options, func(x, y ProposalOption) int { return cmp.Compare(x.Position, y.Position) })
		slices.SortFunc(p.Stances, func(x, y Stance) int { return cmp.Compare(x.ID, y.ID) })
	}
	slices.SortFunc(b.SteppingBacks, func(x, y SteppingBack) int { return cmp.Compare(x.ID, y.ID) })
}

// voice returns the bundle's voice as domain values; authors and users are empty.
func (b *Bundle) voice() VoiceContents {
	var c VoiceContents
	coalition := b.Coalition.ID
	if s := b.VoiceSettings; s != nil {
		c.VoiceSettings = &domain.VoiceSettings{CoalitionID: coalition, StancesBy: s.StancesBy, QueueOrder: s.QueueOrder, UpdatedAt: s.UpdatedAt}
	}
	for _, p := range b.Proposals {
		c.Proposals = append(c.Proposals, p.toDomain(coalition))
		for _, s := range p.Stances {
			c.Stances = append(c.Stances, s.toDomain(p.ID))
		}
	}
	for _, s := range b.SteppingBacks {
		c.SteppingBacks = append(c.SteppingBacks, s.toDomain(coalition))
	}
	return c
}

func (p Proposal) toDomain(coalitionID string) domain.Proposal {
	out := domain.Proposal{ID: p.ID, CoalitionID: coalitionID, Title: p.Title, Body: p.Body, Method: p.Method, StancesBy: p.StancesBy,
		Quorum: p.Quorum, ClosesAt: p.ClosesAt, Status: p.Status, AuthorOrganizationID: p.AuthorOrganizationID,
		PrincipleIDs: slices.Clone(orEmpty(p.PrincipleIDs)), Options: []domain.ProposalOption{}, CreatedAt: p.CreatedAt,
		OpenedAt: p.OpenedAt, ClosedAt: p.ClosedAt, Outcome: p.Outcome, Version: 1}
	for _, o := range p.Options {
		out.Options = append(out.Options, domain.ProposalOption(o))
	}
	return out
}

func (s Stance) toDomain(proposalID string) domain.Stance {
	return domain.Stance{ID: s.ID, ProposalID: proposalID, VoterID: s.VoterID, OrganizationID: s.OrganizationID, Position: s.Position,
		Choice: s.Choice, Ranking: slices.Clone(orEmpty(s.Ranking)), Reason: s.Reason, PrincipleID: s.PrincipleID, Comment: s.Comment,
		CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}
}

func (s SteppingBack) toDomain(coalitionID string) domain.SteppingBack {
	return domain.SteppingBack{ID: s.ID, CoalitionID: coalitionID, MembershipID: s.MembershipID, OrganizationID: s.OrganizationID,
		Scope: s.Scope, WorkstreamID: s.WorkstreamID, Reason: s.Reason, Note: s.Note, StartsAt: s.StartsAt, Until: s.Until, EndedAt: s.EndedAt}
}
