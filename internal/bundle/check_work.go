package bundle

import (
	"fmt"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// checkWork checks the work records: each against the domain's rules, ids unique,
// references to records of the bundle, and what the database keeps unique.
func checkWork(b *Bundle, ix *index, r *report) {
	ix.workstreams = checkWorkstreams(b, ix, r)
	ix.meetings = checkMeetings(b, ix, r)
	ix.tasks = checkTasks(b, ix, r)
	checkActionItems(b, ix, r)
	checkAttendance(b, ix, r)
	checkCommitments(b, ix, r)
	checkPhaseChanges(b, r)
	checkWins(b, ix, r)
}

func checkWorkstreams(b *Bundle, ix *index, r *report) map[string]int {
	ids, seatIDs, names := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range b.Workstreams {
		w := &b.Workstreams[i]
		path := fmt.Sprintf("/workstreams/%d", i)
		dw := domain.Workstream{Name: w.Name, Description: w.Description}
		r.domainErrors(path, dw.Validate())
		w.Name, w.Description = dw.Name, dw.Description
		r.unique(ids, w.ID, i, path, "/workstreams")
		uniqueKey(r, names, w.Name, i, path+"/name", "/workstreams", "has the same name")
		r.times(path, map[string]*timeField{"created_at": {t: &w.CreatedAt}, "updated_at": {t: &w.UpdatedAt}})
		seats := map[[2]string]int{}
		for j := range w.Seats {
			s := &w.Seats[j]
			spath := fmt.Sprintf("%s/seats/%d", path, j)
			r.unique(seatIDs, s.ID, 0, spath, "Another seat")
			if !domain.OneOf(s.Role, domain.WorkstreamRoles) {
				r.addUnlessCovered(spath+"/role", "Choose lead, co_lead or member.")
			}
			if r.reference(ix.orgs, s.OrganizationID, spath+"/organization_id", "organization") {
				r.person(ix, s.PersonID, s.OrganizationID, spath+"/person_id")
				uniqueKey(r, seats, [2]string{s.OrganizationID, s.PersonID}, j, spath, path+"/seats", "gives the same organization and person a seat")
			}
			r.times(spath, map[string]*timeField{"created_at": {t: &s.CreatedAt}})
		}
	}
	return ids
}

func checkTasks(b *Bundle, ix *index, r *report) map[string]int {
	ids := map[string]int{}
	for i := range b.Tasks {
		t := &b.Tasks[i]
		path := fmt.Sprintf("/tasks/%d", i)
		dt := t.toDomain(b.Coalition.ID)
		r.domainErrors(path, dt.Validate())
		t.Title, t.Description, t.DueOn = dt.Title, dt.Description, dt.DueOn
		r.unique(ids, t.ID, i, path, "/tasks")
		r.reference(ix.workstreams, t.WorkstreamID, path+"/workstream_id", "workstream")
		if r.reference(ix.orgs, t.OwnerOrganizationID, path+"/owner_organization_id", "organization") {
			r.person(ix, t.OwnerPersonID, t.OwnerOrganizationID, path+"/owner_person_id")
		}
		r.optionalReference(ix.meetings, t.MeetingID, path+"/meeting_id", "meeting")
		r.times(path, map[string]*timeField{"created_at": {t: &t.CreatedAt}, "updated_at": {t: &t.UpdatedAt}, "done_at": {p: &t.DoneAt}})
	}
	return ids
}

func checkMeetings(b *Bundle, ix *index, r *report) map[string]int {
	ids, agendaIDs, decisionIDs := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range b.Meetings {
		m := &b.Meetings[i]
		path := fmt.Sprintf("/meetings/%d", i)
		dm := m.toDomain(b.Coalition.ID)
		r.domainErrors(path, dm.Validate())
		m.Title, m.Place, m.Link, m.Interpretation, m.AccessNotes, m.Notes = dm.Title, dm.Place, dm.Link, dm.Interpretation, dm.AccessNotes, dm.Notes
		m.Languages, m.TimeZone = dm.Languages, dm.TimeZone
		r.unique(ids, m.ID, i, path, "/meetings")
		r.times(path, map[string]*timeField{"starts_at": {t: &m.StartsAt}, "ends_at": {t: &m.EndsAt},
			"created_at": {t: &m.CreatedAt}, "updated_at": {t: &m.UpdatedAt}})
		for j := range m.Agenda {
			a := &m.Agenda[j]
			apath := fmt.Sprintf("%s/agenda/%d", path, j)
			a.Title, a.Presenter = dm.Agenda[j].Title, dm.Agenda[j].Presenter
			r.unique(agendaIDs, a.ID, 0, apath, "Another agenda item")
			if a.Position != j+1 {
				r.addUnlessCovered(apath+"/position", fmt.Sprintf("Agenda items are numbered 1, 2, 3… in order; this one should be %d.", j+1))
			}
		}
		for j := range m.Decisions {
			d := &m.Decisions[j]
			dpath := fmt.Sprintf("%s/decisions/%d", path, j)
			d.Text = strings.TrimSpace(d.Text)
			var v domain.Validation
			domain.CheckText(&v, "text", d.Text, 1, domain.MaxText)
			r.domainErrors(dpath, v.Err())
			r.unique(decisionIDs, d.ID, 0, dpath, "Another decision")
			r.times(dpath, map[string]*timeField{"created_at": {t: &d.CreatedAt}})
		}
		turnout := map[string]int{}
		for j, t := range m.Turnout {
			tpath := fmt.Sprintf("%s/turnout/%d", path, j)
			if r.reference(ix.orgs, t.OrganizationID, tpath+"/organization_id", "organization") {
				uniqueKey(r, turnout, t.OrganizationID, j, tpath+"/organization_id", path+"/turnout", "counts the same organization")
			}
			if t.People < 1 {
				r.addUnlessCovered(tpath+"/people", "Turnout is at least one person; leave out an organization that brought nobody.")
			}
		}
	}
	return ids
}

// checkActionItems runs after the tasks, which action items may name.
func checkActionItems(b *Bundle, ix *index, r *report) {
	ids, tasks := map[string]int{}, map[string]string{}
	for i := range b.Meetings {
		for j := range b.Meetings[i].ActionItems {
			a := &b.Meetings[i].ActionItems[j]
			path := fmt.Sprintf("/meetings/%d/action_items/%d", i, j)
			a.Text, a.DueOn = strings.TrimSpace(a.Text), strings.TrimSpace(a.DueOn)
			var v domain.Validation
			domain.CheckText(&v, "text", a.Text, 1, domain.MaxName)
			domain.CheckDate(&v, "due_on", a.DueOn)
			r.domainErrors(path, v.Err())
			r.unique(ids, a.ID, 0, path, "Another action item")
			r.optionalReference(ix.workstreams, a.WorkstreamID, path+"/workstream_id", "workstream")
			r.optionalReference(ix.orgs, a.OwnerOrganizationID, path+"/owner_organization_id", "organization")
			if r.optionalReference(ix.tasks, a.TaskID, path+"/task_id", "task") && a.TaskID != "" {
				if prev, dup := tasks[a.TaskID]; dup {
					r.addUnlessCovered(path+"/task_id", fmt.Sprintf("The action item at %s already became this task.", prev))
				} else {
					tasks[a.TaskID] = path
				}
			}
			r.times(path, map[string]*timeField{"created_at": {t: &a.CreatedAt}})
		}
	}
}

func checkAttendance(b *Bundle, ix *index, r *report) {
	ids, seen := map[string]int{}, map[[3]string]int{}
	for i := range b.Attendance {
		a := &b.Attendance[i]
		path := fmt.Sprintf("/attendance/%d", i)
		r.unique(ids, a.ID, i, path, "/attendance")
		okM := r.reference(ix.meetings, a.MeetingID, path+"/meeting_id", "meeting")
		if r.reference(ix.orgs, a.OrganizationID, path+"/organization_id", "organization") {
			r.person(ix, a.PersonID, a.OrganizationID, path+"/person_id")
			if okM {
				uniqueKey(r, seen, [3]string{a.MeetingID, a.OrganizationID, a.PersonID}, i, path, "/attendance", "records the same attendance")
			}
		}
		r.times(path, map[string]*timeField{"recorded_at": {t: &a.RecordedAt}})
	}
}

func checkCommitments(b *Bundle, ix *index, r *report) {
	ids, recordIDs := map[string]int{}, map[string]int{}
	for i := range b.Commitments {
		c := &b.Commitments[i]
		path := fmt.Sprintf("/commitments/%d", i)
		c.Text, c.AgreedOn = strings.TrimSpace(c.Text), strings.TrimSpace(c.AgreedOn)
		var v domain.Validation
		domain.CheckText(&v, "text", c.Text, 1, domain.MaxShort)
		domain.CheckDate(&v, "agreed_on", c.AgreedOn)
		r.domainErrors(path, v.Err())
		r.unique(ids, c.ID, i, path, "/commitments")
		r.reference(ix.members, c.MembershipID, path+"/membership_id", "membership")
		r.times(path, map[string]*timeField{"created_at": {t: &c.CreatedAt}})
		periods := map[string]int{}
		for j := range c.Records {
			rec := &c.Records[j]
			rpath := fmt.Sprintf("%s/records/%d", path, j)
			rec.Note = strings.TrimSpace(rec.Note)
			var v domain.Validation
			if rec.PeriodStart == "" {
				v.Add("period_start", "Give the first day of the period.")
			}
			if rec.PeriodEnd == "" {
				v.Add("period_end", "Give the last day of the period.")
			}
			domain.CheckDate(&v, "period_start", rec.PeriodStart)
			domain.CheckDate(&v, "period_end", rec.PeriodEnd)
			domain.CheckText(&v, "note", rec.Note, 0, domain.MaxShort)
			if len(v.Fields) == 0 && rec.PeriodEnd < rec.PeriodStart {
				v.Add("period_end", "The period must not end before it starts.")
			}
			r.domainErrors(rpath, v.Err())
			r.unique(recordIDs, rec.ID, 0, rpath, "Another commitment record")
			uniqueKey(r, periods, rec.PeriodStart, j, rpath+"/period_start", path+"/records", "records the same period")
			r.times(rpath, map[string]*timeField{"recorded_at": {t: &rec.RecordedAt}})
		}
	}
}

func checkPhaseChanges(b *Bundle, r *report) {
	ids := map[string]int{}
	for i := range b.PhaseChanges {
		p := &b.PhaseChanges[i]
		path := fmt.Sprintf("/phase_changes/%d", i)
		dp := p.toDomain(b.Coalition.ID)
		dp.Normalize()
		r.domainErrors(path, dp.Validate())
		p.On, p.Learned, p.CarryForward = dp.On, dp.Learned, dp.CarryForward
		if !domain.OneOf(p.FromPhase, domain.Phases) {
			r.addUnlessCovered(path+"/from_phase", "Choose one of the listed phases.")
		}
		r.unique(ids, p.ID, i, path, "/phase_changes")
		r.times(path, map[string]*timeField{"created_at": {t: &p.CreatedAt}})
	}
}

func checkWins(b *Bundle, ix *index, r *report) {
	ids, days := map[string]int{}, map[[2]string]int{}
	for i := range b.Wins {
		w := &b.Wins[i]
		path := fmt.Sprintf("/wins/%d", i)
		dw := w.toDomain(b.Coalition.ID)
		dw.Normalize()
		r.domainErrors(path, dw.Validate())
		w.Title, w.Description, w.Date = dw.Title, dw.Description, dw.Date
		r.unique(ids, w.ID, i, path, "/wins")
		uniqueKey(r, days, [2]string{w.Date, w.Title}, i, path+"/title", "/wins", "has the same title on the same date")
		r.times(path, map[string]*timeField{"created_at": {t: &w.CreatedAt}, "updated_at": {t: &w.UpdatedAt}})
		for j := range w.Credits {
			w.Credits[j].Contribution = dw.Credits[j].Contribution
			r.reference(ix.orgs, w.Credits[j].OrganizationID, fmt.Sprintf("%s/credits/%d/organization_id", path, j), "organization")
		}
	}
}

// timeField is a time of a record to check and make canonical: t, or the optional p.
type timeField struct {
	t *time.Time
	p **time.Time
}

// times checks the named times of the record at path and makes them canonical.
func (r *report) times(path string, fields map[string]*timeField) {
	for name, f := range fields {
		switch {
		case f.t != nil:
			r.checkTime(path+"/"+name, *f.t)
			*f.t = canonicalTime(*f.t)
		case *f.p != nil:
			r.checkTime(path+"/"+name, **f.p)
			*f.p = canonicalTimePtr(*f.p)
		}
	}
}

// optionalReference is reference for an id that may be "" (no record); it returns
// whether the id is "" or names a record.
func (r *report) optionalReference(ids map[string]int, id, path, what string) bool {
	return id == "" || r.reference(ids, id, path, what)
}

// person checks an optional person of an organization: "" or someone of the bundle
// affiliated with it.
func (r *report) person(ix *index, personID, orgID, path string) {
	if r.optionalReference(ix.people, personID, path, "person") && personID != "" && !ix.affiliated[[2]string{personID, orgID}] {
		r.addUnlessCovered(path, "This person is not affiliated with the organization.")
	}
}

// uniqueKey records key at index i of the array at list and reports a repeat at path,
// as "<list>/<first> <what>.".
func uniqueKey[K comparable](r *report, seen map[K]int, key K, i int, path, list, what string) {
	if prev, dup := seen[key]; dup {
		r.addUnlessCovered(path, fmt.Sprintf("%s/%d %s.", list, prev, what))
		return
	}
	seen[key] = i
}
