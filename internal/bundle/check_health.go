package bundle

import (
	"fmt"
	"slices"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
)

// checkHealth checks check-ins (known instrument, ratings 1–5 of its statements, groups
// yes/no/not_said) and tensions (kind, state, visibility, parties and principles of the bundle).
func checkHealth(b *Bundle, ix *index, r *report) {
	ids, responseIDs := map[string]int{}, map[string]int{}
	for i := range b.CheckIns {
		c := &b.CheckIns[i]
		path := fmt.Sprintf("/check_ins/%d", i)
		dc := domain.CheckIn{Title: c.Title}
		r.domainErrors(path, dc.Validate())
		c.Title = dc.Title
		if c.Instrument != health.InstrumentVersion {
			r.addUnlessCovered(path+"/instrument", fmt.Sprintf("This deployment reads check-ins of instrument version %d.", health.InstrumentVersion))
		}
		r.unique(ids, c.ID, i, path, "/check_ins")
		r.times(path, map[string]*timeField{"opened_at": {t: &c.OpenedAt}, "closed_at": {t: &c.ClosedAt}})
		for j := range c.Responses {
			resp := &c.Responses[j]
			rpath := fmt.Sprintf("%s/responses/%d", path, j)
			r.unique(responseIDs, resp.ID, 0, rpath, "Another response")
			for key, rating := range resp.Ratings {
				if !health.IsStatement(key) {
					r.addUnlessCovered(rpath+"/ratings/"+key, "The instrument has no such statement.")
				} else if rating < 1 || rating > 5 {
					r.addUnlessCovered(rpath+"/ratings/"+key, "Ratings go from 1 to 5.")
				}
			}
			for field, v := range map[string]string{"bipoc_led": resp.BipocLed, "most_impacted": resp.MostImpacted} {
				if !slices.Contains(domain.BipocLedValues, v) {
					r.addUnlessCovered(rpath+"/"+field, `Use "yes", "no" or "not_said".`)
				}
			}
		}
	}
	checkTensions(b, ix, r)
}

func checkTensions(b *Bundle, ix *index, r *report) {
	ids, entryIDs := map[string]int{}, map[string]int{}
	for i := range b.Tensions {
		t := &b.Tensions[i]
		path := fmt.Sprintf("/tensions/%d", i)
		dt := domain.Tension{Title: t.Title, Description: t.Description, Kind: t.Kind}
		for _, p := range t.Parties {
			dt.Parties = append(dt.Parties, domain.TensionParty{Type: p.Type, ID: p.ID})
		}
		r.domainErrors(path, dt.Validate())
		t.Title, t.Description = dt.Title, dt.Description
		if !domain.OneOf(t.State, domain.TensionStates) {
			r.addUnlessCovered(path+"/state", "Choose one of the states of a tension.")
		}
		if t.Visibility != domain.VisibilityParties && t.Visibility != domain.VisibilityCoalition {
			r.addUnlessCovered(path+"/visibility", "Choose parties_and_facilitators or coalition.")
		}
		r.unique(ids, t.ID, i, path, "/tensions")
		for j, p := range t.Parties {
			r.reference(ix.orgs, p.ID, fmt.Sprintf("%s/parties/%d/id", path, j), "organization")
		}
		for j, id := range t.PrincipleIDs {
			r.reference(ix.principles, id, fmt.Sprintf("%s/principle_ids/%d", path, j), "principle")
		}
		for j := range t.Entries {
			r.unique(entryIDs, t.Entries[j].ID, 0, fmt.Sprintf("%s/entries/%d", path, j), "Another entry")
			r.times(fmt.Sprintf("%s/entries/%d", path, j), map[string]*timeField{"created_at": {t: &t.Entries[j].CreatedAt}})
		}
		r.times(path, map[string]*timeField{"created_at": {t: &t.CreatedAt}, "updated_at": {t: &t.UpdatedAt}})
	}
}
