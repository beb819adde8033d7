package bundle

import (
	"fmt"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

// askStates lists the states of an ask or offer.
var askStates = []string{domain.ExchangeOpen, domain.ExchangeFulfilled, domain.ExchangeClosed}

// checkCapacity checks the power map, asks and offers and skill needs.
func checkCapacity(b *Bundle, ix *index, r *report) {
	checkTargets(b, ix, r)
	checkAsksOffers(b, ix, r)
	seen := map[string]int{}
	for i := range b.SkillNeeds {
		path := fmt.Sprintf("/skill_needs/%d", i)
		b.SkillNeeds[i] = strings.Join(strings.Fields(b.SkillNeeds[i]), " ")
		var v domain.Validation
		domain.CheckText(&v, "", b.SkillNeeds[i], 1, domain.MaxName)
		for _, f := range v.Fields {
			r.addUnlessCovered(path, f.Message)
		}
		uniqueKey(r, seen, b.SkillNeeds[i], i, path, "/skill_needs", "is the same skill")
	}
}

func checkTargets(b *Bundle, ix *index, r *report) {
	ids, assessmentIDs := map[string]int{}, map[string]int{}
	for i := range b.Targets {
		t := &b.Targets[i]
		path := fmt.Sprintf("/targets/%d", i)
		dt := domain.Target{Campaign: t.Campaign, Name: t.Name, Kind: t.Kind, Title: t.Title, Note: t.Note}
		dt.Normalize()
		r.domainErrors(path, dt.Validate())
		t.Campaign, t.Name, t.Title, t.Note = dt.Campaign, dt.Name, dt.Title, dt.Note
		r.unique(ids, t.ID, i, path, "/targets")
		r.times(path, map[string]*timeField{"created_at": {t: &t.CreatedAt}, "updated_at": {t: &t.UpdatedAt}})
		for j := range t.Assessments {
			a := &t.Assessments[j]
			apath := fmt.Sprintf("%s/assessments/%d", path, j)
			da := domain.TargetAssessment{Influence: a.Influence, Stance: a.Stance, AssessedOn: a.AssessedOn, Note: a.Note}
			r.domainErrors(apath, da.Validate())
			a.AssessedOn, a.Note = da.AssessedOn, da.Note
			r.unique(assessmentIDs, a.ID, 0, apath, "Another assessment")
			r.times(apath, map[string]*timeField{"created_at": {t: &a.CreatedAt}})
		}
		access := map[string]int{}
		for j := range t.Access {
			a := &t.Access[j]
			apath := fmt.Sprintf("%s/access/%d", path, j)
			da := domain.TargetAccess{Strength: a.Strength, Note: a.Note}
			r.domainErrors(apath, da.Validate())
			a.Note = da.Note
			if r.reference(ix.orgs, a.OrganizationID, apath+"/organization_id", "organization") {
				uniqueKey(r, access, a.OrganizationID, j, apath+"/organization_id", path+"/access", "is the same organization's access")
			}
			r.times(apath, map[string]*timeField{"updated_at": {t: &a.UpdatedAt}})
		}
	}
}

func checkAsksOffers(b *Bundle, ix *index, r *report) {
	ids, responseIDs, helpIDs := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range b.AsksOffers {
		a := &b.AsksOffers[i]
		path := fmt.Sprintf("/asks_offers/%d", i)
		da := domain.AskOffer{Kind: a.Kind, Title: a.Title, Body: a.Body}
		r.domainErrors(path, da.Validate())
		a.Title, a.Body, a.NeededBy = da.Title, da.Body, strings.TrimSpace(a.NeededBy)
		var v domain.Validation
		domain.CheckDate(&v, "needed_by", a.NeededBy)
		if !domain.OneOf(a.State, askStates) {
			v.Add("state", "Choose open, fulfilled or closed.")
		}
		r.domainErrors(path, v.Err())
		r.unique(ids, a.ID, i, path, "/asks_offers")
		r.reference(ix.orgs, a.OrganizationID, path+"/organization_id", "organization")
		r.times(path, map[string]*timeField{"created_at": {t: &a.CreatedAt}, "updated_at": {t: &a.UpdatedAt}})
		responders := map[string]int{}
		for j := range a.Responses {
			res := &a.Responses[j]
			rpath := fmt.Sprintf("%s/responses/%d", path, j)
			res.Body = strings.TrimSpace(res.Body)
			var v domain.Validation
			domain.CheckText(&v, "body", res.Body, 0, domain.MaxText)
			r.domainErrors(rpath, v.Err())
			r.unique(responseIDs, res.ID, 0, rpath, "Another response")
			if r.reference(ix.orgs, res.OrganizationID, rpath+"/organization_id", "organization") {
				uniqueKey(r, responders, res.OrganizationID, j, rpath+"/organization_id", path+"/responses", "is the same organization's response")
			}
			r.times(rpath, map[string]*timeField{"created_at": {t: &res.CreatedAt}})
		}
		if h := a.Help; h != nil {
			hpath := path + "/help"
			r.unique(helpIDs, h.ID, 0, hpath, "Another help record")
			r.reference(ix.orgs, h.FromOrganizationID, hpath+"/from_organization_id", "organization")
			r.reference(ix.orgs, h.ToOrganizationID, hpath+"/to_organization_id", "organization")
			r.lifecycle(hpath, a.State != domain.ExchangeFulfilled, "Only a fulfilled ask or offer has help recorded.")
			r.times(hpath, map[string]*timeField{"recorded_at": {t: &h.RecordedAt}})
		}
	}
}
