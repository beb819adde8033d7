package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// The time side of Rooted Homes' money: a year of contributions from every member but
// the observer. The small, BIPOC-led tenant groups give the most hours (door knocking,
// interpretation, childcare, food); the large policy organizations give fewer, in legal
// analysis, lobbying and research. About a third link to the month's meeting, a task
// the organization owned, or a win near the day. Everything older than six weeks is
// confirmed; about half of the most recent six weeks still waits.

// contributionKinds are the kinds each group of members tends to log, most likely first.
var (
	grassrootsKinds = []string{"organizing", "organizing", "translation_interpretation", "childcare", "hosting_food", "communications", "facilitation"}
	policyKinds     = []string{"legal_analysis", "lobbying", "research", "research", "facilitation", "communications"}
)

var contributionTexts = map[string][]string{
	"organizing":                 {"Door knocking in two buildings", "Tenant meeting in the community room", "Phone bank for the hearing", "Building captains' check-in"},
	"translation_interpretation": {"Interpreted the monthly meeting", "Translated the flyer", "Interpreted at the legal clinic"},
	"childcare":                  {"Childcare during the meeting", "Childcare at the hearing"},
	"hosting_food":               {"Hosted the meeting and cooked", "Food for the tenant assembly"},
	"communications":             {"Social media for the campaign", "Drafted the newsletter"},
	"facilitation":               {"Facilitated the workstream call", "Facilitated the listening session"},
	"legal_analysis":             {"Reviewed the ordinance language", "Memo on tenant opportunity to purchase"},
	"lobbying":                   {"Council office visits", "Testimony preparation with council staff"},
	"research":                   {"Rent data analysis", "Survey tabulation"},
}

// demoLinks are the records of a coalition that contributions may link to.
type demoLinks struct {
	meetings []domain.Meeting // by start
	tasks    []domain.Task
	wins     []domain.Win
}

func loadLinks(ctx context.Context, tx *store.Tx, coalitionID string) (*demoLinks, error) {
	var l demoLinks
	var err error
	if l.meetings, err = tx.ListMeetings(ctx, coalitionID, nil, nil); err != nil {
		return nil, err
	}
	if l.tasks, err = tx.ListTasks(ctx, coalitionID, store.TaskFilter{}); err != nil {
		return nil, err
	}
	l.wins, err = tx.ListWins(ctx, coalitionID, false)
	return &l, err
}

// link picks, for a contribution of org on day, the month's meeting, a task the
// organization owned, a win within three weeks, or nothing.
func (l *demoLinks) link(rng *rand.Rand, org string, on time.Time) (string, string) {
	switch r := rng.Float64(); {
	case r < 0.18:
		for _, m := range l.meetings {
			if m.StartsAt.Year() == on.Year() && m.StartsAt.Month() == on.Month() {
				return "meeting", m.ID
			}
		}
	case r < 0.28:
		for _, t := range l.tasks {
			if t.OwnerOrgID == org && t.CreatedAt.Before(on) {
				return "task", t.ID
			}
		}
	case r < 0.36:
		for _, w := range l.wins {
			d, err := time.Parse(domain.DateLayout, w.Date)
			if err == nil && d.Sub(on).Abs() < 21*24*time.Hour {
				return "win", w.ID
			}
		}
	}
	return "", ""
}

// seedContributions logs a year of contributions by members of c and returns them.
func seedContributions(ctx context.Context, tx *store.Tx, w *world, c domain.Coalition, members []domain.Membership, actor string) ([]domain.Contribution, error) {
	rng := rand.New(rand.NewPCG(2024, 5))
	links, err := loadLinks(ctx, tx, c.ID)
	if err != nil {
		return nil, err
	}
	people := firstPeople(w)
	orgs := orgsByID(w)
	var out []domain.Contribution
	for _, m := range members {
		o := orgs[m.OrganizationID]
		kinds, perMonth, longest := policyKinds, 1, 4
		if o.BudgetBand == domain.BudgetUnder250k || o.BudgetBand == domain.Budget250kTo1m {
			kinds, perMonth, longest = grassrootsKinds, 3, 8
		}
		for month := 0; month < 12; month++ {
			for k := 0; k < perMonth+rng.IntN(2); k++ {
				on := day(month*30 + 1 + rng.IntN(29))
				kind := kinds[rng.IntN(len(kinds))]
				texts := contributionTexts[kind]
				ct := domain.Contribution{ID: store.NewID(), CoalitionID: c.ID, OrganizationID: m.OrganizationID, Day: on.Format(domain.DateLayout),
					Minutes: int64(30 * (1 + rng.IntN(longest))), Kind: kind, Description: texts[rng.IntN(len(texts))],
					CreatedBy: actor, CreatedAt: on.Add(4 * time.Hour)}
				if rng.IntN(3) == 0 {
					ct.PersonID = people[m.OrganizationID]
				}
				ct.LinkType, ct.LinkID = links.link(rng, m.OrganizationID, on)
				if on.Before(day(365-42)) || rng.IntN(2) == 0 {
					confirmed := on.AddDate(0, 0, 3+rng.IntN(10))
					ct.ConfirmedBy, ct.ConfirmedAt = actor, &confirmed
				}
				out = append(out, ct)
			}
		}
	}
	if err := tx.InsertContributions(ctx, out); err != nil {
		return nil, fmt.Errorf("contributions: %w", err)
	}
	return out, nil
}

// firstPeople maps each organization to its first person.
func firstPeople(w *world) map[string]string {
	out := map[string]string{}
	for _, a := range w.affiliations {
		if _, ok := out[a.OrganizationID]; !ok {
			out[a.OrganizationID] = a.PersonID
		}
	}
	return out
}

func orgsByID(w *world) map[string]domain.Organization {
	out := make(map[string]domain.Organization, len(w.orgs))
	for _, o := range w.orgs {
		out[o.ID] = o
	}
	return out
}

// minutesBetween sums each organization's confirmed minutes on days from..to, as the
// application does for a round (store.ConfirmedMinutes).
func minutesBetween(cs []domain.Contribution, from, to string) map[string]int64 {
	out := map[string]int64{}
	for _, c := range cs {
		if c.Confirmed() && c.Day >= from && c.Day <= to {
			out[c.OrganizationID] += c.Minutes
		}
	}
	return out
}
