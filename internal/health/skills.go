package health

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Holding is one skill a member organization brings, at a level (learning, practising,
// can_teach).
type Holding struct {
	Organization string
	Skill        string
	Level        string
}

// SkillKey is how skills are compared: case and surrounding spaces do not count.
func SkillKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// NeedRow is one needed skill against what members bring. Gap: no member has it;
// SinglePoint: exactly one member has it (a single point of failure).
type NeedRow struct {
	Skill       string    `json:"skill"`
	Holders     []Holding `json:"holders"`
	Teachers    int       `json:"can_teach"`
	Gap         bool      `json:"gap"`
	SinglePoint bool      `json:"single_point_of_failure"`
}

// Matrix compares the needed skills with the members' holdings, needs in the given order.
func Matrix(needs []string, holdings []Holding) []NeedRow {
	out := make([]NeedRow, 0, len(needs))
	for _, n := range needs {
		row := NeedRow{Skill: n, Holders: []Holding{}}
		orgs := map[string]bool{}
		for _, h := range holdings {
			if SkillKey(h.Skill) == SkillKey(n) {
				row.Holders = append(row.Holders, h)
				orgs[h.Organization] = true
				if h.Level == "can_teach" {
					row.Teachers++
				}
			}
		}
		slices.SortFunc(row.Holders, func(a, b Holding) int { return cmp.Compare(a.Organization, b.Organization) })
		row.Gap, row.SinglePoint = len(orgs) == 0, len(orgs) == 1
		out = append(out, row)
	}
	return out
}

// Diversity is the Shannon diversity of the coalition's skill mix: over the S distinct
// skills members bring, with p_i the share of all (organization, skill) holdings that
// are skill i, H = −Σ p_i ln p_i and evenness J = H / ln S (1 when every skill is held
// equally often; undefined, nil, for fewer than two distinct skills).
type Diversity struct {
	Distinct int      `json:"distinct_skills"`
	Holdings int      `json:"holdings"`
	Shannon  float64  `json:"shannon"`
	Evenness *float64 `json:"evenness"`
}

// SkillDiversity computes the diversity of the holdings.
func SkillDiversity(holdings []Holding) Diversity {
	counts := map[string]int{}
	seen := map[[2]string]bool{}
	for _, h := range holdings {
		k := [2]string{h.Organization, SkillKey(h.Skill)}
		if seen[k] {
			continue // an organization holds a skill once, whatever its levels
		}
		seen[k] = true
		counts[k[1]]++
	}
	d := Diversity{Distinct: len(counts), Holdings: len(seen)}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range counts {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys { // a fixed order, so the sum is the same on every run
		p := float64(counts[k]) / float64(d.Holdings)
		d.Shannon -= p * math.Log(p)
	}
	if d.Distinct >= 2 {
		j := d.Shannon / math.Log(float64(d.Distinct))
		d.Evenness = &j
	}
	return d
}
