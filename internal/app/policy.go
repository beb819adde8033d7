package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Action is something an actor may do in a coalition.
type Action string

// The actions the policy knows. Each route maps to exactly one.
const (
	ViewCoalition    Action = "view_coalition"
	EditCoalition    Action = "edit_coalition"
	ManageMembers    Action = "manage_members"
	ManagePrinciples Action = "manage_principles"
	ViewAudit        Action = "view_audit"
	ExportCoalition  Action = "export_coalition"
	MovePhase        Action = "move_phase"
	RecordWins       Action = "record_wins"
	// ManageFunds: create funds and record ledger entries (money/issue 5).
	ManageFunds Action = "manage_funds"
	// Coalition health (checkin.go, tension.go).
	ManageCheckIns Action = "manage_checkins"
	// Voice and decisions (issue 4).
	Propose         Action = "propose"          // draft a proposal
	ManageProposals Action = "manage_proposals" // open or edit anyone's draft, close a proposal early
	ManageVoice     Action = "manage_voice"     // choose who takes stances and the queue order
	RunQueue        Action = "run_queue"        // open, order, call and close a meeting's speaking queue
	// The power map (issue 6): add targets and assessments.
	ManagePowerMap Action = "manage_power_map"
	// Clarity (workstreams, tasks, meetings, commitments).
	ManageWorkstreams Action = "manage_workstreams"
	ManageTasks       Action = "manage_tasks"
	ManageMeetings    Action = "manage_meetings"
	RecordAttendance  Action = "record_attendance" // members only for organizations they represent
	ManageCommitments Action = "manage_commitments"
	// Sign-on letters: draft, open and close them, see signers' contacts, remove a signature.
	ManageLetters Action = "manage_letters"
	// The analysis library: share documents; curate (change or remove anyone's).
	ShareDocuments  Action = "share_documents"
	CurateDocuments Action = "curate_documents"
)

// allowed lists, per action, the access roles that may perform it. A deployment admin may
// do everything. Anyone without an access role in the coalition is told it does not exist.
var allowed = map[Action][]string{
	ViewCoalition:    domain.AccessRoles,
	ViewAudit:        domain.AccessRoles,
	EditCoalition:    {domain.AccessCoordinator},
	ManageMembers:    {domain.AccessCoordinator},
	ManagePrinciples: {domain.AccessCoordinator, domain.AccessFacilitator},
	ExportCoalition:  {domain.AccessCoordinator},
	MovePhase:        {domain.AccessCoordinator},
	RecordWins:       {domain.AccessCoordinator, domain.AccessFacilitator, domain.AccessMember},
	ManageFunds:      {domain.AccessCoordinator},
	ManageCheckIns:   {domain.AccessCoordinator},
	Propose:          {domain.AccessCoordinator, domain.AccessFacilitator, domain.AccessMember},
	ManageProposals:  {domain.AccessCoordinator, domain.AccessFacilitator},
	ManageVoice:      {domain.AccessCoordinator},
	RunQueue:         {domain.AccessCoordinator, domain.AccessFacilitator},
	ManagePowerMap:   {domain.AccessCoordinator, domain.AccessFacilitator, domain.AccessMember},
	// Clarity.
	ManageWorkstreams: {domain.AccessCoordinator},
	ManageTasks:       {domain.AccessCoordinator, domain.AccessFacilitator, domain.AccessMember},
	ManageMeetings:    {domain.AccessCoordinator, domain.AccessFacilitator},
	RecordAttendance:  {domain.AccessCoordinator, domain.AccessFacilitator, domain.AccessMember},
	ManageCommitments: {domain.AccessCoordinator, domain.AccessFacilitator},
	ManageLetters:     {domain.AccessCoordinator, domain.AccessFacilitator},
	ShareDocuments:    {domain.AccessCoordinator, domain.AccessFacilitator, domain.AccessMember},
	CurateDocuments:   {domain.AccessCoordinator, domain.AccessFacilitator},
}

// Permission is the result of an authorization: the actor's role in the coalition.
type Permission struct {
	Coalition *domain.Coalition
	Role      string // access role; "admin" for a deployment admin without one
}

// Can reports whether the permission covers action.
func (p Permission) Can(action Action) bool {
	if p.Role == "admin" {
		return true
	}
	return domain.OneOf(p.Role, allowed[action])
}

// authorize loads the coalition and checks that actor may perform action in it. It returns
// ENOTFOUND when the actor has no role there (so a coalition's existence is not revealed),
// EUNAUTHORIZED for an anonymous actor and EFORBIDDEN for a role that is too weak.
func authorize(ctx context.Context, tx *store.Tx, actor Actor, coalitionID string, action Action) (Permission, error) {
	if actor == nil {
		return Permission{}, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	c, err := tx.FindCoalition(ctx, coalitionID)
	if err != nil {
		return Permission{}, err
	}
	role, err := tx.FindAccess(ctx, c.ID, actor.ID)
	if err != nil {
		return Permission{}, err
	}
	if role == "" && actor.Admin {
		role = "admin"
	}
	if role == "" {
		return Permission{}, domain.NotFound("Coalition")
	}
	p := Permission{Coalition: c, Role: role}
	if !p.Can(action) {
		return p, domain.Errorf(domain.EFORBIDDEN, "Your role in this coalition does not allow this.")
	}
	return p, nil
}

// Authorize checks a permission without doing anything else, for pages that only show
// what a role may do (which buttons to offer).
func (a *App) Authorize(ctx context.Context, actor Actor, coalitionID string, action Action) (Permission, error) {
	var p Permission
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		p, err = authorize(ctx, tx, actor, coalitionID, action)
		return err
	})
	return p, err
}

// canActForOrganization reports whether actor represents the organization or is an admin.
func canActForOrganization(ctx context.Context, tx *store.Tx, actor Actor, orgID string) (bool, error) {
	if actor == nil {
		return false, nil
	}
	if actor.Admin {
		return true, nil
	}
	return tx.IsRepresentative(ctx, actor.ID, orgID)
}

// canSteer reports whether actor may open and approve allocation rounds in the
// coalition of p: its coordinators and admins, and the representatives of its anchor
// and steering member organizations (membership roles, not access roles).
func canSteer(ctx context.Context, tx *store.Tx, actor Actor, p Permission) (bool, error) {
	if p.Role == "admin" || p.Role == domain.AccessCoordinator {
		return true, nil
	}
	orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
	if err != nil {
		return false, err
	}
	for _, o := range orgs {
		m, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, o.ID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			continue
		} else if err != nil {
			return false, err
		}
		if m.Counts() && domain.IsLeadershipRole(m.Role) {
			return true, nil
		}
	}
	return false, nil
}

// TensionAccess is what one person may do with one tension. A tension is seen by its
// parties (a person named, or a representative of an organization named), the person who
// raised it, the coalition's facilitators and the facilitator assigned to it; by everyone
// with a role in the coalition only once widened. Coordinators and administrators have no
// access of their own: to anyone else a tension does not exist (ENOTFOUND everywhere).
type TensionAccess struct {
	See        bool `json:"see"`
	Facilitate bool `json:"facilitate"` // move it, assign, record agreements, widen
	Take       bool `json:"take_part"`  // a party or the raiser: add notes
	Raiser     bool `json:"raiser"`     // may withdraw it
	// Speaks lists the parties the person speaks for (themself, organizations they represent).
	Speaks []domain.TensionParty `json:"speaks_for"`
}

// tensionAccess decides TensionAccess from the person's role in the coalition and the
// organizations they represent.
func tensionAccess(p Permission, actorID string, represents map[string]bool, t *domain.Tension) TensionAccess {
	var a TensionAccess
	for _, party := range t.Parties {
		if (party.Type == domain.PartyPerson && party.ID == actorID) || (party.Type == domain.PartyOrganization && represents[party.ID]) {
			a.Speaks = append(a.Speaks, party)
		}
	}
	a.Raiser = t.RaisedBy == actorID
	a.Facilitate = p.Role == domain.AccessFacilitator || (t.FacilitatorID != "" && t.FacilitatorID == actorID)
	a.Take = a.Raiser || len(a.Speaks) > 0 || a.Facilitate
	a.See = a.Take || (t.Visibility == domain.VisibilityCoalition && p.Role != "admin")
	return a
}

// requireAdmin allows deployment administrators only (deployment-wide settings such as
// the skill vocabulary).
func requireAdmin(actor Actor) error {
	if actor == nil {
		return domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	if !actor.Admin {
		return domain.Errorf(domain.EFORBIDDEN, "Only administrators of this deployment can do this.")
	}
	return nil
}
