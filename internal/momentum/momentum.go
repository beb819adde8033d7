// Package momentum computes a coalition's momentum: by month, the meetings held, the
// member organizations that attended them, the tasks done and the wins; and the member
// organizations that missed the last three meetings, to reach out to (not to punish).
// The package is pure: no I/O, standard library only.
package momentum

import (
	"slices"
	"time"
)

// Meeting is a meeting already held, with the organizations that attended it.
type Meeting struct {
	StartsAt      time.Time
	Organizations []string
}

// Member is a member organization of the coalition and the day it joined.
type Member struct {
	OrganizationID string
	Name           string
	JoinedAt       time.Time
}

// Input is everything Compute needs. Months is how many calendar months to show,
// ending with the month of Now (UTC).
type Input struct {
	Now       time.Time
	Months    int
	Meetings  []Meeting
	TasksDone []time.Time // when each task was marked done
	Wins      []string    // the day of each win, YYYY-MM-DD
	Members   []Member
}

// Month is one calendar month of activity.
type Month struct {
	Month                  string `json:"month"` // YYYY-MM
	MeetingsHeld           int    `json:"meetings_held"`
	AttendingOrganizations int    `json:"attending_organizations"` // distinct organizations at any meeting that month
	TasksDone              int    `json:"tasks_done"`
	Wins                   int    `json:"wins"`
}

// Missing is a member organization that attended none of the last three meetings held
// while it was a member.
type Missing struct {
	OrganizationID string `json:"organization_id"`
	Name           string `json:"name"`
}

// Momentum is the result of Compute.
type Momentum struct {
	Months []Month `json:"months"` // oldest first
	// LastMeetings is the number of meetings the reach-out list looks at: 3, or fewer
	// when fewer have been held (then the list is empty: too early to tell).
	LastMeetings int       `json:"last_meetings"`
	ReachOut     []Missing `json:"reach_out"`
}

// Compute builds the momentum of in. Meetings starting after Now are not held yet and
// are ignored. A member that joined after one of the last three meetings is judged only
// on those it could attend, and one that joined after all three is not listed.
func Compute(in Input) Momentum {
	out := Momentum{Months: []Month{}, ReachOut: []Missing{}}
	if in.Months < 1 {
		in.Months = 12
	}
	now := in.Now.UTC()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1-in.Months, 0)
	index := map[string]int{}
	for i := range in.Months {
		key := first.AddDate(0, i, 0).Format("2006-01")
		index[key] = i
		out.Months = append(out.Months, Month{Month: key})
	}
	attending := make([]map[string]bool, in.Months)
	var held []Meeting
	for _, m := range in.Meetings {
		if m.StartsAt.After(now) {
			continue
		}
		held = append(held, m)
		if i, ok := index[m.StartsAt.UTC().Format("2006-01")]; ok {
			out.Months[i].MeetingsHeld++
			if attending[i] == nil {
				attending[i] = map[string]bool{}
			}
			for _, o := range m.Organizations {
				attending[i][o] = true
			}
		}
	}
	for i := range out.Months {
		out.Months[i].AttendingOrganizations = len(attending[i])
	}
	for _, d := range in.TasksDone {
		if i, ok := index[d.UTC().Format("2006-01")]; ok {
			out.Months[i].TasksDone++
		}
	}
	for _, d := range in.Wins {
		if len(d) >= 7 {
			if i, ok := index[d[:7]]; ok {
				out.Months[i].Wins++
			}
		}
	}
	out.LastMeetings, out.ReachOut = reachOut(held, in.Members)
	return out
}

// reachOut lists the members that attended none of the last three meetings held while
// they were members, in the order of in.Members.
func reachOut(held []Meeting, members []Member) (int, []Missing) {
	slices.SortStableFunc(held, func(a, b Meeting) int { return b.StartsAt.Compare(a.StartsAt) })
	if len(held) < 3 {
		return len(held), []Missing{}
	}
	last := held[:3]
	out := []Missing{}
	for _, m := range members {
		eligible, attended := 0, false
		for _, mt := range last {
			if m.JoinedAt.After(mt.StartsAt) {
				continue
			}
			eligible++
			attended = attended || slices.Contains(mt.Organizations, m.OrganizationID)
		}
		if eligible > 0 && !attended {
			out = append(out, Missing{OrganizationID: m.OrganizationID, Name: m.Name})
		}
	}
	return 3, out
}
