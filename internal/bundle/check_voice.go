package bundle

import (
	"errors"
	"fmt"
	"strings"

	"github.com/braid-org/braid/internal/decide"
	"github.com/braid-org/braid/internal/domain"
)

// outcomeResults lists the results a stored outcome can have (internal/decide).
var outcomeResults = []string{string(decide.Passed), string(decide.Failed), string(decide.Blocked), string(decide.NoQuorum),
	string(decide.Tie), string(decide.Winner)}

// checkVoice checks the voice settings, proposals with their stances and outcomes, and
// stepping backs.
func checkVoice(b *Bundle, ix *index, r *report) {
	if s := b.VoiceSettings; s != nil {
		ds := domain.VoiceSettings{StancesBy: s.StancesBy, QueueOrder: s.QueueOrder}
		r.domainErrors("/voice_settings", ds.Validate())
		r.times("/voice_settings", map[string]*timeField{"updated_at": {t: &s.UpdatedAt}})
	}
	ids, optionIDs, stanceIDs := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range b.Proposals {
		p := &b.Proposals[i]
		path := fmt.Sprintf("/proposals/%d", i)
		checkProposal(b, ix, p, path, r)
		r.unique(ids, p.ID, i, path, "/proposals")
		options := map[string]bool{}
		for j, o := range p.Options {
			opath := fmt.Sprintf("%s/options/%d", path, j)
			r.unique(optionIDs, o.ID, 0, opath, "Another option")
			options[o.ID] = true
			if o.Position != j+1 {
				r.addUnlessCovered(opath+"/position", fmt.Sprintf("Options are numbered 1, 2, 3… in order; this one should be %d.", j+1))
			}
		}
		voters := map[string]int{}
		for j := range p.Stances {
			s := &p.Stances[j]
			spath := fmt.Sprintf("%s/stances/%d", path, j)
			r.unique(stanceIDs, s.ID, 0, spath, "Another stance")
			uniqueKey(r, voters, s.VoterID, j, spath+"/voter_id", path+"/stances", "is the same voter's stance; a voter has one")
			checkStance(ix, p, s, path, spath, r)
		}
		checkOutcome(ix, p, options, voters, path, r)
	}
	checkSteppingBacks(b, ix, r)
}

// checkProposal checks a proposal's own fields and that its status, times, stances and
// outcome tell the same story: a draft was never opened and has no stances, an open
// proposal has no outcome yet, a closed one has both dates and its outcome.
func checkProposal(b *Bundle, ix *index, p *Proposal, path string, r *report) {
	dp := p.toDomain(b.Coalition.ID)
	dp.Normalize()
	r.domainErrors(path, dp.Validate())
	p.Title, p.Body, p.PrincipleIDs = dp.Title, dp.Body, dp.PrincipleIDs
	for j := range p.Options {
		p.Options[j].Label = dp.Options[j].Label
	}
	if !domain.OneOf(p.Status, domain.ProposalStatuses) {
		r.addUnlessCovered(path+"/status", "Choose draft, open or closed.")
	}
	if !domain.OneOf(p.StancesBy, domain.StancesByValues) {
		r.addUnlessCovered(path+"/stances_by", "Choose organization or person.")
	}
	r.optionalReference(ix.orgs, p.AuthorOrganizationID, path+"/author_organization_id", "organization")
	for j, id := range p.PrincipleIDs {
		r.reference(ix.principles, id, fmt.Sprintf("%s/principle_ids/%d", path, j), "principle")
	}
	r.times(path, map[string]*timeField{"closes_at": {t: &p.ClosesAt}, "created_at": {t: &p.CreatedAt},
		"opened_at": {p: &p.OpenedAt}, "closed_at": {p: &p.ClosedAt}})
	switch p.Status {
	case domain.ProposalDraft:
		r.lifecycle(path+"/opened_at", p.OpenedAt != nil, "A draft has not opened yet.")
		r.lifecycle(path+"/stances", len(p.Stances) > 0, "A draft takes no stances.")
	case domain.ProposalOpen, domain.ProposalClosed:
		r.lifecycle(path+"/opened_at", p.OpenedAt == nil, "An open or closed proposal has the time it opened.")
	}
	closed := p.Status == domain.ProposalClosed
	r.lifecycle(path+"/closed_at", closed != (p.ClosedAt != nil), "A closed proposal, and only a closed one, has the time it closed.")
	r.lifecycle(path+"/outcome", closed != (p.Outcome != nil), "A closed proposal, and only a closed one, has its outcome.")
}

// lifecycle reports message at path when wrong.
func (r *report) lifecycle(path string, wrong bool, message string) {
	if wrong {
		r.addUnlessCovered(path, message)
	}
}

// checkStance checks one stance: its voter, the organization it speaks for, the
// principle it cites and, with the rules the count applies, its position or ballot.
func checkStance(ix *index, p *Proposal, s *Stance, proposalPath, path string, r *report) {
	s.Reason, s.Comment = strings.TrimSpace(s.Reason), strings.TrimSpace(s.Comment)
	var v domain.Validation
	domain.CheckText(&v, "reason", s.Reason, 0, domain.MaxText)
	domain.CheckText(&v, "comment", s.Comment, 0, domain.MaxText)
	r.domainErrors(path, v.Err())
	r.times(path, map[string]*timeField{"created_at": {t: &s.CreatedAt}, "updated_at": {t: &s.UpdatedAt}})
	okOrg := r.optionalReference(ix.orgs, s.OrganizationID, path+"/organization_id", "organization")
	if p.StancesBy == domain.StancesByOrganization && okOrg && s.VoterID != s.OrganizationID {
		r.addUnlessCovered(path+"/voter_id", "On a proposal decided by organization, the voter is the organization the stance speaks for.")
	}
	r.optionalReference(ix.principles, s.PrincipleID, path+"/principle_id", "principle")
	in := decide.Proposal{Method: decide.Method(p.Method), Eligible: []string{s.VoterID}, Quorum: 1,
		Stances: []decide.Stance{{VoterID: s.VoterID, Position: decide.Position(s.Position), Reason: s.Reason,
			PrincipleID: s.PrincipleID, Choice: s.Choice, Ranking: s.Ranking}}}
	for _, o := range p.Options {
		in.Options = append(in.Options, o.ID)
	}
	if s.VoterID == "" || r.covered(path) || r.paths[proposalPath+"/method"] || r.paths[proposalPath+"/options"] {
		return
	}
	_, err := decide.Decide(in)
	var fe *decide.FieldError
	if errors.As(err, &fe) && strings.HasPrefix(fe.Field, "stances[0].") {
		field := strings.TrimPrefix(fe.Field, "stances[0].")
		if i := strings.IndexByte(field, '['); i > 0 {
			field = field[:i]
		}
		r.addUnlessCovered(path+"/"+field, fe.Message)
	} else if errors.As(err, &fe) {
		r.addUnlessCovered(proposalPath+"/"+strings.Split(fe.Field, "[")[0], fe.Message)
	}
}

// checkOutcome checks that a closed proposal's outcome names its own options and voters.
func checkOutcome(ix *index, p *Proposal, options map[string]bool, voters map[string]int, path string, r *report) {
	o := p.Outcome
	if o == nil {
		return
	}
	opath := path + "/outcome"
	if !domain.OneOf(o.Result, outcomeResults) {
		r.addUnlessCovered(opath+"/result", "Choose passed, failed, blocked, no_quorum, tie or winner.")
	}
	option := func(id, at string) {
		if id != "" && !options[id] {
			r.addUnlessCovered(at, fmt.Sprintf("No option of this proposal has the id %q.", id))
		}
	}
	option(o.Winner, opath+"/winner")
	for j, id := range o.Tied {
		option(id, fmt.Sprintf("%s/tied/%d", opath, j))
	}
	for j, t := range o.Counts.Options {
		option(t.Option, fmt.Sprintf("%s/counts/options/%d/option", opath, j))
	}
	for j, bl := range o.Blocks {
		bpath := fmt.Sprintf("%s/blocks/%d", opath, j)
		if _, ok := voters[bl.VoterID]; !ok {
			r.addUnlessCovered(bpath+"/voter_id", "A block names a voter with a stance on this proposal.")
		}
		r.optionalReference(ix.principles, bl.PrincipleID, bpath+"/principle_id", "principle")
	}
}

func checkSteppingBacks(b *Bundle, ix *index, r *report) {
	ids := map[string]int{}
	for i := range b.SteppingBacks {
		s := &b.SteppingBacks[i]
		path := fmt.Sprintf("/stepping_backs/%d", i)
		s.Note = strings.TrimSpace(s.Note)
		var v domain.Validation
		if !domain.OneOf(s.Scope, domain.SteppingBackScopes) {
			v.Add("scope", "Choose coalition, role or workstream.")
		}
		if (s.Scope == domain.StepBackFromWorkstream) != (s.WorkstreamID != "") {
			v.Add("workstream_id", "A stepping back from a workstream names it; any other names none.")
		}
		if !domain.OneOf(s.Reason, domain.SteppingBackReasons) {
			v.Add("reason", "Choose capacity, resources, relationships, strategic or other.")
		}
		domain.CheckText(&v, "note", s.Note, 0, domain.MaxShort)
		r.domainErrors(path, v.Err())
		r.unique(ids, s.ID, i, path, "/stepping_backs")
		if r.reference(ix.members, s.MembershipID, path+"/membership_id", "membership") {
			if org := b.Memberships[ix.members[s.MembershipID]].OrganizationID; org != s.OrganizationID {
				r.addUnlessCovered(path+"/organization_id", fmt.Sprintf("The membership is that of the organization %q.", org))
			}
		}
		r.optionalReference(ix.workstreams, s.WorkstreamID, path+"/workstream_id", "workstream")
		r.times(path, map[string]*timeField{"starts_at": {t: &s.StartsAt}, "until": {p: &s.Until}, "ended_at": {p: &s.EndedAt}})
	}
}
