package bundle

import (
	"cmp"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// Contents is a coalition's records as domain values: what an export reads from the
// store and what an import writes to it.
type Contents struct {
	Coalition     domain.Coalition
	Organizations []domain.Organization
	People        []domain.Person
	Affiliations  []domain.Affiliation
	Memberships   []domain.Membership
	Principles    []domain.Principle // each with all its Versions
	Adoptions     []domain.Adoption
	WorkContents
	VoiceContents
	CapacityContents
	NetworkContents
	LetterContents
	HealthContents
	MoneyContents
	SpeakingContents
}

// New builds the bundle of c, every array ordered by id. People keep only their
// affiliations with organizations in c; user ids, creators, recorders and adopters
// (accounts) are left out.
func New(c Contents, exportedAt time.Time) *Bundle {
	b := &Bundle{Format: Format, Version: Version, ExportedAt: canonicalTime(exportedAt), Coalition: fromCoalition(c.Coalition)}
	orgIDs := map[string]bool{}
	for _, o := range c.Organizations {
		b.Organizations = append(b.Organizations, fromOrganization(o))
		orgIDs[o.ID] = true
	}
	affs := map[string][]Affiliation{}
	for _, a := range c.Affiliations {
		if orgIDs[a.OrganizationID] {
			affs[a.PersonID] = append(affs[a.PersonID], Affiliation{a.OrganizationID, a.Title, a.Representative})
		}
	}
	for _, p := range c.People {
		if len(affs[p.ID]) == 0 {
			continue
		}
		slices.SortFunc(affs[p.ID], func(x, y Affiliation) int { return cmp.Compare(x.OrganizationID, y.OrganizationID) })
		b.People = append(b.People, Person{ID: p.ID, Name: p.Name, Pronouns: p.Pronouns, Languages: orEmpty(p.Languages),
			CreatedAt: canonicalTime(p.CreatedAt), Affiliations: affs[p.ID]})
	}
	for _, m := range c.Memberships {
		b.Memberships = append(b.Memberships, Membership{ID: m.ID, OrganizationID: m.OrganizationID, Role: m.Role,
			MostImpacted: m.MostImpacted, Status: m.Status, StatusReason: m.StatusReason,
			JoinedAt: canonicalTime(m.JoinedAt), LeftAt: canonicalTimePtr(m.LeftAt)})
	}
	for _, p := range c.Principles {
		b.Principles = append(b.Principles, fromPrinciple(p))
	}
	for _, a := range c.Adoptions {
		b.Adoptions = append(b.Adoptions, Adoption{a.ID, a.MembershipID, a.PrincipleVersionID, canonicalTime(a.AdoptedAt)})
	}
	b.addWork(c.WorkContents)
	b.addVoice(c.VoiceContents)
	b.addCapacity(c.CapacityContents)
	b.addNetwork(c.NetworkContents)
	b.addLetters(c.LetterContents)
	b.addHealth(c.HealthContents)
	b.addMoney(c.MoneyContents)
	b.addSpeaking(c.SpeakingContents)
	b.sort()
	b.pseudonymizeVoters()
	return b
}

// sort orders every array by id (versions by number, affiliations by organization) and
// replaces nil arrays by empty ones.
func (b *Bundle) sort() {
	b.Organizations = orEmpty(b.Organizations)
	b.People = orEmpty(b.People)
	b.Memberships = orEmpty(b.Memberships)
	b.Principles = orEmpty(b.Principles)
	b.Adoptions = orEmpty(b.Adoptions)
	slices.SortFunc(b.Organizations, func(x, y Organization) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.People, func(x, y Person) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Memberships, func(x, y Membership) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Principles, func(x, y Principle) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Adoptions, func(x, y Adoption) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Principles {
		slices.SortFunc(b.Principles[i].Versions, func(x, y PrincipleVersion) int { return cmp.Compare(x.Version, y.Version) })
	}
	b.sortWork()
	b.sortVoice()
	b.sortCapacity()
	b.sortNetwork()
	b.sortLetters()
	b.sortHealth()
	b.sortMoney()
	b.sortSpeaking()
}

func fromCoalition(c domain.Coalition) Coalition {
	return Coalition{ID: c.ID, Slug: c.Slug, Name: c.Name, Goal: c.Goal, TheoryOfChange: c.TheoryOfChange,
		IssueAreas: orEmpty(c.IssueAreas), Geography: c.Geography, Phase: c.Phase, Public: c.Public,
		CreatedAt: canonicalTime(c.CreatedAt), UpdatedAt: canonicalTime(c.UpdatedAt)}
}

func fromOrganization(o domain.Organization) Organization {
	skills := []Skill{}
	for _, s := range o.Skills {
		skills = append(skills, Skill(s))
	}
	return Organization{ID: o.ID, Name: o.Name, Kind: o.Kind, Mission: o.Mission, Website: o.Website,
		Geographies: orEmpty(o.Geographies), IssueAreas: orEmpty(o.IssueAreas), Skills: skills,
		Languages: orEmpty(o.Languages), BudgetBand: o.BudgetBand, StaffSize: o.StaffSize, BipocLed: o.BipocLed,
		Identity: o.Identity, Visibility: Visibility{Listed: o.Visibility.Listed, Fields: orEmpty(o.Visibility.Fields)},
		CreatedAt: canonicalTime(o.CreatedAt), UpdatedAt: canonicalTime(o.UpdatedAt)}
}

func fromPrinciple(p domain.Principle) Principle {
	out := Principle{ID: p.ID, Position: p.Position, CreatedAt: canonicalTime(p.CreatedAt), Versions: []PrincipleVersion{}}
	for _, v := range p.Versions {
		out.Versions = append(out.Versions, PrincipleVersion{v.ID, v.Version, v.Title, v.Body, canonicalTime(v.CreatedAt)})
	}
	return out
}

// Contents returns the bundle's records as domain values, in the bundle's order, ready
// to be written by an import. Versions are 1 for every record; people have no account.
func (b *Bundle) Contents() Contents {
	c := Contents{Coalition: b.Coalition.toDomain()}
	for _, o := range b.Organizations {
		c.Organizations = append(c.Organizations, o.toDomain())
	}
	for _, p := range b.People {
		c.People = append(c.People, domain.Person{ID: p.ID, Name: p.Name, Pronouns: p.Pronouns,
			Languages: orEmpty(p.Languages), CreatedAt: p.CreatedAt})
		for _, a := range p.Affiliations {
			c.Affiliations = append(c.Affiliations, domain.Affiliation{PersonID: p.ID, OrganizationID: a.OrganizationID,
				Title: a.Title, Representative: a.Representative})
		}
	}
	for _, m := range b.Memberships {
		c.Memberships = append(c.Memberships, m.toDomain(b.Coalition.ID))
	}
	for _, p := range b.Principles {
		c.Principles = append(c.Principles, p.toDomain(b.Coalition.ID))
	}
	for _, a := range b.Adoptions {
		c.Adoptions = append(c.Adoptions, domain.Adoption{ID: a.ID, MembershipID: a.MembershipID,
			PrincipleVersionID: a.PrincipleVersionID, AdoptedAt: a.AdoptedAt})
	}
	c.WorkContents = b.work()
	c.VoiceContents = b.voice()
	c.CapacityContents = b.capacity()
	c.NetworkContents = b.network()
	c.LetterContents = b.letters()
	c.HealthContents = b.health()
	c.MoneyContents = b.money()
	c.SpeakingContents = b.speaking()
	return c
}

func (c Coalition) toDomain() domain.Coalition {
	return domain.Coalition{ID: c.ID, Slug: c.Slug, Name: c.Name, Goal: c.Goal, TheoryOfChange: c.TheoryOfChange,
		IssueAreas: orEmpty(c.IssueAreas), Geography: c.Geography, Phase: c.Phase, Public: c.Public, Version: 1,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

func (o Organization) toDomain() domain.Organization {
	skills := []domain.Skill{}
	for _, s := range o.Skills {
		skills = append(skills, domain.Skill(s))
	}
	return domain.Organization{ID: o.ID, Name: o.Name, Kind: o.Kind, Mission: o.Mission, Website: o.Website,
		Geographies: orEmpty(o.Geographies), IssueAreas: orEmpty(o.IssueAreas), Skills: skills,
		Languages: orEmpty(o.Languages), BudgetBand: o.BudgetBand, StaffSize: o.StaffSize, BipocLed: o.BipocLed,
		Identity: o.Identity, Visibility: domain.Visibility{Listed: o.Visibility.Listed, Fields: orEmpty(o.Visibility.Fields)},
		Version: 1, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
}

func (m Membership) toDomain(coalitionID string) domain.Membership {
	return domain.Membership{ID: m.ID, CoalitionID: coalitionID, OrganizationID: m.OrganizationID, Role: m.Role,
		MostImpacted: m.MostImpacted, Status: m.Status, StatusReason: m.StatusReason, JoinedAt: m.JoinedAt,
		LeftAt: m.LeftAt, Version: 1}
}

func (p Principle) toDomain(coalitionID string) domain.Principle {
	out := domain.Principle{ID: p.ID, CoalitionID: coalitionID, Position: p.Position, CreatedAt: p.CreatedAt}
	for _, v := range p.Versions {
		out.Versions = append(out.Versions, domain.PrincipleVersion{ID: v.ID, PrincipleID: p.ID, Version: v.Version,
			Title: v.Title, Body: v.Body, CreatedAt: v.CreatedAt})
	}
	if n := len(out.Versions); n > 0 {
		out.Current = out.Versions[n-1]
	}
	return out
}
