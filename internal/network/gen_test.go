package network

import (
	"fmt"
	"math/rand/v2"
)

// areaNames are the issue areas of generated ecosystems.
var areaNames = []string{
	"arts", "education", "environment", "food", "health", "housing",
	"immigration", "jobs", "policing", "transit", "voting", "youth",
}

var bipocValues = []string{BipocYes, BipocNo, BipocNotSaid, ""}

// randomEcosystem returns n organizations and min(m, n(n−1)/2) ties. Each
// organization has a home issue area; about 85 % name it, with up to two more areas,
// and the rest name none (an unfinished profile). Six ties in ten join two
// organizations with the same home, so the ecosystem has communities and silos as
// real ones do; depths are whole or half numbers from 1 to 5.
func randomEcosystem(r *rand.Rand, n, m int) ([]Organization, []Tie) {
	orgs := make([]Organization, n)
	home := make([]int, n)
	members := make([][]int, len(areaNames))
	for i := range orgs {
		home[i] = r.IntN(len(areaNames))
		members[home[i]] = append(members[home[i]], i)
		var areas []string
		if r.IntN(100) < 85 {
			areas = append(areas, areaNames[home[i]])
			for range r.IntN(3) {
				areas = append(areas, areaNames[r.IntN(len(areaNames))])
			}
		}
		orgs[i] = Organization{
			ID:           fmt.Sprintf("org-%05d", i),
			Name:         fmt.Sprintf("Organization %d", i),
			IssueAreas:   areas,
			BipocLed:     bipocValues[r.IntN(len(bipocValues))],
			MostImpacted: r.IntN(3) == 0,
		}
	}
	m = min(m, n*(n-1)/2)
	ties := make([]Tie, 0, m)
	seen := make(map[[2]int]bool, m)
	for len(ties) < m {
		u, v := r.IntN(n), r.IntN(n)
		if same := members[home[u]]; r.IntN(10) < 6 && len(same) > 1 {
			v = same[r.IntN(len(same))]
		}
		if u == v || seen[[2]int{min(u, v), max(u, v)}] {
			continue
		}
		seen[[2]int{min(u, v), max(u, v)}] = true
		depth := float64(1 + r.IntN(5))
		if r.IntN(4) == 0 && depth < 5 {
			depth += 0.5 // The mean of two sides' answers.
		}
		ties = append(ties, Tie{A: orgs[u].ID, B: orgs[v].ID, Depth: depth})
	}
	return orgs, ties
}
