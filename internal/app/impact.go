package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Impact answers the seed's own measure of a coalition: "the number and depth of our
// relationships, and the strength of our alignment and power across organizations",
// with its wins. Every section carries its equity lens: how much of it touches the member
// organizations flagged most impacted.
type Impact struct {
	Relationships ImpactRelationships `json:"relationships"`
	Alignment     ImpactAlignment     `json:"alignment"`
	Power         ImpactPower         `json:"power"`
	Wins          ImpactWins          `json:"wins"`
}

// ImpactRelationships are the declared ties among current members, now and at the end of
// each of the last four quarters (oldest first, now last).
type ImpactRelationships struct {
	Trend []RelationshipPoint `json:"trend"`
	// TouchingMostImpacted is how many of today's ties have a most-impacted organization
	// at one end at least.
	TouchingMostImpacted int `json:"touching_most_impacted"`
	Confirmed            int `json:"confirmed"` // ties both sides gave their account of
}

// RelationshipPoint is the ties at one moment: how many, and their mean depth (1–5).
type RelationshipPoint struct {
	At        string  `json:"at"` // YYYY-MM-DD
	Ties      int     `json:"ties"`
	MeanDepth float64 `json:"mean_depth"`
}

// ImpactAlignment counts, among pairs of active member organizations, those that acted
// together: signed a sign-on letter in common, or took the same position (or, in a poll,
// the same first choice) on a proposal closed in the last twelve months. Abstentions do
// not count as alignment.
type ImpactAlignment struct {
	Pairs     int     `json:"pairs"`
	CoSigned  int     `json:"co_signed"`
	CoVoted   int     `json:"co_voted"`
	Aligned   int     `json:"aligned"` // either
	Share     float64 `json:"share"`   // aligned / pairs; 0 when there are no pairs
	Proposals int     `json:"proposals"`
	Letters   int     `json:"letters"`
	// AlignedWithMostImpacted is how many aligned pairs include a most-impacted organization.
	AlignedWithMostImpacted int `json:"aligned_with_most_impacted"`
}

// ImpactPower is the coalition's reach: its active member organizations (and how many are
// most impacted and BIPOC-led), the people affiliated with them, the distinct geographies
// and issue areas they work on, and the organizations outside that signed its letters.
type ImpactPower struct {
	Members        int      `json:"members"`
	MostImpacted   int      `json:"most_impacted"`
	BipocLed       int      `json:"bipoc_led"`
	People         int      `json:"people"`
	Geographies    []string `json:"geographies"`
	IssueAreas     []string `json:"issue_areas"`
	OutsideSigners int      `json:"outside_signers"`
}

// ImpactWins compares the last twelve months with the twelve before, and says what share
// of the recent wins' credit went to most-impacted organizations (each win's weights
// normalised to 1, as in the credit dimension).
type ImpactWins struct {
	LastTwelveMonths   int            `json:"last_twelve_months"`
	PreviousTwelve     int            `json:"previous_twelve_months"`
	ByKind             map[string]int `json:"by_kind"`              // last twelve months
	CreditMostImpacted float64        `json:"credit_most_impacted"` // share of the last twelve months' credit
}

// Impact computes a coalition's impact page.
func (a *App) Impact(ctx context.Context, actor Actor, coalitionID string) (*Impact, error) {
	// Proposals past their closing time are closed first, as every page that shows them
	// does, so that their stances count.
	perm, err := a.Authorize(ctx, actor, coalitionID, ViewCoalition)
	if err != nil {
		return nil, err
	}
	if err := a.closeDue(ctx, perm.Coalition.ID, ""); err != nil {
		return nil, err
	}
	var out Impact
	err = a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		now := tx.Now
		members, err := activeMembers(ctx, tx, p.Coalition.ID)
		if err != nil {
			return err
		}
		if out.Relationships, err = impactRelationships(ctx, tx, p.Coalition.ID, members, now); err != nil {
			return err
		}
		if out.Alignment, err = impactAlignment(ctx, tx, p.Coalition.ID, members, now); err != nil {
			return err
		}
		if out.Power, err = impactPower(ctx, tx, p.Coalition.ID, members); err != nil {
			return err
		}
		out.Wins, err = impactWins(ctx, tx, p.Coalition.ID, members, now)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// memberFacts is what the impact page needs of an active member organization.
type memberFacts struct {
	mostImpacted, bipocLed bool
	geographies, issues    []string
}

func activeMembers(ctx context.Context, tx *store.Tx, coalitionID string) (map[string]memberFacts, error) {
	ms, err := tx.ListMemberships(ctx, coalitionID, "", 0)
	if err != nil {
		return nil, err
	}
	out := map[string]memberFacts{}
	for _, m := range ms {
		if m.Status != domain.StatusActive || m.Organization == nil {
			continue
		}
		o := m.Organization
		out[m.OrganizationID] = memberFacts{mostImpacted: m.MostImpacted, bipocLed: o.BipocLed == "yes",
			geographies: o.Geographies, issues: o.IssueAreas}
	}
	return out, nil
}

func impactRelationships(ctx context.Context, tx *store.Tx, coalitionID string, members map[string]memberFacts, now time.Time) (ImpactRelationships, error) {
	var out ImpactRelationships
	for q := 4; q >= 0; q-- {
		at := time.Time{}
		day := now
		if q > 0 {
			day = now.AddDate(0, -3*q, 0)
			at = day
		}
		decls, err := relationshipsOf(ctx, tx, coalitionID, at)
		if err != nil {
			return out, err
		}
		kept := decls[:0]
		for _, r := range decls {
			if _, ok := members[r.OrganizationID]; !ok {
				continue
			}
			if _, ok := members[r.OtherOrganizationID]; ok {
				kept = append(kept, r)
			}
		}
		ties := MergeTies(kept)
		point := RelationshipPoint{At: day.UTC().Format(domain.DateLayout), Ties: len(ties)}
		sum := 0.0
		for _, t := range ties {
			sum += t.Depth
		}
		if len(ties) > 0 {
			point.MeanDepth = sum / float64(len(ties))
		}
		out.Trend = append(out.Trend, point)
		if q == 0 {
			for _, t := range ties {
				if members[t.A].mostImpacted || members[t.B].mostImpacted {
					out.TouchingMostImpacted++
				}
				if t.Confirmed {
					out.Confirmed++
				}
			}
		}
	}
	return out, nil
}
