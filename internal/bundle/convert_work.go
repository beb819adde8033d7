package bundle

import (
	"cmp"
	"slices"

	"github.com/braid-org/braid/internal/domain"
)

// WorkContents is the coalition's work as domain values (see Contents).
type WorkContents struct {
	Workstreams  []domain.Workstream // each with its Members
	Tasks        []domain.Task
	Meetings     []domain.Meeting // each with its Agenda
	Decisions    []domain.Decision
	ActionItems  []domain.ActionItem
	Turnout      []domain.Turnout
	Attendance   []domain.Attendance
	Commitments  []domain.Commitment // each with its Records
	PhaseChanges []domain.PhaseChange
	Wins         []domain.Win // each with its Credits, in order
}

// addWork adds c's work to b; creators and recorders (accounts) are left out.
func (b *Bundle) addWork(c WorkContents) {
	for _, w := range c.Workstreams {
		out := Workstream{ID: w.ID, Name: w.Name, Description: w.Description, CreatedAt: canonicalTime(w.CreatedAt),
			UpdatedAt: canonicalTime(w.UpdatedAt), Seats: []Seat{}}
		for _, m := range w.Members {
			out.Seats = append(out.Seats, Seat{m.ID, m.OrganizationID, m.PersonID, m.Role, canonicalTime(m.CreatedAt)})
		}
		b.Workstreams = append(b.Workstreams, out)
	}
	for _, t := range c.Tasks {
		b.Tasks = append(b.Tasks, Task{ID: t.ID, WorkstreamID: t.WorkstreamID, Title: t.Title, Description: t.Description,
			OwnerOrganizationID: t.OwnerOrgID, OwnerPersonID: t.OwnerPersonID, DueOn: t.DueOn, Status: t.Status,
			MeetingID: t.MeetingID, DoneAt: canonicalTimePtr(t.DoneAt), CreatedAt: canonicalTime(t.CreatedAt), UpdatedAt: canonicalTime(t.UpdatedAt)})
	}
	b.addMeetings(c)
	for _, a := range c.Attendance {
		b.Attendance = append(b.Attendance, Attendance{a.ID, a.MeetingID, a.OrganizationID, a.PersonID, canonicalTime(a.RecordedAt)})
	}
	for _, cm := range c.Commitments {
		out := Commitment{ID: cm.ID, MembershipID: cm.MembershipID, Text: cm.Text, AgreedOn: cm.AgreedOn,
			CreatedAt: canonicalTime(cm.CreatedAt), Records: []CommitmentRecord{}}
		for _, r := range cm.Records {
			out.Records = append(out.Records, CommitmentRecord{r.ID, r.PeriodStart, r.PeriodEnd, r.Kept, r.Note, canonicalTime(r.RecordedAt)})
		}
		b.Commitments = append(b.Commitments, out)
	}
	for _, p := range c.PhaseChanges {
		b.PhaseChanges = append(b.PhaseChanges, PhaseChange{p.ID, p.FromPhase, p.ToPhase, p.On, p.Learned, p.CarryForward, canonicalTime(p.CreatedAt)})
	}
	for _, w := range c.Wins {
		out := Win{ID: w.ID, Date: w.Date, Title: w.Title, Kind: w.Kind, Size: w.Size, Description: w.Description,
			Public: w.Public, CreatedAt: canonicalTime(w.CreatedAt), UpdatedAt: canonicalTime(w.UpdatedAt), Credits: []Credit{}}
		for _, cr := range w.Credits {
			out.Credits = append(out.Credits, Credit{cr.OrganizationID, cr.Contribution, cr.Weight})
		}
		b.Wins = append(b.Wins, out)
	}
}

// addMeetings adds the meetings with their agenda, decisions, action items and turnout.
func (b *Bundle) addMeetings(c WorkContents) {
	index := map[string]int{}
	for _, m := range c.Meetings {
		out := Meeting{ID: m.ID, Title: m.Title, Kind: m.Kind, StartsAt: canonicalTime(m.StartsAt), EndsAt: canonicalTime(m.EndsAt),
			TimeZone: m.TimeZone, Place: m.Place, Link: m.Link, Languages: orEmpty(m.Languages), Interpretation: m.Interpretation,
			AccessNotes: m.AccessNotes, Notes: m.Notes, CreatedAt: canonicalTime(m.CreatedAt), UpdatedAt: canonicalTime(m.UpdatedAt),
			Agenda: []AgendaItem{}, Decisions: []Decision{}, ActionItems: []ActionItem{}, Turnout: []Turnout{}}
		for _, a := range m.Agenda {
			out.Agenda = append(out.Agenda, AgendaItem(a))
		}
		index[m.ID] = len(b.Meetings)
		b.Meetings = append(b.Meetings, out)
	}
	for _, d := range c.Decisions {
		if i, ok := index[d.MeetingID]; ok {
			b.Meetings[i].Decisions = append(b.Meetings[i].Decisions, Decision{d.ID, d.Text, canonicalTime(d.CreatedAt)})
		}
	}
	for _, a := range c.ActionItems {
		if i, ok := index[a.MeetingID]; ok {
			b.Meetings[i].ActionItems = append(b.Meetings[i].ActionItems, ActionItem{a.ID, a.Text, a.WorkstreamID, a.OwnerOrgID,
				a.DueOn, a.TaskID, canonicalTime(a.CreatedAt)})
		}
	}
	for _, t := range c.Turnout {
		if i, ok := index[t.MeetingID]; ok {
			b.Meetings[i].Turnout = append(b.Meetings[i].Turnout, Turnout{t.OrganizationID, t.People})
		}
	}
}

// sortWork orders the work's arrays by id (agenda items by position, turnout by
// organization, credits as given) and replaces nil arrays by empty ones.
func (b *Bundle) sortWork() {
	b.Workstreams, b.Tasks, b.Meetings = orEmpty(b.Workstreams), orEmpty(b.Tasks), orEmpty(b.Meetings)
	b.Attendance, b.Commitments = orEmpty(b.Attendance), orEmpty(b.Commitments)
	b.PhaseChanges, b.Wins = orEmpty(b.PhaseChanges), orEmpty(b.Wins)
	slices.SortFunc(b.Workstreams, func(x, y Workstream) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Workstreams {
		w := &b.Workstreams[i]
		w.Seats = orEmpty(w.Seats)
		slices.SortFunc(w.Seats, func(x, y Seat) int { return cmp.Compare(x.ID, y.ID) })
	}
	slices.SortFunc(b.Tasks, func(x, y Task) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Meetings, func(x, y Meeting) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Meetings {
		m := &b.Meetings[i]
		m.Languages, m.Agenda, m.Decisions = orEmpty(m.Languages), orEmpty(m.Agenda), orEmpty(m.Decisions)
		m.ActionItems, m.Turnout = orEmpty(m.ActionItems), orEmpty(m.Turnout)
		slices.SortFunc(m.Agenda, func(x, y AgendaItem) int { return cmp.Compare(x.Position, y.Position) })
		slices.SortFunc(m.Decisions, func(x, y Decision) int { return cmp.Compare(x.ID, y.ID) })
		slices.SortFunc(m.ActionItems, func(x, y ActionItem) int { return cmp.Compare(x.ID, y.ID) })
		slices.SortFunc(m.Turnout, func(x, y Turnout) int { return cmp.Compare(x.OrganizationID, y.OrganizationID) })
	}
	slices.SortFunc(b.Attendance, func(x, y Attendance) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Commitments, func(x, y Commitment) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Commitments {
		c := &b.Commitments[i]
		c.Records = orEmpty(c.Records)
		slices.SortFunc(c.Records, func(x, y CommitmentRecord) int { return cmp.Compare(x.ID, y.ID) })
	}
	slices.SortFunc(b.PhaseChanges, func(x, y PhaseChange) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Wins, func(x, y Win) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Wins {
		b.Wins[i].Credits = orEmpty(b.Wins[i].Credits)
	}
}

// work returns the bundle's work as domain values, versions 1, creators and recorders
// empty (imported records have no account behind them).
func (b *Bundle) work() WorkContents {
	var c WorkContents
	coalition := b.Coalition.ID
	for _, w := range b.Workstreams {
		dw := domain.Workstream{ID: w.ID, CoalitionID: coalition, Name: w.Name, Description: w.Description, Version: 1,
			CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt, Members: []domain.WorkstreamMember{}}
		for _, s := range w.Seats {
			dw.Members = append(dw.Members, domain.WorkstreamMember{ID: s.ID, WorkstreamID: w.ID, OrganizationID: s.OrganizationID,
				PersonID: s.PersonID, Role: s.Role, CreatedAt: s.CreatedAt})
		}
		c.Workstreams = append(c.Workstreams, dw)
	}
	for _, t := range b.Tasks {
		c.Tasks = append(c.Tasks, t.toDomain(coalition))
	}
	for _, m := range b.Meetings {
		c.Meetings = append(c.Meetings, m.toDomain(coalition))
		for _, d := range m.Decisions {
			c.Decisions = append(c.Decisions, domain.Decision{ID: d.ID, MeetingID: m.ID, Text: d.Text, CreatedAt: d.CreatedAt})
		}
		for _, a := range m.ActionItems {
			c.ActionItems = append(c.ActionItems, domain.ActionItem{ID: a.ID, MeetingID: m.ID, Text: a.Text, WorkstreamID: a.WorkstreamID,
				OwnerOrgID: a.OwnerOrganizationID, DueOn: a.DueOn, TaskID: a.TaskID, CreatedAt: a.CreatedAt})
		}
		for _, t := range m.Turnout {
			c.Turnout = append(c.Turnout, domain.Turnout{MeetingID: m.ID, OrganizationID: t.OrganizationID, People: t.People})
		}
	}
	for _, a := range b.Attendance {
		c.Attendance = append(c.Attendance, domain.Attendance{ID: a.ID, MeetingID: a.MeetingID, OrganizationID: a.OrganizationID,
			PersonID: a.PersonID, RecordedAt: a.RecordedAt})
	}
	for _, cm := range b.Commitments {
		c.Commitments = append(c.Commitments, cm.toDomain())
	}
	for _, p := range b.PhaseChanges {
		c.PhaseChanges = append(c.PhaseChanges, p.toDomain(coalition))
	}
	for _, w := range b.Wins {
		c.Wins = append(c.Wins, w.toDomain(coalition))
	}
	return c
}

func (t Task) toDomain(coalitionID string) domain.Task {
	return domain.Task{ID: t.ID, CoalitionID: coalitionID, WorkstreamID: t.WorkstreamID, Title: t.Title, Description: t.Description,
		OwnerOrgID: t.OwnerOrganizationID, OwnerPersonID: t.OwnerPersonID, DueOn: t.DueOn, Status: t.Status, MeetingID: t.MeetingID,
		DoneAt: t.DoneAt, Version: 1, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
}

func (m Meeting) toDomain(coalitionID string) domain.Meeting {
	out := domain.Meeting{ID: m.ID, CoalitionID: coalitionID, Title: m.Title, Kind: m.Kind, StartsAt: m.StartsAt, EndsAt: m.EndsAt,
		TimeZone: m.TimeZone, Place: m.Place, Link: m.Link, Languages: orEmpty(m.Languages), Interpretation: m.Interpretation,
		AccessNotes: m.AccessNotes, Notes: m.Notes, Version: 1, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, Agenda: []domain.AgendaItem{}}
	for _, a := range m.Agenda {
		out.Agenda = append(out.Agenda, domain.AgendaItem(a))
	}
	return out
}

func (c Commitment) toDomain() domain.Commitment {
	out := domain.Commitment{ID: c.ID, MembershipID: c.MembershipID, Text: c.Text, AgreedOn: c.AgreedOn, CreatedAt: c.CreatedAt,
		Records: []domain.CommitmentRecord{}}
	for _, r := range c.Records {
		out.Records = append(out.Records, domain.CommitmentRecord{ID: r.ID, CommitmentID: c.ID, PeriodStart: r.PeriodStart,
			PeriodEnd: r.PeriodEnd, Kept: r.Kept, Note: r.Note, RecordedAt: r.RecordedAt})
	}
	return out
}

func (p PhaseChange) toDomain(coalitionID string) domain.PhaseChange {
	return domain.PhaseChange{ID: p.ID, CoalitionID: coalitionID, FromPhase: p.FromPhase, ToPhase: p.ToPhase, On: p.On,
		Learned: p.Learned, CarryForward: p.CarryForward, CreatedAt: p.CreatedAt}
}

func (w Win) toDomain(coalitionID string) domain.Win {
	out := domain.Win{ID: w.ID, CoalitionID: coalitionID, Date: w.Date, Title: w.Title, Kind: w.Kind, Size: w.Size,
		Description: w.Description, Public: w.Public, Version: 1, CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt, Credits: []domain.Credit{}}
	for _, c := range w.Credits {
		out.Credits = append(out.Credits, domain.Credit{OrganizationID: c.OrganizationID, Contribution: c.Contribution, Weight: c.Weight})
	}
	return out
}
