// Package bundle is Braid's coalition export format: one coalition with its member
// organizations, their people, the memberships, the principles with every version, the
// adoptions, the coalition's work (workstreams, tasks, meetings, attendance,
// commitments, phase changes, wins) and its voice (voice settings, proposals with
// their stances and outcomes, stepping back), its power map, asks and offers, the
// skills it needs, and the relationships among its organizations, as one versioned
// JSON document.
//
// The format is described by the JSON Schema in schema/bundle-v2.schema.json, embedded
// as SchemaJSON. Version 1 documents (schema/bundle-v1.schema.json), which hold only
// the foundation records, are still read: they parse as version 2 with the newer lists
// empty. Parse checks a document against that schema and then checks what a
// schema cannot: references between records, duplicate ids and the domain's own
// validation. Every array is ordered by id and every time is UTC with microseconds, so
// exporting, importing into an empty database and exporting again gives the same bytes
// apart from exported_at.
//
// The package is pure: it converts between bundles and domain values and never touches
// the database; internal/app does the import and export.
package bundle

import (
	"bytes"
	"encoding/json"
	"io"
	"time"
)

// Format and Version identify the document. A reader refuses versions it does not
// know rather than guessing; it reads version 1 too.
const (
	Format  = "braid.bundle"
	Version = 2
)

// MaxBundleBytes is the largest bundle Braid reads. Callers limit what they read to
// this size before calling Parse, which refuses anything larger.
const MaxBundleBytes = 20 << 20

// Bundle is a whole coalition. Accounts, invitations and the audit log are not part of
// it; check-ins and tensions only when a coordinator asks for them.
type Bundle struct {
	Format        string         `json:"format"`
	Version       int            `json:"version"`
	ExportedAt    time.Time      `json:"exported_at"`
	Coalition     Coalition      `json:"coalition"`
	Organizations []Organization `json:"organizations"`
	People        []Person       `json:"people"`
	Memberships   []Membership   `json:"memberships"`
	Principles    []Principle    `json:"principles"`
	Adoptions     []Adoption     `json:"adoptions"`
	// Since version 2.
	Workstreams  []Workstream  `json:"workstreams"`
	Tasks        []Task        `json:"tasks"`
	Meetings     []Meeting     `json:"meetings"`
	Attendance   []Attendance  `json:"attendance"`
	Commitments  []Commitment  `json:"commitments"`
	PhaseChanges []PhaseChange `json:"phase_changes"`
	Wins         []Win         `json:"wins"`
	// Since version 2 too: the coalition's voice.
	VoiceSettings *VoiceSettings `json:"voice_settings"`
	Proposals     []Proposal     `json:"proposals"`
	SteppingBacks []SteppingBack `json:"stepping_backs"`
	// Since version 2 too: the power map and shared capacity.
	Targets    []Target   `json:"targets"`
	AsksOffers []AskOffer `json:"asks_offers"`
	SkillNeeds []string   `json:"skill_needs"`
	// Since version 2 too: the relationships among the bundle's organizations.
	Relationships       []Relationship       `json:"relationships"`
	RelationshipHistory []RelationshipChange `json:"relationship_history"`
	// Since version 2 too: sign-on letters with their confirmed and withdrawn signatures.
	SignOnLetters []SignOnLetter `json:"sign_on_letters"`
	// Since version 2 too, and only when a coordinator asked for them: closed check-ins
	// with their anonymous responses, and tensions (see health.go). Empty otherwise.
	CheckIns []CheckIn `json:"check_ins"`
	Tensions []Tension `json:"tensions"`
	// Since version 2 too: funds with their hash-chained ledgers, contributions and
	// allocation rounds (see money.go).
	Funds            []Fund            `json:"funds"`
	Contributions    []Contribution    `json:"contributions"`
	AllocationRounds []AllocationRound `json:"allocation_rounds"`
	// Since version 2 too: finished speaking turns, by organization (see speaking.go).
	SpeakingTurns []SpeakingTurn `json:"speaking_turns"`
}

// Coalition is the coalition itself.
type Coalition struct {
	ID             string    `json:"id"`
	Slug           string    `json:"slug"`
	Name           string    `json:"name"`
	Goal           string    `json:"goal"`
	TheoryOfChange string    `json:"theory_of_change"`
	IssueAreas     []string  `json:"issue_areas"`
	Geography      string    `json:"geography"`
	Phase          string    `json:"phase"`
	Public         bool      `json:"public"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Organization is a member organization's profile.
type Organization struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Kind        string     `json:"kind"`
	Mission     string     `json:"mission"`
	Website     string     `json:"website"`
	Geographies []string   `json:"geographies"`
	IssueAreas  []string   `json:"issue_areas"`
	Skills      []Skill    `json:"skills"`
	Languages   []string   `json:"languages"`
	BudgetBand  string     `json:"budget_band"`
	StaffSize   int        `json:"staff_size"`
	BipocLed    string     `json:"bipoc_led"`
	Identity    string     `json:"identity"`
	Visibility  Visibility `json:"visibility"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Skill is one skill an organization brings, with its level.
type Skill struct {
	Name  string `json:"name"`
	Level string `json:"level"`
}

// Visibility says what of an organization's profile is public.
type Visibility struct {
	Listed bool     `json:"listed"`
	Fields []string `json:"fields"`
}

// Person is someone affiliated with at least one member organization.
type Person struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Pronouns     string        `json:"pronouns"`
	Languages    []string      `json:"languages"`
	CreatedAt    time.Time     `json:"created_at"`
	Affiliations []Affiliation `json:"affiliations"`
}

// Affiliation links a person to a member organization.
type Affiliation struct {
	OrganizationID string `json:"organization_id"`
	Title          string `json:"title"`
	Representative bool   `json:"representative"`
}

// Membership is an organization's place in the coalition.
type Membership struct {
	ID             string     `json:"id"`
	OrganizationID string     `json:"organization_id"`
	Role           string     `json:"role"`
	MostImpacted   bool       `json:"most_impacted"`
	Status         string     `json:"status"`
	StatusReason   string     `json:"status_reason"`
	JoinedAt       time.Time  `json:"joined_at"`
	LeftAt         *time.Time `json:"left_at"`
}

// Principle is one guiding principle with every version of its text, oldest first.
type Principle struct {
	ID        string             `json:"id"`
	Position  int                `json:"position"`
	CreatedAt time.Time          `json:"created_at"`
	Versions  []PrincipleVersion `json:"versions"`
}

// PrincipleVersion is one revision of a principle's text.
type PrincipleVersion struct {
	ID        string    `json:"id"`
	Version   int       `json:"version"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// Adoption records that a membership adopted one version of a principle.
type Adoption struct {
	ID                 string    `json:"id"`
	MembershipID       string    `json:"membership_id"`
	PrincipleVersionID string    `json:"principle_version_id"`
	AdoptedAt          time.Time `json:"adopted_at"`
}

// Encode writes the bundle as indented JSON with a final newline. The same bundle
// always gives the same bytes.
func Encode(b *Bundle) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write encodes the bundle to w (see Encode).
func Write(w io.Writer, b *Bundle) error {
	raw, err := Encode(b)
	if err != nil {
		return err
	}
	_, err = w.Write(raw)
	return err
}

// canonicalTime is how every time is kept: UTC, to the microsecond, as the store keeps it.
func canonicalTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func canonicalTimePtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := canonicalTime(*t)
	return &c
}

// orEmpty returns list, or an empty list for nil, so that JSON shows [] and never null.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
