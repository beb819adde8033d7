package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// builder turns the demo tables into records.
type builder struct {
	world
	orgIDs       map[string]string // organization key → id
	coordinator  *domain.User
	member       *domain.User
	memberOrgID  string
	adoptedByOrg map[string]string // organization id → user id of its representative
}

// buildDemo lays out the demo ecosystem. hash makes a password's stored form.
func buildDemo(hash func(string) string) (*world, error) {
	b := &builder{orgIDs: map[string]string{}, adoptedByOrg: map[string]string{}}
	b.coordinator = &domain.User{ID: store.NewID(), Email: CoordinatorEmail, Name: "Jordan Ellis", PasswordHash: hash(DemoPassword), Locale: "en"}
	b.member = &domain.User{ID: store.NewID(), Email: MemberEmail, Name: "Hodan Abdi", PasswordHash: hash(DemoPassword), Locale: "en"}
	b.users = []*domain.User{b.coordinator, b.member}
	// Every account has a person record, as accounts made by the application do.
	b.people = append(b.people, domain.Person{ID: store.NewID(), Name: b.coordinator.Name, Pronouns: "they/them",
		Languages: []string{"English", "Spanish"}, UserID: b.coordinator.ID, CreatedAt: day(-90)})
	for i, s := range organizations {
		b.addOrganization(i, s)
	}
	for _, cs := range coalitions {
		if err := b.addCoalition(cs); err != nil {
			return nil, err
		}
	}
	return &b.world, b.validate()
}

func (b *builder) addOrganization(i int, s orgSeed) {
	created := day(-60 + i)
	o := domain.Organization{ID: store.NewID(), Name: s.name, Kind: s.kind, Mission: s.mission,
		Geographies: s.geographies, IssueAreas: s.issues, Languages: s.languages, BudgetBand: s.budget,
		StaffSize: s.staff, BipocLed: s.bipocLed, Identity: s.identity,
		Visibility: domain.Visibility{Listed: s.listed, Fields: s.public}, CreatedAt: created, UpdatedAt: created.AddDate(0, 2, 0)}
	if s.website {
		o.Website = "https://" + strings.ReplaceAll(s.key, "-", "") + ".example.org"
	}
	for _, sk := range s.skills {
		name, level, _ := strings.Cut(sk, ":")
		o.Skills = append(o.Skills, domain.Skill{Name: name, Level: level})
	}
	b.orgIDs[s.key] = o.ID
	b.orgs = append(b.orgs, o)
	for j, p := range s.people {
		person := domain.Person{ID: store.NewID(), Name: p.name, Pronouns: p.pronouns,
			Languages: s.languages[:min(2, len(s.languages))], CreatedAt: created.Add(time.Duration(j+1) * time.Hour)}
		if s.key == memberOrg && j == 0 {
			person.UserID = b.member.ID
			b.memberOrgID = o.ID
			b.adoptedByOrg[o.ID] = b.member.ID
		}
		b.people = append(b.people, person)
		b.affiliations = append(b.affiliations, domain.Affiliation{PersonID: person.ID, OrganizationID: o.ID, Title: p.title, Representative: j == 0})
	}
}

func (b *builder) addCoalition(cs coalitionSeed) error {
	created := day(cs.startDay)
	c := domain.Coalition{ID: store.NewID(), Name: cs.name, Goal: cs.goal, TheoryOfChange: cs.theory, IssueAreas: cs.issues,
		Geography: cs.geography, Phase: cs.phase, Public: cs.public, CreatedAt: created, UpdatedAt: created.AddDate(0, 0, 160)}
	b.coalitions = append(b.coalitions, c)
	b.access = append(b.access, domain.CoalitionAccess{CoalitionID: c.ID, UserID: b.coordinator.ID, Role: domain.AccessCoordinator})
	var ms []domain.Membership
	for k, s := range cs.members {
		orgID, ok := b.orgIDs[s.org]
		if !ok {
			return fmt.Errorf("coalition %q names unknown organization %q", cs.name, s.org)
		}
		m := domain.Membership{ID: store.NewID(), CoalitionID: c.ID, OrganizationID: orgID, Role: s.role, MostImpacted: s.mostImpacted,
			Status: domain.StatusActive, StatusReason: s.reason, JoinedAt: created.AddDate(0, 0, 3*k)}
		if s.status != "" {
			m.Status = s.status
		}
		if m.Status == domain.StatusLeft {
			left := created.AddDate(0, 0, 200)
			m.LeftAt = &left
		}
		if orgID == b.memberOrgID {
			b.access = append(b.access, domain.CoalitionAccess{CoalitionID: c.ID, UserID: b.member.ID, Role: domain.AccessMember})
		}
		ms = append(ms, m)
	}
	b.memberships = append(b.memberships, ms...)
	var ps []domain.Principle
	for p, s := range cs.principles {
		ps = append(ps, b.principle(c, p, s))
	}
	b.principles = append(b.principles, ps...)
	for k, m := range ms {
		b.adopt(k, m, ps)
	}
	return nil
}

// principle makes the p-th principle of c, with its revision when it has one.
func (b *builder) principle(c domain.Coalition, p int, s principleSeed) domain.Principle {
	created := c.CreatedAt.AddDate(0, 0, 10).Add(time.Duration(p) * time.Hour)
	pr := domain.Principle{ID: store.NewID(), CoalitionID: c.ID, Position: p + 1, CreatedAt: created}
	pr.Versions = append(pr.Versions, domain.PrincipleVersion{ID: store.NewID(), PrincipleID: pr.ID, Version: 1,
		Title: s.title, Body: s.body, CreatedBy: b.coordinator.ID, CreatedAt: created})
	if s.body2 != "" {
		pr.Versions = append(pr.Versions, domain.PrincipleVersion{ID: store.NewID(), PrincipleID: pr.ID, Version: 2,
			Title: s.revised, Body: s.body2, CreatedBy: b.coordinator.ID, CreatedAt: c.CreatedAt.AddDate(0, 0, 150)})
	}
	return pr
}

// adopt records the k-th membership's adoptions. Observers adopt nothing; a member that
// left had adopted the first principle. Of a revised principle, a third of the members
// adopted only the first text, a third both, a third only the revision; of the others,
// most members adopted them and a few have not yet.
func (b *builder) adopt(k int, m domain.Membership, ps []domain.Principle) {
	if m.Role == domain.RoleObserver {
		return
	}
	for p, pr := range ps {
		if m.Status == domain.StatusLeft && p > 0 {
			return
		}
		var versions []domain.PrincipleVersion
		switch {
		case len(pr.Versions) == 1 && (k+p)%4 != 3:
			versions = pr.Versions
		case len(pr.Versions) == 2 && m.Status != domain.StatusLeft:
			versions = [][]domain.PrincipleVersion{pr.Versions[:1], pr.Versions, pr.Versions[1:]}[k%3]
		case len(pr.Versions) == 2:
			versions = pr.Versions[:1]
		}
		for _, v := range versions {
			at := v.CreatedAt
			if m.JoinedAt.After(at) {
				at = m.JoinedAt
			}
			b.adoptions = append(b.adoptions, domain.Adoption{ID: store.NewID(), MembershipID: m.ID, PrincipleVersionID: v.ID,
				AdoptedBy: b.adoptedByOrg[m.OrganizationID], AdoptedAt: at.AddDate(0, 0, 2).Add(time.Duration(k) * time.Hour)})
		}
	}
}
