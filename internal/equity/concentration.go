package equity

import "math"

// concentration computes the Gini coefficient and the top-20 % share of orgs, which
// are sorted by quantity descending and sum to total.
func concentration(orgs []OrgQuantity, total float64) Concentration {
	if len(orgs) == 0 || total == 0 {
		return Concentration{}
	}
	g := gini(orgs, total)
	top := top20Share(orgs, total)
	return Concentration{Gini: &g, Top20Share: &top}
}

// gini returns Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) in O(n) over sorted quantities.
//
// With x₁ ≤ … ≤ xₙ, each gap x₍ₖ₊₁₎ − x₍ₖ₎ lies between the k smallest and the n − k
// largest values, so it is counted in k(n − k) of the pairs i < j:
//
//	Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σₖ k(n − k)(x₍ₖ₊₁₎ − x₍ₖ₎)  and  2 n² x̄ = 2 n T,
//
// hence G = Σₖ k(n − k)(x₍ₖ₊₁₎ − x₍ₖ₎) / (n T). Every term is non-negative, so nothing
// cancels (all-equal quantities give exactly 0). Gaps and total are first scaled by the
// same power of two, which is exact and keeps the weighted sum from overflowing.
func gini(orgs []OrgQuantity, total float64) float64 {
	n := len(orgs)
	_, exp := math.Frexp(total)
	var sum float64
	// orgs is descending: orgs[j] − orgs[j+1] is the gap above the n−1−j smallest values.
	for j := 0; j < n-1; j++ {
		gap := math.Ldexp(orgs[j].Quantity-orgs[j+1].Quantity, -exp)
		sum += float64((n-1-j)*(j+1)) * gap
	}
	g := sum / (float64(n) * math.Ldexp(total, -exp))
	// The exact value is at most (n − 1)/n; rounding must not push it past that.
	return min(g, float64(n-1)/float64(n))
}

// top20Share returns the share of total held by the ⌈0.2 n⌉ members with the most.
func top20Share(orgs []OrgQuantity, total float64) float64 {
	k := (len(orgs) + 4) / 5 // ⌈n/5⌉ in integers: 0.2*15 would round up to 3.0000000000000004.
	var top float64
	for i := k - 1; i >= 0; i-- {
		top += orgs[i].Quantity
	}
	// The sums are exact for whole units; otherwise rounding must not yield a share above 1.
	return min(top/total, 1)
}
