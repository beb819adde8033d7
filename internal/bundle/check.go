package bundle

import (
	"fmt"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// check runs what the schema cannot express: the domain's normalization and validation
// of every record, duplicate ids, references between records and sane times. It
// normalizes b in place and keeps the order of every array, so paths stay true.
func check(b *Bundle, r *report) {
	r.checkTime("/exported_at", b.ExportedAt)
	b.ExportedAt = canonicalTime(b.ExportedAt)
	checkCoalition(b, r)
	ix := &index{affiliated: map[[2]string]bool{}}
	ix.orgs = checkOrganizations(b, r)
	ix.people = checkPeople(b, ix, r)
	ix.members = checkMemberships(b, ix.orgs, r)
	ix.principles, ix.versions = checkPrinciples(b, r)
	checkAdoptions(b, ix.members, ix.versions, r)
	checkWork(b, ix, r)
	checkVoice(b, ix, r)
	checkCapacity(b, ix, r)
	checkNetwork(b, ix, r)
	checkLetters(b, ix, r)
	checkHealth(b, ix, r)
	checkMoney(b, ix, r)
	checkSpeaking(b, ix, r)
}

// index holds the ids of the records checked so far, by the index of each in its
// array, for the checks of the records that refer to them.
type index struct {
	orgs, people, members, principles, versions map[string]int
	// affiliated holds each (person, organization) pair of the bundle.
	affiliated                   map[[2]string]bool
	workstreams, meetings, tasks map[string]int
}

func checkCoalition(b *Bundle, r *report) {
	c := b.Coalition.toDomain()
	c.Normalize()
	r.domainErrors("/coalition", c.Validate())
	r.checkTime("/coalition/created_at", c.CreatedAt)
	r.checkTime("/coalition/updated_at", c.UpdatedAt)
	b.Coalition = fromCoalition(c)
}

// checkOrganizations returns the index of each organization by id.
func checkOrganizations(b *Bundle, r *report) map[string]int {
	ids := map[string]int{}
	for i := range b.Organizations {
		path := fmt.Sprintf("/organizations/%d", i)
		o := b.Organizations[i].toDomain()
		o.Normalize()
		r.domainErrors(path, o.Validate())
		r.unique(ids, o.ID, i, path, "/organizations")
		r.checkTime(path+"/created_at", o.CreatedAt)
		r.checkTime(path+"/updated_at", o.UpdatedAt)
		b.Organizations[i] = fromOrganization(o)
	}
	return ids
}

// checkPeople returns the index of each person by id and records affiliations in ix.
func checkPeople(b *Bundle, ix *index, r *report) map[string]int {
	orgs := ix.orgs
	ids := map[string]int{}
	for i := range b.People {
		p := &b.People[i]
		path := fmt.Sprintf("/people/%d", i)
		p.Name, p.Pronouns = strings.TrimSpace(p.Name), strings.TrimSpace(p.Pronouns)
		p.Languages = domain.CleanList(p.Languages)
		var v domain.Validation
		domain.CheckText(&v, "name", p.Name, 1, domain.MaxName)
		domain.CheckText(&v, "pronouns", p.Pronouns, 0, domain.MaxName)
		domain.CheckList(&v, "languages", p.Languages)
		r.domainErrors(path, v.Err())
		r.unique(ids, p.ID, i, path, "/people")
		r.checkTime(path+"/created_at", p.CreatedAt)
		p.CreatedAt = canonicalTime(p.CreatedAt)
		seen := map[string]bool{}
		for j := range p.Affiliations {
			a := &p.Affiliations[j]
			apath := fmt.Sprintf("%s/affiliations/%d", path, j)
			a.Title = strings.TrimSpace(a.Title)
			r.reference(orgs, a.OrganizationID, apath+"/organization_id", "organization")
			if seen[a.OrganizationID] {
				r.addUnlessCovered(apath+"/organization_id", "This person is already affiliated with this organization.")
			}
			seen[a.OrganizationID] = true
			ix.affiliated[[2]string{p.ID, a.OrganizationID}] = true
		}
	}
	return ids
}

// checkMemberships returns the index of each membership by id.
func checkMemberships(b *Bundle, orgs map[string]int, r *report) map[string]int {
	ids := map[string]int{}
	memberOrgs := map[string]int{}
	for i := range b.Memberships {
		m := &b.Memberships[i]
		path := fmt.Sprintf("/memberships/%d", i)
		m.StatusReason = strings.TrimSpace(m.StatusReason)
		dm := m.toDomain(b.Coalition.ID)
		r.domainErrors(path, dm.Validate())
		r.unique(ids, m.ID, i, path, "/memberships")
		if r.reference(orgs, m.OrganizationID, path+"/organization_id", "organization") {
			if prev, dup := memberOrgs[m.OrganizationID]; dup {
				r.addUnlessCovered(path+"/organization_id", fmt.Sprintf("This organization already has a membership (/memberships/%d).", prev))
			} else {
				memberOrgs[m.OrganizationID] = i
			}
		}
		r.checkTime(path+"/joined_at", m.JoinedAt)
		if m.Status == domain.StatusLeft && m.LeftAt == nil {
			r.addUnlessCovered(path+"/left_at", "A membership that has left needs the date it left.")
		} else if m.Status != domain.StatusLeft && m.LeftAt != nil {
			r.addUnlessCovered(path+"/left_at", "Only a membership that has left has a date it left.")
		} else if m.LeftAt != nil {
			r.checkTime(path+"/left_at", *m.LeftAt)
		}
		m.JoinedAt, m.LeftAt = canonicalTime(m.JoinedAt), canonicalTimePtr(m.LeftAt)
	}
	for id, i := range orgs {
		if _, ok := memberOrgs[id]; !ok {
			r.addUnlessCovered(fmt.Sprintf("/organizations/%d", i), "This organization has no membership in the coalition; a bundle holds member organizations only.")
		}
	}
	return ids
}

// checkPrinciples returns the principles and the versions by id.
func checkPrinciples(b *Bundle, r *report) (map[string]int, map[string]int) {
	ids, versions := map[string]int{}, map[string]int{}
	for i := range b.Principles {
		p := &b.Principles[i]
		path := fmt.Sprintf("/principles/%d", i)
		r.unique(ids, p.ID, i, path, "/principles")
		r.checkTime(path+"/created_at", p.CreatedAt)
		p.CreatedAt = canonicalTime(p.CreatedAt)
		for j := range p.Versions {
			v := &p.Versions[j]
			vpath := fmt.Sprintf("%s/versions/%d", path, j)
			dv := domain.PrincipleVersion{Title: v.Title, Body: v.Body}
			r.domainErrors(vpath, dv.Validate())
			v.Title, v.Body = dv.Title, dv.Body
			if v.Version != j+1 {
				r.addUnlessCovered(vpath+"/version", fmt.Sprintf("Versions are numbered 1, 2, 3… in order; this one should be %d.", j+1))
			}
			r.unique(versions, v.ID, 0, vpath, "Another principle version")
			r.checkTime(vpath+"/created_at", v.CreatedAt)
			v.CreatedAt = canonicalTime(v.CreatedAt)
		}
	}
	return ids, versions
}

func checkAdoptions(b *Bundle, members, versions map[string]int, r *report) {
	ids := map[string]int{}
	pairs := map[[2]string]int{}
	for i := range b.Adoptions {
		a := &b.Adoptions[i]
		path := fmt.Sprintf("/adoptions/%d", i)
		r.unique(ids, a.ID, i, path, "/adoptions")
		okM := r.reference(members, a.MembershipID, path+"/membership_id", "membership")
		okV := r.reference(versions, a.PrincipleVersionID, path+"/principle_version_id", "principle version")
		if okM && okV {
			key := [2]string{a.MembershipID, a.PrincipleVersionID}
			if prev, dup := pairs[key]; dup {
				r.addUnlessCovered(path, fmt.Sprintf("This membership already adopted this version (/adoptions/%d).", prev))
			} else {
				pairs[key] = i
			}
		}
		r.checkTime(path+"/adopted_at", a.AdoptedAt)
		a.AdoptedAt = canonicalTime(a.AdoptedAt)
	}
}

// domainErrors reports the field errors of a domain validation under prefix.
func (r *report) domainErrors(prefix string, err error) {
	for _, f := range domain.ErrorFields(err) {
		r.addUnlessCovered(prefix+"/"+strings.ReplaceAll(strings.TrimPrefix(f.Field, "/"), ".", "/"), f.Message)
	}
}

// unique records id at index i of the array at list (a JSON pointer, or a description
// for records spread over several arrays) and reports a repeated id.
func (r *report) unique(ids map[string]int, id string, i int, path, list string) {
	if id == "" {
		return
	}
	if prev, dup := ids[id]; dup {
		if strings.HasPrefix(list, "/") {
			r.addUnlessCovered(path+"/id", fmt.Sprintf("%s/%d has the same id.", list, prev))
		} else {
			r.addUnlessCovered(path+"/id", list+" has the same id.")
		}
		return
	}
	ids[id] = i
}

// reference reports an id that names no record of the bundle; it returns whether it does.
func (r *report) reference(ids map[string]int, id, path, what string) bool {
	if _, ok := ids[id]; ok {
		return true
	}
	if id != "" {
		r.addUnlessCovered(path, fmt.Sprintf("No %s in this bundle has the id %q.", what, id))
	}
	return false
}

// checkTime refuses times the store cannot keep as they are: before 1970 (a missing
// time reads as year 1) or after year 9999 in UTC.
func (r *report) checkTime(path string, t time.Time) {
	if y := t.UTC().Year(); y < 1970 || y > 9999 {
		r.addUnlessCovered(path, "Use a date and time between 1970 and 9999.")
	}
}
