package network

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// issueEcosystem has areas housing (a, b), transit (b, c), jobs (d) and arts (f);
// e names no area and f has no tie.
func issueEcosystem() ([]Organization, []Tie) {
	orgs := []Organization{
		{ID: "a", IssueAreas: []string{"housing"}},
		{ID: "b", IssueAreas: []string{"transit", "housing", "transit", ""}}, // Repeats and blanks are dropped.
		{ID: "c", IssueAreas: []string{"transit"}},
		{ID: "d", IssueAreas: []string{"jobs"}},
		{ID: "e"},
		{ID: "f", IssueAreas: []string{"arts"}},
	}
	ties := []Tie{{"a", "b", 4}, {"b", "c", 2}, {"c", "d", 1}, {"a", "d", 3}, {"d", "e", 5}}
	return orgs, ties
}

func TestCrossIssue(t *testing.T) {
	orgs, ties := issueEcosystem()
	f, err := Compute(orgs, ties, Options{})
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	// a–b share housing, b–c share transit; c–d (transit, jobs) and a–d (housing, jobs)
	// share nothing; d–e cannot be classified (e names no area). Share 2/4.
	want := CrossIssue{Classified: 4, Cross: 2, Unclassified: 1, Share: ptr(0.5)}
	if diff := cmp.Diff(want, f.CrossIssue); diff != "" {
		t.Errorf("cross-issue (-want +got):\n%s", diff)
	}
	none, err := Compute(ids("x", "y"), []Tie{{"x", "y", 1}}, Options{})
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	if want := (CrossIssue{Unclassified: 1}); !cmp.Equal(want, none.CrossIssue) {
		t.Errorf("cross-issue without areas = %+v; want %+v (share nil)", none.CrossIssue, want)
	}
}

func TestSilos(t *testing.T) {
	orgs, ties := issueEcosystem()
	f, err := Compute(orgs, ties, Options{Silos: 4})
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	m := f.Silos
	if diff := cmp.Diff([]string{"arts", "housing", "jobs", "transit"}, m.Areas); diff != "" {
		t.Fatalf("areas (-want +got):\n%s", diff)
	}
	// Sizes: arts 1 (f), housing 2 (a, b), jobs 1 (d), transit 2 (b, c); only housing
	// and transit overlap, in b. Possible pairs |X|·|Y| − |X∩Y| − C(|X∩Y|, 2).
	// a–b (4) counts in housing×housing and housing×transit (once, although b is on
	// both); b–c (2) in housing×transit and transit×transit; c–d (1) in jobs×transit;
	// a–d (3) in housing×jobs; d–e in no cell.
	cell := func(a, b string, ties int, mean *float64, possible int) SiloCell {
		c := SiloCell{A: a, B: b, Ties: ties, MeanDepth: mean, PossiblePairs: possible}
		if possible > 0 {
			c.Density = ptr(float64(ties) / float64(possible))
		}
		return c
	}
	want := map[[2]string]SiloCell{
		{"arts", "arts"}:       cell("arts", "arts", 0, nil, 0),          // C(1,2) = 0.
		{"arts", "housing"}:    cell("arts", "housing", 0, nil, 2),       // 1·2.
		{"arts", "jobs"}:       cell("arts", "jobs", 0, nil, 1),          // 1·1.
		{"arts", "transit"}:    cell("arts", "transit", 0, nil, 2),       // 1·2.
		{"housing", "housing"}: cell("housing", "housing", 1, ptr(4), 1), // C(2,2).
		{"housing", "jobs"}:    cell("housing", "jobs", 1, ptr(3), 2),    // 2·1.
		{"housing", "transit"}: cell("housing", "transit", 2, ptr(3), 3), // 2·2 − 1 − 0; (4+2)/2.
		{"jobs", "jobs"}:       cell("jobs", "jobs", 0, nil, 0),          // C(1,2).
		{"jobs", "transit"}:    cell("jobs", "transit", 1, ptr(1), 2),    // 1·2.
		{"transit", "transit"}: cell("transit", "transit", 1, ptr(2), 1), // C(2,2).
	}
	for i, row := range m.Cells {
		for j, got := range row {
			a, b := m.Areas[min(i, j)], m.Areas[max(i, j)]
			w := want[[2]string{a, b}]
			w.A, w.B = m.Areas[i], m.Areas[j]
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("cell %s × %s (-want +got):\n%s", m.Areas[i], m.Areas[j], diff)
			}
		}
	}
	// Emptiest: density 0 first, more possible pairs first, then names (arts–housing,
	// arts–transit, arts–jobs); then density 1/2 with 2 pairs each, lower mean depth
	// first: jobs–transit (1) before housing–jobs (3), which the limit of 4 cuts off.
	wantEmptiest := []SiloCell{want[[2]string{"arts", "housing"}], want[[2]string{"arts", "transit"}],
		want[[2]string{"arts", "jobs"}], want[[2]string{"jobs", "transit"}]}
	if diff := cmp.Diff(wantEmptiest, m.Emptiest); diff != "" {
		t.Errorf("emptiest (-want +got):\n%s", diff)
	}
}
