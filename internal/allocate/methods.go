package allocate

import (
	"maps"
	"math/big"
	"slices"
)

// equalQuotas gives every member pool / n.
func equalQuotas(r Round) ([]Line, shares, error) {
	n := len(r.Members)
	s := shares{num: make([]*big.Int, n), den: big.NewInt(int64(n))}
	quota := exact(big.NewRat(r.Pool, int64(n)))
	lines := make([]Line, n)
	for i, m := range r.Members {
		s.num[i] = big.NewInt(r.Pool)
		lines[i] = weightLine(m.OrganizationID, exactOne, quota)
	}
	return lines, s, nil
}

// proportionalQuotas gives member i pool × hoursᵢ / Σ hours.
func proportionalQuotas(r Round) ([]Line, shares, error) {
	hours := make([]*big.Rat, len(r.Members))
	for i, m := range r.Members {
		hours[i] = decimal(m.Hours)
	}
	return byWeight(r, hours, inputErr("members", "no member has confirmed hours in the period, so there is nothing to be proportional to"))
}

// byWeight gives member i pool × wᵢ / Σw, or returns none when every weight is 0.
func byWeight(r Round, w []*big.Rat, none error) ([]Line, shares, error) {
	s := weighted(r.Pool, integers(w))
	if s.den.Sign() == 0 {
		return nil, shares{}, none
	}
	lines := make([]Line, len(r.Members))
	for i, m := range r.Members {
		lines[i] = weightLine(m.OrganizationID, exact(w[i]), exact(s.rat(i)))
	}
	return lines, s, nil
}

// weightLine is the line of a member whose whole quota is divided by weight.
func weightLine(id string, weight, quota Exact) Line {
	return Line{
		OrganizationID: id,
		Weight:         weight,
		Multiplier:     exactOne,
		EqualPart:      exactZero,
		WeightPart:     quota,
		Quota:          quota,
	}
}

// peerQuotas gives member i pool × (points received by i) / (all points given).
func peerQuotas(r Round) ([]Line, shares, error) {
	received, err := pointsReceived(r)
	if err != nil {
		return nil, shares{}, err
	}
	w := make([]*big.Rat, len(r.Members))
	for i, m := range r.Members {
		w[i] = new(big.Rat).SetInt64(received[m.OrganizationID])
	}
	return byWeight(r, w, inputErr("points", "no member gave points to another, so there is nothing to divide by"))
}

// pointsReceived checks r.Points and sums the points each member received from the
// others. Givers are checked in ID order so that the error names the same giver every
// time.
func pointsReceived(r Round) (map[string]int64, error) {
	members := make(map[string]bool, len(r.Members))
	for _, m := range r.Members {
		members[m.OrganizationID] = true
	}
	received := make(map[string]int64, len(r.Members))
	for _, giver := range slices.Sorted(maps.Keys(r.Points)) {
		field := "points[" + giver + "]"
		if !members[giver] {
			return nil, inputErr(field, "%q is not a member of the round", giver)
		}
		var given int64
		for _, to := range slices.Sorted(maps.Keys(r.Points[giver])) {
			p := r.Points[giver][to]
			if !members[to] {
				return nil, inputErr(field, "%q gave points to %q, which is not a member of the round", giver, to)
			}
			if p < 0 || p > 100 {
				return nil, inputErr(field, "%q gave %d points to %q; points run from 0 to 100", giver, p, to)
			}
			if to != giver { // Points to oneself are ignored.
				given += p
			}
		}
		if given != 0 && given != 100 {
			return nil, inputErr(field, "%q gave %d points to the other members; a member spreads exactly 100 points, or none", giver, given)
		}
		for to, p := range r.Points[giver] {
			if to != giver {
				received[to] += p
			}
		}
	}
	return received, nil
}
