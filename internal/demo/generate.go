package demo

import (
	"context"
	"encoding/base32"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Sizes of the synthetic ecosystem.
const (
	orgsPerTx          = 500 // organizations (and their people) written per transaction
	meanCoalitionSize  = 120 // memberships per coalition, on average
	principlesPerGroup = 5
)

// Generate loads a synthetic ecosystem for benchmarks: n organizations with 15 to 25
// people each (about 20), coalitions of roughly 50 to 200 members in which every
// organization holds 1 to 3 memberships, five principles per coalition (some revised)
// and adoptions. Organizations and people are written 500 organizations to a
// transaction, then the coalitions in one more.
//
// The same n and seed always give the same records, ids included, so generating twice
// with one seed into one database fails with ECONFLICT; use another seed.
func Generate(ctx context.Context, db *store.DB, n int, seed int64) error {
	if n < 1 {
		return errors.New("demo: generate at least one organization")
	}
	g := newGenerator(seed)
	orgs := make([]domain.Organization, 0, n)
	for start := 0; start < n; start += orgsPerTx {
		w := &world{}
		for i := start; i < min(n, start+orgsPerTx); i++ {
			g.organization(w, i)
		}
		if err := w.validate(); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if err := db.Write(ctx, func(tx *store.Tx) error { return w.write(ctx, tx) }); err != nil {
			return err
		}
		orgs = append(orgs, w.orgs...)
	}
	w := &world{}
	g.coalitions(w, orgs)
	if err := w.validate(); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return db.Write(ctx, func(tx *store.Tx) error { return w.write(ctx, tx) })
}

// generator makes deterministic synthetic records from one random source.
type generator struct {
	rng   *rand.Rand
	names map[string]bool
}

func newGenerator(seed int64) *generator {
	return &generator{rng: rand.New(rand.NewPCG(uint64(seed), 0x62726169640a)), names: map[string]bool{}}
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// id returns an identifier shaped like store.NewID's, drawn from the generator.
func (g *generator) id() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(g.rng.UintN(256))
	}
	return idEncoding.EncodeToString(b[:])
}

// pick returns one of list.
func pick[T any](g *generator, list []T) T { return list[g.rng.IntN(len(list))] }

// some returns between lo and hi distinct entries of list, in list order.
func some[T any](g *generator, list []T, lo, hi int) []T {
	k := lo + g.rng.IntN(hi-lo+1)
	var out []T
	for _, i := range g.rng.Perm(len(list))[:min(k, len(list))] {
		out = append(out, list[i])
	}
	return out
}

// weighted returns an index drawn with the given weights.
func (g *generator) weighted(weights ...float64) int {
	var total float64
	for _, w := range weights {
		total += w
	}
	x := g.rng.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func (g *generator) when(fromDay, toDay int) time.Time {
	return day(fromDay + g.rng.IntN(toDay-fromDay+1)).Add(time.Duration(g.rng.IntN(24*60)) * time.Minute)
}

// organization adds the i-th synthetic organization and its people to w.
func (g *generator) organization(w *world, i int) {
	bipoc := domain.BipocLedValues[g.weighted(55, 30, 15)]
	bands := map[string][]float64{"yes": {50, 30, 15, 3, 2}, "no": {15, 25, 35, 20, 5}, domain.NotSaid: {30, 25, 20, 10, 15}}
	band := domain.BudgetBands[g.weighted(bands[bipoc]...)]
	staff := map[string]int{domain.BudgetUnder250k: 1, domain.Budget250kTo1m: 4, domain.Budget1mTo5m: 15, domain.BudgetOver5m: 50, domain.NotSaid: 2}[band]
	name := fmt.Sprintf("%s %s %s", pick(g, genPlaces), pick(g, genFocus), pick(g, genForms))
	if g.names[name] {
		name = fmt.Sprintf("%s %d", name, i+1)
	}
	g.names[name] = true
	created := g.when(-900, -30)
	o := domain.Organization{ID: g.id(), Name: name, Kind: domain.OrganizationKinds[g.weighted(50, 25, 8, 5, 4, 5, 3)],
		Mission:     "A synthetic organization working on " + pick(g, genIssues) + ".",
		Geographies: some(g, genGeographies, 1, 2), IssueAreas: some(g, genIssues, 1, 3),
		Languages: append([]string{"English"}, some(g, genLanguages, 0, 2)...), BudgetBand: band,
		StaffSize: staff + g.rng.IntN(staff+1), BipocLed: bipoc,
		Visibility: domain.Visibility{Listed: g.rng.IntN(5) > 0, Fields: some(g, domain.PublicFields, 0, 6)},
		CreatedAt:  created, UpdatedAt: created.AddDate(0, 0, g.rng.IntN(30))}
	for _, s := range some(g, genSkills, 1, 4) {
		o.Skills = append(o.Skills, domain.Skill{Name: s, Level: pick(g, domain.SkillLevels)})
	}
	w.orgs = append(w.orgs, o)
	people := 15 + g.rng.IntN(11)
	for j := 0; j < people; j++ {
		p := domain.Person{ID: g.id(), Name: pick(g, genFirstNames) + " " + pick(g, genLastNames),
			Pronouns: pick(g, []string{"she/her", "he/him", "they/them", ""}), Languages: o.Languages[:1],
			CreatedAt: created.Add(time.Duration(j) * time.Hour)}
		w.people = append(w.people, p)
		w.affiliations = append(w.affiliations, domain.Affiliation{PersonID: p.ID, OrganizationID: o.ID,
			Title: pick(g, genTitles), Representative: j == 0})
	}
}

// coalitions adds coalitions over orgs: each organization joins 1 to 3 of them, chosen
// with per-coalition weights so that sizes vary around meanCoalitionSize.
func (g *generator) coalitions(w *world, orgs []domain.Organization) {
	counts := make([]int, len(orgs))
	slots := 0
	for i := range orgs {
		counts[i] = 1 + g.weighted(40, 40, 20)
		slots += counts[i]
	}
	nc := max(1, (slots+meanCoalitionSize/2)/meanCoalitionSize)
	weights := make([]float64, nc)
	for c := range weights {
		weights[c] = 0.5 + g.rng.Float64()
		start := -400 + g.rng.IntN(300)
		w.coalitions = append(w.coalitions, domain.Coalition{ID: g.id(), Name: fmt.Sprintf("%s %s Coalition %d", pick(g, genPlaces), pick(g, genFocus), c+1),
			Goal: "A synthetic goal for benchmarks.", TheoryOfChange: "A synthetic theory of change.", IssueAreas: some(g, genIssues, 1, 3),
			Geography: pick(g, genGeographies), Phase: pick(g, domain.Phases[:4]), Public: g.rng.IntN(3) > 0,
			CreatedAt: day(start), UpdatedAt: day(start + 30)})
	}
	members := make([][]domain.Organization, nc)
	for i, o := range orgs {
		open := append([]float64(nil), weights...)
		for k := 0; k < min(counts[i], nc); k++ {
			c := g.weighted(open...)
			open[c] = 0 // an organization joins a coalition once
			members[c] = append(members[c], o)
		}
	}
	for c := range w.coalitions {
		g.coalition(w, &w.coalitions[c], members[c])
	}
}

// coalition adds the memberships, principles and adoptions of one coalition.
// Leadership seats lean towards large budgets, as they often do.
func (g *generator) coalition(w *world, c *domain.Coalition, orgs []domain.Organization) {
	var ps []domain.Principle
	for p := 0; p < principlesPerGroup; p++ {
		s := pick(g, coalitions).principles
		seed := s[g.rng.IntN(len(s))]
		pr := domain.Principle{ID: g.id(), CoalitionID: c.ID, Position: p + 1, CreatedAt: c.CreatedAt.AddDate(0, 0, 7)}
		pr.Versions = []domain.PrincipleVersion{{ID: g.id(), PrincipleID: pr.ID, Version: 1, Title: seed.title, Body: seed.body, CreatedAt: pr.CreatedAt}}
		if seed.body2 != "" {
			pr.Versions = append(pr.Versions, domain.PrincipleVersion{ID: g.id(), PrincipleID: pr.ID, Version: 2,
				Title: seed.revised, Body: seed.body2, CreatedAt: pr.CreatedAt.AddDate(0, 4, 0)})
		}
		ps = append(ps, pr)
	}
	w.principles = append(w.principles, ps...)
	for k, o := range orgs {
		m := g.membership(c, o, k)
		w.memberships = append(w.memberships, m)
		if m.Role == domain.RoleObserver {
			continue
		}
		for _, pr := range ps {
			for _, v := range pr.Versions {
				if g.rng.IntN(4) > 0 {
					w.adoptions = append(w.adoptions, domain.Adoption{ID: g.id(), MembershipID: m.ID, PrincipleVersionID: v.ID,
						AdoptedAt: v.CreatedAt.AddDate(0, 0, 1+g.rng.IntN(60))})
				}
			}
		}
	}
}

func (g *generator) membership(c *domain.Coalition, o domain.Organization, k int) domain.Membership {
	big := o.BudgetBand == domain.Budget1mTo5m || o.BudgetBand == domain.BudgetOver5m
	lead := 6.0
	if big {
		lead = 18
	}
	role := domain.MembershipRoles[1+g.weighted(lead, 60, 15, 10)]
	if k == 0 {
		role = domain.RoleAnchor
	}
	small := o.BudgetBand == domain.BudgetUnder250k || o.BudgetBand == domain.Budget250kTo1m
	impacted := g.rng.IntN(10) < 2
	if o.BipocLed == "yes" && small {
		impacted = g.rng.IntN(10) < 7
	}
	m := domain.Membership{ID: g.id(), CoalitionID: c.ID, OrganizationID: o.ID, Role: role, MostImpacted: impacted,
		Status: domain.MembershipStatuses[g.weighted(90, 6, 4)], JoinedAt: c.CreatedAt.AddDate(0, 0, g.rng.IntN(120))}
	switch m.Status {
	case domain.StatusSteppingBack:
		m.StatusReason = "Capacity is stretched this season."
	case domain.StatusLeft:
		left := m.JoinedAt.AddDate(0, 0, 30+g.rng.IntN(200))
		m.LeftAt, m.StatusReason = &left, "Priorities changed."
	}
	return m
}
