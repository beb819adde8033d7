package domain

import "slices"

// Budget bands of an organization's annual budget.
const (
	BudgetUnder250k = "under_250k"
	Budget250kTo1m  = "250k_1m"
	Budget1mTo5m    = "1m_5m"
	BudgetOver5m    = "over_5m"
	NotSaid         = "not_said"
)

// BudgetBands lists the bands in order, then not_said.
var BudgetBands = []string{BudgetUnder250k, Budget250kTo1m, Budget1mTo5m, BudgetOver5m, NotSaid}

// BipocLedValues lists the answers to "is the organization BIPOC-led".
var BipocLedValues = []string{"yes", "no", NotSaid}

// Membership roles.
const (
	RoleAnchor    = "anchor"
	RoleSteering  = "steering"
	RoleMember    = "member"
	RoleSupporter = "supporter"
	RoleObserver  = "observer"
)

// MembershipRoles lists the roles an organization can hold in a coalition.
var MembershipRoles = []string{RoleAnchor, RoleSteering, RoleMember, RoleSupporter, RoleObserver}

// IsLeadershipRole reports whether a membership role counts as a leadership seat.
func IsLeadershipRole(role string) bool { return role == RoleAnchor || role == RoleSteering }

// Membership statuses.
const (
	StatusActive       = "active"
	StatusSteppingBack = "stepping_back"
	StatusLeft         = "left"
)

// MembershipStatuses lists the statuses of a membership.
var MembershipStatuses = []string{StatusActive, StatusSteppingBack, StatusLeft}

// Coalition phases.
var Phases = []string{"forming", "campaign", "movement", "sustaining", "closed"}

// Access roles of a person's account in a coalition (distinct from membership roles,
// which belong to organizations).
const (
	AccessCoordinator = "coordinator"
	AccessFacilitator = "facilitator"
	AccessMember      = "member"
	AccessObserver    = "observer"
)

// AccessRoles lists the access roles, most powerful first.
var AccessRoles = []string{AccessCoordinator, AccessFacilitator, AccessMember, AccessObserver}

// Organization kinds.
var OrganizationKinds = []string{"nonprofit", "community_group", "faith", "union", "fiscal_sponsor", "cooperative", "other"}

// Skill levels.
var SkillLevels = []string{"learning", "practising", "can_teach"}

// PublicFields lists the profile fields an organization may choose to make public.
// Its name is always public when it is listed on a public page.
var PublicFields = []string{"mission", "kind", "geographies", "issue_areas", "skills", "languages", "budget_band", "staff_size", "bipoc_led", "identity", "website"}

// Dimensions of the equity report.
const (
	DimensionLeadership   = "leadership"
	DimensionCredit       = "credit"
	DimensionTasksLed     = "tasks_led"     // tasks owned and done in the period
	DimensionAttendance   = "attendance"    // meetings attended in the period
	DimensionHelpGiven    = "help_given"    // fulfilled asks and offers (app/reciprocity.go)
	DimensionHelpReceived = "help_received" // likewise, on the receiving side
	// Voice and decisions (issue 4).
	DimensionProposalsAuthored = "proposals_authored"
	DimensionStances           = "stances"
	DimensionSpeakingTime      = "speaking_time" // seconds spoken in meetings (speaking queue turns)
	// Money (issue 5): cents allocated to each member, and its confirmed contributed time.
	DimensionDollars = "dollars_allocated"
	DimensionHours   = "hours_contributed"
)

// Dimensions lists the dimensions the equity report can compute today.
var Dimensions = []string{
	DimensionLeadership,
	DimensionCredit,
	DimensionTasksLed,
	DimensionAttendance,
	DimensionHelpGiven,
	DimensionHelpReceived,
	DimensionProposalsAuthored,
	DimensionStances,
	DimensionSpeakingTime,
	DimensionDollars,
	DimensionHours,
}

// OneOf reports whether v is one of allowed.
func OneOf(v string, allowed []string) bool { return slices.Contains(allowed, v) }

// Length limits for text fields, shared by validation and the UI.
const (
	MaxName  = 200
	MaxShort = 500
	MaxText  = 20000
	MaxList  = 50
)
