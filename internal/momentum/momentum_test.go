package momentum

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestCompute works a four-month window by hand.
//
//	now 2025-04-20; window 2025-01 … 2025-04
//	meetings: 2024-12-15 {A}          (before the window: counts for reach-out only)
//	          2025-01-10 {A, B}
//	          2025-01-24 {B, C}       → January: 2 held, attending {A, B, C} = 3
//	          2025-03-05 {A}          → March: 1 held, attending 1
//	          2025-04-02 {A, B}       → April: 1 held, attending 2
//	          2025-05-01 {A, B, C}    (not held yet: ignored)
//	tasks done: 2025-01-31, 2025-02-01, 2025-02-28, 2024-11-01 → Jan 1, Feb 2
//	wins: 2025-02-14, 2025-04-01, 2025-04-19, 2023-04-19 → Feb 1, Apr 2
//
// The last three meetings held: 04-02 {A, B}, 03-05 {A}, 01-24 {B, C}. A, B and C each
// attended at least one: not listed. D, a member throughout, attended none: listed.
// E joined 2025-03-10, so only 04-02 counts for it, and it missed it: listed. F joined
// 2025-04-10, after all three: not listed.
func TestCompute(t *testing.T) {
	in := Input{
		Now:    at("2025-04-20T12:00:00Z"),
		Months: 4,
		Meetings: []Meeting{
			{at("2024-12-15T18:00:00Z"), []string{"A"}},
			{at("2025-01-10T18:00:00Z"), []string{"A", "B"}},
			{at("2025-01-24T18:00:00Z"), []string{"B", "C"}},
			{at("2025-03-05T18:00:00Z"), []string{"A"}},
			{at("2025-04-02T18:00:00Z"), []string{"A", "B"}},
			{at("2025-05-01T18:00:00Z"), []string{"A", "B", "C"}},
		},
		TasksDone: []time.Time{at("2025-01-31T23:00:00Z"), at("2025-02-01T00:00:00Z"), at("2025-02-28T10:00:00Z"), at("2024-11-01T10:00:00Z")},
		Wins:      []string{"2025-02-14", "2025-04-01", "2025-04-19", "2023-04-19"},
		Members: []Member{
			{"A", "Org A", at("2024-01-01T00:00:00Z")},
			{"B", "Org B", at("2024-01-01T00:00:00Z")},
			{"C", "Org C", at("2024-01-01T00:00:00Z")},
			{"D", "Org D", at("2024-01-01T00:00:00Z")},
			{"E", "Org E", at("2025-03-10T00:00:00Z")},
			{"F", "Org F", at("2025-04-10T00:00:00Z")},
		},
	}
	want := Momentum{
		Months: []Month{
			{Month: "2025-01", MeetingsHeld: 2, AttendingOrganizations: 3, TasksDone: 1},
			{Month: "2025-02", TasksDone: 2, Wins: 1},
			{Month: "2025-03", MeetingsHeld: 1, AttendingOrganizations: 1},
			{Month: "2025-04", MeetingsHeld: 1, AttendingOrganizations: 2, Wins: 2},
		},
		LastMeetings: 3,
		ReachOut:     []Missing{{"D", "Org D"}, {"E", "Org E"}},
	}
	if d := cmp.Diff(want, Compute(in)); d != "" {
		t.Errorf("Compute (-want +got):\n%s", d)
	}
}

// With fewer than three meetings held it is too early to tell who is missing.
func TestComputeTooEarly(t *testing.T) {
	got := Compute(Input{Now: at("2025-04-20T12:00:00Z"), Meetings: []Meeting{{at("2025-04-02T18:00:00Z"), nil}, {at("2025-04-09T18:00:00Z"), nil}},
		Members: []Member{{"A", "Org A", at("2024-01-01T00:00:00Z")}}})
	if got.LastMeetings != 2 || len(got.ReachOut) != 0 || len(got.Months) != 12 || got.Months[11].MeetingsHeld != 2 || got.Months[0].Month != "2024-05" {
		t.Errorf("got %+v", got)
	}
}
