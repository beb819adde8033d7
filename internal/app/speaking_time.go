package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// speakingTime sums, per member organization, the seconds its people spoke (finished
// turns given for the organization) at meetings starting within the period.
func speakingTime(ctx context.Context, tx *store.Tx, coalitionID string, members []domain.Membership, from, to *time.Time) (map[string]float64, error) {
	secs, err := tx.SpeakingSecondsByOrganization(ctx, coalitionID, from, to)
	return perMember(members, secs), err
}

// MeetingSpeakingTime compares, for one meeting, each group's share of the time spoken
// (finished turns given for a current member organization) with its share of the member
// organizations attending: by bipoc_led (yes, no, not_said) and by most_impacted (yes,
// no). A group with neither attendance nor speaking time is left out; shares are nil
// when nobody spoke or nobody's attendance was recorded.
func (a *App) MeetingSpeakingTime(ctx context.Context, actor Actor, coalitionID, meetingID string) ([]domain.SpeakingShare, error) {
	var out []domain.SpeakingShare
	err := a.read(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, ViewCoalition)
		if err != nil {
			return err
		}
		all, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		if err != nil {
			return err
		}
		turns, err := tx.ListSpeakingTurns(ctx, m.ID)
		if err != nil {
			return err
		}
		attendance, err := tx.ListAttendance(ctx, m.ID)
		if err != nil {
			return err
		}
		seconds := map[string]int{}
		for _, t := range turns {
			seconds[t.OrganizationID] += t.Seconds
		}
		attended := map[string]bool{}
		for _, at := range attendance {
			attended[at.OrganizationID] = true
		}
		out = speakingShares(membersAt(all, nil), seconds, attended)
		return nil
	})
	return out, err
}

// speakingShares groups the members' seconds and attendance by attribute.
func speakingShares(members []domain.Membership, seconds map[string]int, attended map[string]bool) []domain.SpeakingShare {
	type tally struct{ seconds, attending int }
	groups := []struct {
		attribute string
		values    []string
		of        func(domain.Membership) string
	}{
		{"bipoc_led", domain.BipocLedValues, func(m domain.Membership) string {
			if m.Organization == nil || m.Organization.BipocLed == "" {
				return domain.NotSaid
			}
			return m.Organization.BipocLed
		}},
		{"most_impacted", []string{"yes", "no"}, func(m domain.Membership) string {
			if m.MostImpacted {
				return "yes"
			}
			return "no"
		}},
	}
	out := []domain.SpeakingShare{}
	for _, g := range groups {
		tallies := map[string]*tally{}
		var total tally
		for _, m := range members {
			t := tallies[g.of(m)]
			if t == nil {
				t = &tally{}
				tallies[g.of(m)] = t
			}
			t.seconds += seconds[m.OrganizationID]
			total.seconds += seconds[m.OrganizationID]
			if attended[m.OrganizationID] {
				t.attending++
				total.attending++
			}
		}
		for _, v := range g.values {
			t := tallies[v]
			if t == nil || (t.seconds == 0 && t.attending == 0) {
				continue
			}
			out = append(out, domain.SpeakingShare{Attribute: g.attribute, Group: v, Seconds: t.seconds,
				SpeakingShare: share(t.seconds, total.seconds), AttendanceShare: share(t.attending, total.attending)})
		}
	}
	return out
}

func share(part, whole int) *float64 {
	if whole == 0 {
		return nil
	}
	f := float64(part) / float64(whole)
	return &f
}
