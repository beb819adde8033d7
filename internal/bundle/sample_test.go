package bundle

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

var t0 = time.Date(2024, 3, 21, 17, 30, 0, 0, time.UTC)

func day(n int) time.Time { return t0.Add(time.Duration(n) * 24 * time.Hour) }

// sampleContents is a small coalition touching every field of the format. Ids are out
// of order on purpose.
func sampleContents() Contents {
	left := day(90)
	orgs := []domain.Organization{
		{ID: "org-c", Name: "Cedar Crossing Elders Council", Kind: "community_group", Mission: "Elders organizing for homes.",
			Geographies: []string{"Cedar-Riverside"}, IssueAreas: []string{"housing", "transit"}, Languages: []string{"Somali", "Oromo"},
			Skills: []domain.Skill{{Name: "translation", Level: "can_teach"}}, BudgetBand: domain.BudgetUnder250k, StaffSize: 2,
			BipocLed: "yes", Identity: "Somali and Oromo elders", Visibility: domain.Visibility{Listed: true, Fields: []string{"mission", "languages"}}},
		{ID: "org-a", Name: "Metro Housing Futures Institute", Kind: "nonprofit", BudgetBand: domain.BudgetOver5m, StaffSize: 40,
			BipocLed: "no", Website: "https://example.org"},
		{ID: "org-b", Name: "Grace & Gravel Interfaith Table", Kind: "faith"},
	}
	for i := range orgs {
		orgs[i].Normalize()
		orgs[i].CreatedAt, orgs[i].UpdatedAt = day(-10+i), day(i)
	}
	return Contents{
		Coalition: domain.Coalition{ID: "coal-1", Slug: "rooted-homes", Name: "Rooted Homes Coalition", Goal: "Homes for all.",
			TheoryOfChange: "Tenants lead.", IssueAreas: []string{"housing"}, Geography: "Twin Cities", Phase: "campaign",
			Public: true, CreatedAt: day(0), UpdatedAt: day(5)},
		Organizations: orgs,
		People: []domain.Person{
			{ID: "p-2", Name: "Hodan Abdi", Pronouns: "she/her", Languages: []string{"Somali", "English"}, UserID: "u-1", CreatedAt: day(1)},
			{ID: "p-1", Name: "Dana Whitfield", Languages: []string{}, CreatedAt: day(2)},
			{ID: "p-3", Name: "Nobody Here", CreatedAt: day(3)}, // no affiliation in the coalition: left out
		},
		Affiliations: []domain.Affiliation{
			{PersonID: "p-2", OrganizationID: "org-c", Title: "Organizer", Representative: true},
			{PersonID: "p-1", OrganizationID: "org-a", Title: "Director", Representative: true},
			{PersonID: "p-1", OrganizationID: "org-b", Title: "Volunteer"},
			{PersonID: "p-3", OrganizationID: "org-elsewhere"},
		},
		Memberships: []domain.Membership{
			{ID: "m-3", OrganizationID: "org-c", Role: "member", MostImpacted: true, Status: "active", JoinedAt: day(1)},
			{ID: "m-1", OrganizationID: "org-a", Role: "anchor", Status: "stepping_back", StatusReason: "Staff on leave", JoinedAt: day(1)},
			{ID: "m-2", OrganizationID: "org-b", Role: "observer", Status: "left", StatusReason: "Merged", JoinedAt: day(2), LeftAt: &left},
		},
		Principles: []domain.Principle{
			{ID: "pr-2", Position: 2, CreatedAt: day(3), Versions: []domain.PrincipleVersion{
				{ID: "v-2a", Version: 1, Title: "Rejecting silos", Body: "Housing, transit and jobs are one fight.", CreatedAt: day(3)},
				{ID: "v-2b", Version: 2, Title: "Rejecting silos", Body: "Housing, transit and jobs are one fight; we share what we learn.", CreatedAt: day(40)},
			}},
			{ID: "pr-1", Position: 1, CreatedAt: day(3), Versions: []domain.PrincipleVersion{
				{ID: "v-1a", Version: 1, Title: "Power lens", Body: "We name how power moves in the room.", CreatedAt: day(3)},
			}},
		},
		Adoptions: []domain.Adoption{
			{ID: "a-3", MembershipID: "m-3", PrincipleVersionID: "v-2b", AdoptedAt: day(41)},
			{ID: "a-1", MembershipID: "m-3", PrincipleVersionID: "v-2a", AdoptedAt: day(4)},
			{ID: "a-2", MembershipID: "m-1", PrincipleVersionID: "v-1a", AdoptedAt: day(4)},
		},
		WorkContents:     sampleWork(),
		VoiceContents:    sampleVoice(),
		CapacityContents: sampleCapacity(),
		NetworkContents:  sampleNetwork(),
		LetterContents:   sampleLetters(),
	}
}

// sampleLetters is an open letter signed by a member organization and one outside
// (confirmed), one outside that withdrew, and one pending (left out of the bundle); and
// a draft.
func sampleLetters() LetterContents {
	opened, withdrawn := day(80), day(85)
	confirmed := []time.Time{day(81), day(82), day(83)}
	return LetterContents{
		Letters: []domain.SignOnLetter{
			{ID: "let-2", Title: "Fund the tenant hotline", Body: "We, the undersigned, ask.", Status: "open", CreatedBy: "u-1", Version: 2,
				CreatedAt: day(79), UpdatedAt: day(80), OpenedAt: &opened},
			{ID: "let-1", Title: "Draft statement", Body: "To come.", Status: "draft", Version: 1, CreatedAt: day(78), UpdatedAt: day(78)},
		},
		Signatures: []domain.Signature{
			{ID: "sig-3", LetterID: "let-2", OrganizationName: "Riders United", City: "Duluth", IssueArea: "transit", ContactName: "Lee",
				ContactEmail: "lee@example.org", Status: "confirmed", CreatedAt: day(82), ConfirmedAt: &confirmed[1]},
			{ID: "sig-1", LetterID: "let-2", OrganizationID: "org-c", OrganizationName: "Cedar Crossing Elders Council", City: "Cedar-Riverside",
				IssueArea: "housing", ContactName: "Hodan Abdi", ContactEmail: "hodan@example.org", Status: "confirmed", SignedBy: "u-1",
				CreatedAt: day(81), ConfirmedAt: &confirmed[0]},
			{ID: "sig-2", LetterID: "let-2", OrganizationName: "Youth Voice", City: "St. Paul", ContactName: "Ana", ContactEmail: "ana@example.org",
				Status: "withdrawn", CreatedAt: day(82), ConfirmedAt: &confirmed[2], WithdrawnAt: &withdrawn},
			{ID: "sig-4", LetterID: "let-2", OrganizationName: "Not Yet", City: "Mankato", ContactName: "Sam", ContactEmail: "sam@example.org",
				Status: "pending", CreatedAt: day(84)},
		},
	}
}

// sampleNetwork is two declarations between organizations of the coalition, one with
// an organization elsewhere (left out), and their history, with a removed declaration.
func sampleNetwork() NetworkContents {
	return NetworkContents{
		Relationships: []domain.Relationship{
			{ID: "rl-2", OrganizationID: "org-c", OtherOrganizationID: "org-a", Kind: "worked_together", Depth: 3, Since: "2023-01-01",
				Note: "Tenant clinics.", RecordedBy: "u-2", Version: 2, CreatedAt: day(11), UpdatedAt: day(20)},
			{ID: "rl-1", OrganizationID: "org-a", OtherOrganizationID: "org-c", Kind: "mentoring", Depth: 4, CreatedAt: day(10), UpdatedAt: day(10)},
			{ID: "rl-3", OrganizationID: "org-a", OtherOrganizationID: "org-elsewhere", Kind: "funding", Depth: 2, CreatedAt: day(10), UpdatedAt: day(10)},
		},
		RelationshipHistory: []RelationshipChange{
			{RelationshipID: "rl-9", OrganizationID: "org-b", OtherOrganizationID: "org-c", Kind: "other", Depth: 2, At: day(5)},
			{RelationshipID: "rl-9", OrganizationID: "org-b", OtherOrganizationID: "org-c", Kind: "other", Depth: 0, At: day(6)},
			{RelationshipID: "rl-1", OrganizationID: "org-a", OtherOrganizationID: "org-c", Kind: "mentoring", Depth: 4, At: day(10)},
			{RelationshipID: "rl-3", OrganizationID: "org-a", OtherOrganizationID: "org-elsewhere", Kind: "funding", Depth: 2, At: day(10)},
			{RelationshipID: "rl-2", OrganizationID: "org-c", OtherOrganizationID: "org-a", Kind: "worked_together", Depth: 2, At: day(11)},
			{RelationshipID: "rl-2", OrganizationID: "org-c", OtherOrganizationID: "org-a", Kind: "worked_together", Depth: 3, At: day(20)},
		},
	}
}

// sampleCapacity is the power map, an ask fulfilled with help, an open offer with a
// response, and the skills the coalition needs. Ids out of order.
func sampleCapacity() CapacityContents {
	needed := time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)
	return CapacityContents{
		Targets: []domain.Target{
			{ID: "tg-2", Campaign: "Tenant protections", Name: "Marion Greene", Kind: "person", Title: "County Commissioner", Note: "Chairs housing.",
				CreatedAt: day(30), UpdatedAt: day(40), Assessments: []domain.TargetAssessment{
					{ID: "as-2", TargetID: "tg-2", Influence: 5, Stance: 1, AssessedOn: "2024-05-20", RecordedBy: "u-1", CreatedAt: day(60)},
					{ID: "as-1", TargetID: "tg-2", Influence: 5, Stance: -1, AssessedOn: "2024-04-20", Note: "Skeptical.", CreatedAt: day(30)},
				}, Access: []domain.TargetAccess{
					{TargetID: "tg-2", OrganizationID: "org-c", Strength: 2, RecordedBy: "u-1", UpdatedAt: day(31)},
					{TargetID: "tg-2", OrganizationID: "org-a", Strength: 4, Note: "Former staffer.", UpdatedAt: day(32)},
				}},
			{ID: "tg-1", Name: "Metropolitan Council", Kind: "institution", CreatedAt: day(30), UpdatedAt: day(30)},
		},
		AsksOffers: []domain.AskOffer{
			{ID: "ao-2", Kind: "ask", OrganizationID: "org-c", Title: "Legal review of our testimony", Body: "By Friday.", NeededBy: &needed,
				State: "fulfilled", CreatedBy: "u-2", CreatedAt: day(44), UpdatedAt: day(47), Responses: []domain.AskResponse{
					{ID: "rs-1", AskOfferID: "ao-2", OrganizationID: "org-a", Body: "We can.", CreatedBy: "u-1", CreatedAt: day(45)},
				}, Help: &domain.HelpRecord{ID: "hp-1", AskOfferID: "ao-2", FromOrg: "org-a", ToOrg: "org-c", RecordedBy: "u-2", RecordedAt: day(47)}},
			{ID: "ao-1", Kind: "offer", OrganizationID: "org-a", Title: "Meeting space with childcare", State: "open", CreatedAt: day(20), UpdatedAt: day(20)},
		},
		SkillNeeds: []string{"translation", "legal research"},
	}
}

// sampleVoice is the coalition's voice: a blocked consent decided by organization, a
// ranked poll decided by person (voters are accounts: u-2, u-7), a draft, and two
// stepping backs. Ids out of order.
func sampleVoice() VoiceContents {
	opened, closed, opened1, closed1 := day(50), day(57), day(60), day(67)
	until, ended := day(120), day(80)
	return VoiceContents{
		VoiceSettings: &domain.VoiceSettings{CoalitionID: "coal-1", StancesBy: "person", QueueOrder: "first_come", UpdatedAt: day(8)},
		Proposals: []domain.Proposal{
			{ID: "pp-3", Title: "Join the statewide table", Body: "Should we?", Method: "consent", StancesBy: "organization", Quorum: 0.5,
				ClosesAt: closed, Status: "closed", AuthorID: "u-2", AuthorOrganizationID: "org-c", PrincipleIDs: []string{"pr-2", "pr-1"},
				CreatedAt: day(49), OpenedAt: &opened, ClosedAt: &closed, Outcome: &domain.Outcome{Result: "blocked", Tied: []string{},
					Counts:      domain.OutcomeCounts{Eligible: 2, Required: 1, Participants: 2, Agree: 1, Block: 1},
					Blocks:      []domain.OutcomeBlock{{VoterID: "org-a", PrincipleID: "pr-1", Reason: "Not yet."}},
					Rounds:      []domain.RunoffRound{},
					Explanation: []domain.OutcomeLine{{Rule: "consent", Values: map[string]int{"block": 1, "agree": 1}, Arithmetic: "1 > 0", Text: "Blocked."}}}},
			{ID: "pp-1", Title: "Which target first?", Body: "Rank them.", Method: "poll_ranked", StancesBy: "person", Quorum: 1,
				ClosesAt: closed1, Status: "closed", CreatedAt: day(59), OpenedAt: &opened1, ClosedAt: &closed1,
				Options: []domain.ProposalOption{{ID: "opt-b", Position: 1, Label: "County board"}, {ID: "opt-a", Position: 2, Label: "City council"}},
				Outcome: &domain.Outcome{Result: "winner", Winner: "opt-b", Excluded: 1,
					Counts: domain.OutcomeCounts{Eligible: 2, Required: 2, Participants: 2, Options: []domain.OptionTally{{Option: "opt-b", Votes: 1}, {Option: "opt-a", Votes: 1}}},
					Rounds: []domain.RunoffRound{{Number: 1, Tallies: []domain.OptionTally{{Option: "opt-b", Votes: 1}}, Continuing: 2}}}},
			{ID: "pp-2", Title: "Budget", Body: "Draft.", Method: "majority", StancesBy: "organization", Quorum: 0.6, ClosesAt: day(200),
				Status: "draft", CreatedAt: day(90)},
		},
		Stances: []domain.Stance{
			{ID: "st-2", ProposalID: "pp-3", VoterID: "org-c", OrganizationID: "org-c", UserID: "u-2", Position: "agree", CreatedAt: day(51), UpdatedAt: day(52)},
			{ID: "st-1", ProposalID: "pp-3", VoterID: "org-a", OrganizationID: "org-a", Position: "block", Reason: "Not yet.", PrincipleID: "pr-1",
				Comment: "Talk first.", CreatedAt: day(53), UpdatedAt: day(53)},
			{ID: "st-4", ProposalID: "pp-1", VoterID: "u-7", UserID: "u-7", Ranking: []string{"opt-a", "opt-b"}, CreatedAt: day(61), UpdatedAt: day(61)},
			{ID: "st-3", ProposalID: "pp-1", VoterID: "u-2", UserID: "u-2", OrganizationID: "org-c", Ranking: []string{"opt-b"}, CreatedAt: day(62), UpdatedAt: day(62)},
		},
		SteppingBacks: []domain.SteppingBack{
			{ID: "sb-2", CoalitionID: "coal-1", MembershipID: "m-1", OrganizationID: "org-a", Scope: "coalition", Reason: "capacity",
				Note: "Staff on leave", StartsAt: day(70), Until: &until, CreatedBy: "u-1"},
			{ID: "sb-1", CoalitionID: "coal-1", MembershipID: "m-3", OrganizationID: "org-c", Scope: "role", Reason: "other", StartsAt: day(60), EndedAt: &ended},
		},
	}
}

// sampleWork is the coalition's work: every kind of record, ids out of order.
func sampleWork() WorkContents {
	done := day(30).Add(90 * time.Minute)
	return WorkContents{
		Workstreams: []domain.Workstream{
			{ID: "ws-2", Name: "Tenant organizing", Description: "Door knocking.", CreatedAt: day(5), UpdatedAt: day(6), Members: []domain.WorkstreamMember{
				{ID: "seat-2", WorkstreamID: "ws-2", OrganizationID: "org-c", PersonID: "p-2", Role: "lead", CreatedAt: day(5)},
				{ID: "seat-1", WorkstreamID: "ws-2", OrganizationID: "org-a", Role: "member", CreatedAt: day(6)},
			}},
			{ID: "ws-1", Name: "Research", CreatedAt: day(5), UpdatedAt: day(5)},
		},
		Tasks: []domain.Task{
			{ID: "t-2", WorkstreamID: "ws-2", Title: "Knock 200 doors", OwnerOrgID: "org-c", OwnerPersonID: "p-2", DueOn: "2024-05-01",
				Status: "done", MeetingID: "mt-2", DoneAt: &done, CreatedBy: "u-1", CreatedAt: day(21), UpdatedAt: day(30)},
			{ID: "t-1", WorkstreamID: "ws-1", Title: "Rent survey", Description: "Who pays what.", OwnerOrgID: "org-a", Status: "open",
				CreatedAt: day(7), UpdatedAt: day(7)},
		},
		Meetings: []domain.Meeting{
			{ID: "mt-2", Title: "Spring tenant assembly", Kind: "event", StartsAt: day(20), EndsAt: day(20).Add(2 * time.Hour),
				TimeZone: "America/Chicago", Place: "Brian Coyle Center", Link: "https://example.org/assembly", Languages: []string{"English", "Somali"},
				Interpretation: "Somali–English", AccessNotes: "Step-free entrance.", Notes: "We chose the **first** target.", CreatedBy: "u-1",
				CreatedAt: day(10), UpdatedAt: day(20), Agenda: []domain.AgendaItem{
					{ID: "ag-2", Position: 1, Title: "Welcome", Presenter: "Hodan Abdi", Minutes: 10},
					{ID: "ag-1", Position: 2, Title: "Choose a target", Minutes: 45},
				}},
			{ID: "mt-1", Title: "Steering call", Kind: "meeting", StartsAt: day(12), EndsAt: day(12).Add(time.Hour), TimeZone: "UTC",
				CreatedAt: day(11), UpdatedAt: day(11)},
		},
		Decisions: []domain.Decision{
			{ID: "d-2", MeetingID: "mt-2", Text: "Target the county board first.", CreatedAt: day(20)},
			{ID: "d-1", MeetingID: "mt-2", Text: "Meet monthly.", CreatedAt: day(20)},
		},
		ActionItems: []domain.ActionItem{
			{ID: "ai-2", MeetingID: "mt-2", Text: "Knock 200 doors", WorkstreamID: "ws-2", OwnerOrgID: "org-c", DueOn: "2024-05-01", TaskID: "t-2", CreatedAt: day(20)},
			{ID: "ai-1", MeetingID: "mt-2", Text: "Share the slides", CreatedAt: day(20)},
		},
		Turnout: []domain.Turnout{{MeetingID: "mt-2", OrganizationID: "org-c", People: 12}, {MeetingID: "mt-2", OrganizationID: "org-a", People: 3}},
		Attendance: []domain.Attendance{
			{ID: "at-2", MeetingID: "mt-2", OrganizationID: "org-c", PersonID: "p-2", RecordedBy: "u-1", RecordedAt: day(20)},
			{ID: "at-1", MeetingID: "mt-1", OrganizationID: "org-a", RecordedAt: day(12)},
		},
		Commitments: []domain.Commitment{
			{ID: "cm-1", MembershipID: "m-3", Text: "Two people at every assembly", AgreedOn: "2024-03-25", CreatedAt: day(4), Records: []domain.CommitmentRecord{
				{ID: "cr-2", CommitmentID: "cm-1", PeriodStart: "2024-04-01", PeriodEnd: "2024-04-30", Kept: true, RecordedAt: day(41)},
				{ID: "cr-1", CommitmentID: "cm-1", PeriodStart: "2024-05-01", PeriodEnd: "2024-05-31", Note: "Ramadan", RecordedBy: "u-1", RecordedAt: day(71)},
			}},
		},
		PhaseChanges: []domain.PhaseChange{
			{ID: "ph-1", FromPhase: "forming", ToPhase: "campaign", On: "2024-03-26", Learned: "Tenants lead best.", CarryForward: "Monthly assemblies.",
				CreatedBy: "u-1", CreatedAt: day(5)},
		},
		Wins: []domain.Win{
			{ID: "w-2", Date: "2024-06-01", Title: "County adopts tenant protections", Kind: "policy", Size: "major", Description: "After a year.",
				Public: true, CreatedBy: "u-1", CreatedAt: day(72), UpdatedAt: day(73), Credits: []domain.Credit{
					{OrganizationID: "org-c", Contribution: "Testimony", Weight: 2.5},
					{OrganizationID: "org-a", Contribution: "Legal research", Weight: 1},
				}},
			{ID: "w-1", Date: "2024-04-02", Title: "First assembly", Kind: "relationship", Size: "short_term", CreatedAt: day(14), UpdatedAt: day(14)},
		},
	}
}

func sampleBundle() *Bundle { return New(sampleContents(), t0.Add(500*24*time.Hour)) }

func mustEncode(t testing.TB, b *Bundle) []byte {
	t.Helper()
	raw, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// sampleDoc returns the sample bundle as a generic JSON value to mutate.
func sampleDoc(t testing.TB) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(mustEncode(t, sampleBundle())))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// at walks a generic JSON value: at(doc, "memberships", 0) is doc["memberships"][0].
func at(v any, path ...any) map[string]any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}
