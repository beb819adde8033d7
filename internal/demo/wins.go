package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// phaseSeed is a move in a demo coalition's history, a number of days after base.
type phaseSeed struct {
	day                   int
	from, to              string
	learned, carryForward string
}

// winSeed is a demo win. Credits name member organizations by their place among the
// coalition's current members, sorted by budget (smallest first), with a weight each.
type winSeed struct {
	day          int
	title, kind  string
	size         string
	public       bool
	description  string
	credits      []int
	weights      []float64
	contribution []string
}

// The demo's phase histories end in each coalition's current phase (coalitions.go).
var demoPhases = map[string][]phaseSeed{
	"housing": {{day: 75, from: "forming", to: "campaign",
		learned:      "Listening sessions in Hmong, Somali and Spanish built more trust than any meeting in English did; tenants named the ordinance themselves.",
		carryForward: "Interpretation and food at every meeting, and tenant leaders opening each one."}},
	"transit": {
		{day: 60, from: "forming", to: "campaign", learned: "Riders trusted the table once the first meetings happened on the bus lines they ride.",
			carryForward: "Meeting where riders are; a stipend for riders who speak at hearings."},
		{day: 270, from: "campaign", to: "movement", learned: "The fare campaign won, but the win belonged to the agencies in the press; riders' groups carried it.",
			carryForward: "Credit riders' groups by name in every statement; build a base beyond one campaign."},
	},
}

// demoWins is a year of wins per coalition. In Rooted Homes the short-term wins are
// credited mostly to small, BIPOC-led member organizations, while the milestones and the
// major win credit the large policy organizations with most of the weight: the credit
// report flags the two members over $5M (a third of the credit for a sixth of the
// members), the pattern the report exists to show.
var demoWins = map[string][]winSeed{
	"housing": {
		{day: 20, title: "First listening session in Hmong", kind: "relationship", size: "short_term", public: true, credits: []int{0, 1}, weights: []float64{1, 1},
			contribution: []string{"Hosted and interpreted", "Brought twelve families"}},
		{day: 45, title: "Tenant survey reached 600 households", kind: "capacity", size: "short_term", credits: []int{0, 1, 2}, weights: []float64{2, 2, 1},
			contribution: []string{"Door knocking", "Door knocking", "Data entry"}},
		{day: 90, title: "Council member Ortiz co-sponsors the ordinance", kind: "policy", size: "milestone", public: true, credits: []int{-1, -2, 0}, weights: []float64{3, 2, 1},
			contribution: []string{"Drafted the ordinance", "Met the council member", "Tenant testimony"}},
		{day: 120, title: "Op-ed by two tenant leaders in the Star Tribune", kind: "narrative", size: "short_term", public: true, credits: []int{1}, weights: []float64{1},
			contribution: []string{"Wrote it with the tenants"}},
		{day: 150, title: "Legal clinic for 80 tenants facing eviction", kind: "capacity", size: "short_term", credits: []int{-1, 2}, weights: []float64{1, 1},
			contribution: []string{"Lawyers", "Outreach"}},
		{day: 185, title: "Public hearing packed with 300 renters", kind: "policy", size: "milestone", public: true, credits: []int{0, 1, 2, -2}, weights: []float64{1, 1, 1, 1},
			contribution: []string{"Turnout", "Turnout and childcare", "Turnout", "Testimony"}},
		{day: 210, title: "Faith leaders' letter for tenant protections", kind: "narrative", size: "short_term", credits: []int{2}, weights: []float64{1},
			contribution: []string{"Gathered 40 congregations"}},
		{day: 240, title: "Landlord association agrees to mediation", kind: "relationship", size: "short_term", credits: []int{-2, 0}, weights: []float64{2, 1},
			contribution: []string{"Convened", "Tenant voice at the table"}},
		{day: 270, title: "Rent stabilization study funded", kind: "policy", size: "milestone", credits: []int{-1}, weights: []float64{1},
			contribution: []string{"Analysis and lobbying"}},
		{day: 300, title: "Twenty new tenant leaders trained", kind: "capacity", size: "short_term", public: true, credits: []int{0, 1}, weights: []float64{1, 1},
			contribution: []string{"Training in Hmong", "Training in Somali"}},
		{day: 330, title: "Tenant opportunity to purchase ordinance passes committee", kind: "policy", size: "major", public: true, credits: []int{-1, -2, 0, 1}, weights: []float64{4, 3, 1, 1},
			contribution: []string{"Legal drafting", "Lobbying", "Tenant stories", "Turnout"}},
		{day: 355, title: "City renters' week proclaimed", kind: "narrative", size: "short_term", credits: []int{1, 2}, weights: []float64{1, 1},
			contribution: []string{"Proposed it", "Events"}},
	},
	"transit": {
		{day: 30, title: "Riders' assembly on the Route 5 line", kind: "relationship", size: "short_term", public: true, credits: []int{0, 1}, weights: []float64{1, 1},
			contribution: []string{"Organized on the bus", "Interpretation"}},
		{day: 110, title: "Transit agency holds a hearing in Cedar-Riverside", kind: "policy", size: "milestone", credits: []int{0, -1}, weights: []float64{1, 1},
			contribution: []string{"Asked for it", "Arranged it"}},
		{day: 200, title: "Reduced fare for low-income riders adopted", kind: "policy", size: "major", public: true, credits: []int{0, 1, -1}, weights: []float64{2, 1, 1},
			contribution: []string{"Rider testimony", "Petition of 2,000 riders", "Fare analysis"}},
		{day: 300, title: "Bus shelter heaters on three lines", kind: "policy", size: "short_term", credits: []int{1}, weights: []float64{1},
			contribution: []string{"Documented the cold stops"}},
		{day: 340, title: "Youth transit ambassadors program", kind: "capacity", size: "short_term", public: true, credits: []int{0, 1}, weights: []float64{1, 1},
			contribution: []string{"Recruited youth", "Training"}},
	},
	"econ": {
		{day: 200, title: "Member survey of small businesses completed", kind: "capacity", size: "short_term", credits: []int{0, -1}, weights: []float64{1, 1},
			contribution: []string{"Interviews in Spanish", "Analysis"}},
	},
}

// budgetOrder sorts members by budget, smallest first, with those who did not say in
// the middle, so that the last places are the largest organizations.
var budgetOrder = map[string]int{domain.BudgetUnder250k: 0, domain.Budget250kTo1m: 1, domain.NotSaid: 2, domain.Budget1mTo5m: 3, domain.BudgetOver5m: 4}

// seedWins writes the phase histories and wins of the demo coalitions (w.coalitions are
// built in the order of the coalitions seed list).
func seedWins(ctx context.Context, tx *store.Tx, w *world) error {
	orgs := map[string]domain.Organization{}
	for _, o := range w.orgs {
		orgs[o.ID] = o
	}
	for i, c := range w.coalitions {
		key := coalitions[i].key
		for _, s := range demoPhases[key] {
			pc := domain.PhaseChange{CoalitionID: c.ID, FromPhase: s.from, ToPhase: s.to, On: day(s.day).Format(time.DateOnly),
				Learned: s.learned, CarryForward: s.carryForward, CreatedBy: w.users[0].ID, CreatedAt: day(s.day)}
			pc.Normalize()
			if err := pc.Validate(); err != nil {
				return fmt.Errorf("demo phase change of %s: %w", key, err)
			}
			if err := tx.InsertPhaseChange(ctx, &pc); err != nil {
				return err
			}
		}
		var members []string // current members, smallest budget first
		for _, m := range w.memberships {
			if m.CoalitionID == c.ID && m.Counts() {
				members = append(members, m.OrganizationID)
			}
		}
		slices.SortStableFunc(members, func(a, b string) int { return budgetOrder[orgs[a].BudgetBand] - budgetOrder[orgs[b].BudgetBand] })
		for _, s := range demoWins[key] {
			if err := writeDemoWin(ctx, tx, c, w.users[0].ID, members, s); err != nil {
				return fmt.Errorf("demo win %q: %w", s.title, err)
			}
		}
	}
	return nil
}

// writeDemoWin resolves a seed's credits (a negative place counts from the largest
// member) and writes the win.
func writeDemoWin(ctx context.Context, tx *store.Tx, c domain.Coalition, by string, members []string, s winSeed) error {
	win := domain.Win{CoalitionID: c.ID, Date: day(s.day).Format(time.DateOnly), Title: s.title, Kind: s.kind, Size: s.size,
		Description: s.description, Public: s.public, CreatedBy: by, CreatedAt: day(s.day), UpdatedAt: day(s.day)}
	seen := map[string]bool{}
	for k, place := range s.credits {
		if place < 0 {
			place += len(members)
		}
		if place < 0 || place >= len(members) || seen[members[place]] {
			continue
		}
		seen[members[place]] = true
		win.Credits = append(win.Credits, domain.Credit{OrganizationID: members[place], Contribution: s.contribution[k], Weight: s.weights[k]})
	}
	win.Normalize()
	if err := win.Validate(); err != nil {
		return err
	}
	return tx.CreateWin(ctx, &win)
}
