package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// The clarity part of the demo: for each coalition, workstreams with leads (one without
// a lead and one resting on a single organization, so the roles page has something to
// flag), a year of monthly meetings and two public events with attendance that fades
// for some members, decisions, action items that became tasks (some still overdue),
// and commitments with a record per month. A fixed seed keeps it the same every run.

var workstreamNames = []string{"Grassroots organizing", "Policy and lobbying", "Legal analysis", "Communications", "Research"}

var workPlaces = []string{"Rondo Community Library, St. Paul", "Brian Coyle Center, Minneapolis", "Online"}

var eventTitles = []string{"Rally at the Capitol", "Community forum and listening session"}

var actionTexts = []string{"Draft testimony for the hearing", "Translate the flyer into Somali and Hmong", "Book the bus for the rally",
	"Call council offices about the vote", "Update the fact sheet", "Plan the door-knocking weekend", "Write the press release",
	"Collect tenant stories", "Share the sign-on letter with partners", "Check the ordinance language with legal aid"}

// seedWork writes the clarity records of every coalition in the demo world.
func seedWork(ctx context.Context, tx *store.Tx, w *world) error {
	rng := rand.New(rand.NewPCG(2024, 4))
	firstPerson := map[string]string{} // organization id → its first person
	for _, a := range w.affiliations {
		if _, ok := firstPerson[a.OrganizationID]; !ok {
			firstPerson[a.OrganizationID] = a.PersonID
		}
	}
	for ci, c := range w.coalitions {
		var members []domain.Membership
		for _, m := range w.memberships {
			if m.CoalitionID == c.ID && m.Counts() {
				members = append(members, m)
			}
		}
		if len(members) < 2 {
			continue
		}
		s := &workSeeder{tx: tx, rng: rng, c: c, members: members, people: firstPerson, actor: w.users[0].ID}
		if err := s.workstreams(ctx, ci); err != nil {
			return fmt.Errorf("workstreams of %s: %w", c.Name, err)
		}
		if err := s.meetings(ctx); err != nil {
			return fmt.Errorf("meetings of %s: %w", c.Name, err)
		}
		if err := s.commitments(ctx); err != nil {
			return fmt.Errorf("commitments of %s: %w", c.Name, err)
		}
	}
	return nil
}

type workSeeder struct {
	tx      *store.Tx
	rng     *rand.Rand
	c       domain.Coalition
	members []domain.Membership
	people  map[string]string
	actor   string
	streams []domain.Workstream
}

func (s *workSeeder) org(i int) string { return s.members[i%len(s.members)].OrganizationID }

func (s *workSeeder) workstreams(ctx context.Context, ci int) error {
	n := len(s.members)
	for k, name := range workstreamNames[:4] {
		ws := domain.Workstream{CoalitionID: s.c.ID, Name: name, Description: "How the coalition shares the work of " + lower(name) + ".",
			CreatedAt: day(k), UpdatedAt: day(k)}
		if err := ws.Validate(); err != nil {
			return err
		}
		if err := s.tx.CreateWorkstream(ctx, &ws); err != nil {
			return err
		}
		var seats []domain.WorkstreamMember
		switch k {
		case 2: // legal analysis rests on one organization
			seats = append(seats, domain.WorkstreamMember{OrganizationID: s.org(ci + 2), Role: domain.RoleLead})
		case 3: // communications has members but no lead yet
			seats = append(seats, domain.WorkstreamMember{OrganizationID: s.org(ci + 3), Role: domain.RoleWorkstreamMember},
				domain.WorkstreamMember{OrganizationID: s.org(ci + 4), Role: domain.RoleWorkstreamMember})
		default:
			seats = append(seats, domain.WorkstreamMember{OrganizationID: s.org(ci + k), PersonID: s.people[s.org(ci+k)], Role: domain.RoleLead},
				domain.WorkstreamMember{OrganizationID: s.org(ci + k + 1), Role: domain.RoleCoLead})
			for j := 2; j < 2+min(3, n-2); j++ {
				seats = append(seats, domain.WorkstreamMember{OrganizationID: s.org(ci + k + j), Role: domain.RoleWorkstreamMember})
			}
		}
		seen := map[string]bool{}
		for _, seat := range seats {
			if seen[seat.OrganizationID] {
				continue
			}
			seen[seat.OrganizationID] = true
			seat.WorkstreamID, seat.CreatedAt = ws.ID, day(k)
			if err := s.tx.AddWorkstreamMember(ctx, &seat); err != nil {
				return err
			}
		}
		s.streams = append(s.streams, ws)
	}
	return nil
}

// meetings lays out twelve monthly meetings (the second Tuesday, 18:00 in St. Paul) and
// two events. Each member attends with its own steady probability; a few fade after
// month six, which the momentum view should show.
func (s *workSeeder) meetings(ctx context.Context) error {
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		return err
	}
	likely := make([]float64, len(s.members))
	for i := range likely {
		likely[i] = 0.45 + 0.5*s.rng.Float64()
	}
	for month := 0; month < 12; month++ {
		first := time.Date(base.Year(), base.Month()+time.Month(month), 1, 18, 0, 0, 0, loc)
		start := first.AddDate(0, 0, (int(time.Tuesday)-int(first.Weekday())+7)%7+7)
		m := domain.Meeting{CoalitionID: s.c.ID, Title: fmt.Sprintf("Monthly meeting — %s", start.Format("January 2006")), Kind: domain.MeetingKindMeeting,
			StartsAt: start.UTC(), EndsAt: start.Add(90 * time.Minute).UTC(), TimeZone: "America/Chicago", Place: workPlaces[month%len(workPlaces)],
			Languages: []string{"English", []string{"Spanish", "Somali", "Hmong"}[month%3]}, Interpretation: "Simultaneous interpretation with headsets",
			AccessNotes: "Childcare and a hot meal provided. Step-free entrance; bus routes 16 and 21 stop outside.",
			Notes:       "## What we heard\n\n- Tenants shared what the rent increases mean for them.\n- Partners reported on the council calendar.\n",
			Agenda: []domain.AgendaItem{{Title: "Welcome and land acknowledgement", Minutes: 10}, {Title: "Workstream updates", Minutes: 40},
				{Title: "Decisions and next steps", Minutes: 30}},
			CreatedBy: s.actor, CreatedAt: start.AddDate(0, 0, -14).UTC(), UpdatedAt: start.AddDate(0, 0, 1).UTC()}
		if month == 3 || month == 8 {
			m.Kind, m.Title = domain.MeetingKindEvent, eventTitles[month/8]
			m.EndsAt = start.Add(3 * time.Hour).UTC()
		}
		if err := s.meeting(ctx, &m, month, likely); err != nil {
			return err
		}
	}
	return nil
}

func (s *workSeeder) meeting(ctx context.Context, m *domain.Meeting, month int, likely []float64) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := s.tx.CreateMeeting(ctx, m); err != nil {
		return err
	}
	var attending []string
	for i, mem := range s.members {
		p := likely[i]
		if i%4 == 3 && month >= 6 {
			p *= 0.3 // a member whose capacity dropped in the second half of the year
		}
		if s.rng.Float64() >= p {
			continue
		}
		attending = append(attending, mem.OrganizationID)
		a := domain.Attendance{MeetingID: m.ID, OrganizationID: mem.OrganizationID, PersonID: s.people[mem.OrganizationID], RecordedBy: s.actor, RecordedAt: m.EndsAt}
		if err := s.tx.AddAttendance(ctx, &a); err != nil {
			return err
		}
		if m.Kind == domain.MeetingKindEvent {
			if err := s.tx.SetTurnout(ctx, domain.Turnout{MeetingID: m.ID, OrganizationID: mem.OrganizationID, People: 3 + s.rng.IntN(30)}); err != nil {
				return err
			}
		}
	}
	if err := s.tx.AddDecision(ctx, &domain.Decision{MeetingID: m.ID, Text: "We agreed the next step for " + lower(s.streams[month%len(s.streams)].Name) + ".", CreatedAt: m.EndsAt}); err != nil {
		return err
	}
	if len(attending) == 0 {
		attending = []string{s.members[0].OrganizationID}
	}
	for k := 0; k < 2; k++ {
		if err := s.actionItem(ctx, m, month, k, attending); err != nil {
			return err
		}
	}
	return nil
}

// actionItem adds an action item and, for all but the newest meeting, the task it
// became. Older tasks are mostly done; recent ones open, in progress or blocked.
func (s *workSeeder) actionItem(ctx context.Context, m *domain.Meeting, month, k int, attending []string) error {
	owner := attending[s.rng.IntN(len(attending))]
	ws := s.streams[(month+k)%len(s.streams)]
	due := m.StartsAt.AddDate(0, 0, 14+7*k).Format(domain.DateLayout)
	item := domain.ActionItem{MeetingID: m.ID, Text: actionTexts[(month*2+k)%len(actionTexts)], WorkstreamID: ws.ID, OwnerOrgID: owner, DueOn: due, CreatedAt: m.EndsAt}
	if month == 11 && k == 1 {
		item.OwnerOrgID, item.WorkstreamID = "", "" // still to be assigned
		return s.tx.AddActionItem(ctx, &item)
	}
	t := domain.Task{CoalitionID: s.c.ID, WorkstreamID: ws.ID, Title: item.Text, OwnerOrgID: owner, DueOn: due, MeetingID: m.ID,
		CreatedBy: s.actor, CreatedAt: m.EndsAt, UpdatedAt: m.EndsAt}
	r := s.rng.Float64()
	switch {
	case month < 9 && r < 0.8, month >= 9 && r < 0.35:
		t.Status = domain.TaskDone
		done := m.EndsAt.AddDate(0, 0, 5+s.rng.IntN(20))
		t.DoneAt, t.UpdatedAt = &done, done
	case r < 0.88:
		t.Status = domain.TaskDropped
	default:
		t.Status = []string{domain.TaskOpen, domain.TaskInProgress, domain.TaskBlocked}[s.rng.IntN(3)]
	}
	if err := t.Validate(); err != nil {
		return err
	}
	if err := s.tx.CreateTask(ctx, &t); err != nil {
		return err
	}
	item.TaskID = t.ID
	return s.tx.AddActionItem(ctx, &item)
}

// commitments gives every other member a commitment agreed at joining, with a record
// for each of the last six months.
func (s *workSeeder) commitments(ctx context.Context) error {
	texts := []string{"Send someone to two meetings a month", "Turn out 20 people to the hearing", "Share one tenant story each month"}
	for i, m := range s.members {
		if i%2 == 1 {
			continue
		}
		c := domain.Commitment{MembershipID: m.ID, Text: texts[i%len(texts)], AgreedOn: m.JoinedAt.Format(domain.DateLayout), CreatedAt: m.JoinedAt}
		if err := s.tx.CreateCommitment(ctx, &c); err != nil {
			return err
		}
		for month := 6; month < 12; month++ {
			start := time.Date(base.Year(), base.Month()+time.Month(month), 1, 0, 0, 0, 0, time.UTC)
			r := domain.CommitmentRecord{CommitmentID: c.ID, PeriodStart: start.Format(domain.DateLayout),
				PeriodEnd: start.AddDate(0, 1, -1).Format(domain.DateLayout), Kept: s.rng.Float64() < 0.7, RecordedBy: s.actor,
				RecordedAt: start.AddDate(0, 1, 2)}
			if err := s.tx.AddCommitmentRecord(ctx, &r); err != nil {
				return err
			}
		}
	}
	return nil
}

func lower(s string) string {
	if s == "" {
		return s
	}
	b := []rune(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
