package allocate

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// randomRound draws a round: 1 to maxMembers members, a pool of up to 10¹² cents with
// every order of magnitude equally likely, any method, and bounds in four cases out of
// five (a few of them infeasible on purpose).
func randomRound(r *rand.Rand, maxMembers int) Round {
	n := 1 + r.IntN(maxMembers)
	round := Round{
		Pool:    r.Int64N(int64(math.Pow10(r.IntN(13))) + 1),
		Method:  Methods[r.IntN(len(Methods))],
		Members: make([]Member, n),
	}
	hoursKind := r.IntN(5)
	for i := range round.Members {
		round.Members[i] = Member{
			OrganizationID: fmt.Sprintf("org-%d", r.IntN(1_000_000)*maxMembers+i), // Unique: ≡ i mod maxMembers.
			Hours:          randomHours(r, hoursKind),
			BipocLed:       r.IntN(2) == 0,
			MostImpacted:   r.IntN(3) == 0,
			SmallBudget:    r.IntN(2) == 0,
		}
	}
	multipliers := []float64{0.5, 1, 1.2, 1.25, 1.5, 2, 2.75, 3}
	round.Formula = Formula{
		EqualPercent:       float64(r.IntN(1001)) / 10,
		BipocLedWeight:     multipliers[r.IntN(len(multipliers))],
		MostImpactedWeight: multipliers[r.IntN(len(multipliers))],
		SmallBudgetWeight:  multipliers[r.IntN(len(multipliers))],
	}
	if r.IntN(2) == 0 {
		round.Formula.Base = r.Int64N(round.Pool/int64(n) + 1)
	}
	round.Points = randomPoints(r, round.Members)
	round.Min, round.Max = randomBounds(r, round.Pool, int64(n))
	return round
}

// randomHours draws hours of one kind: tenths, quarters, whole, full float64
// precision, or mostly zero.
func randomHours(r *rand.Rand, kind int) float64 {
	switch kind {
	case 0:
		return float64(r.IntN(2000)) / 10
	case 1:
		return float64(r.IntN(400)) / 4
	case 2:
		return float64(r.IntN(300))
	case 3:
		return r.Float64() * 80
	default:
		return float64(max(0, r.IntN(10)-7))
	}
}

// randomPoints lets a random part of the members spread 100 points over up to five
// others, sometimes with points to themselves, which must be ignored.
func randomPoints(r *rand.Rand, members []Member) map[string]map[string]int64 {
	points := map[string]map[string]int64{}
	if len(members) < 2 {
		return points
	}
	for i, giver := range members {
		if r.IntN(3) == 0 {
			continue // Does not take part.
		}
		given := map[string]int64{}
		left := int64(100)
		for k := 1 + r.IntN(5); k > 0 && left > 0; k-- {
			j := r.IntN(len(members) - 1)
			if j >= i {
				j++
			}
			p := left
			if k > 1 {
				p = r.Int64N(left + 1)
			}
			given[members[j].OrganizationID] += p
			left -= p
		}
		if left > 0 {
			j := (i + 1) % len(members)
			given[members[j].OrganizationID] += left
		}
		if r.IntN(5) == 0 {
			given[giver.OrganizationID] = r.Int64N(101)
		}
		points[giver.OrganizationID] = given
	}
	return points
}

// randomBounds draws a minimum and a maximum around the equal share pool/n.
func randomBounds(r *rand.Rand, pool, n int64) (lo, hi int64) {
	even := pool / n
	switch r.IntN(5) {
	case 0:
		return 0, 0
	case 1:
		return r.Int64N(even + 1), 0
	case 2:
		return 0, even + 1 + r.Int64N(even+1)
	case 3:
		return r.Int64N(even + 1), even + 1 + r.Int64N(2*even+1)
	default:
		if r.IntN(2) == 0 {
			return even + 1, 0 // Always infeasible: n·(⌊pool/n⌋ + 1) > pool.
		}
		return 0, max(1, (pool+n-1)/n-1) // Infeasible when pool > n.
	}
}
