package allocate

import "math/big"

// formulaQuotas computes the equity formula (see Formula). With R = pool − n × Base,
// p = EqualPercent = pn/pd, integer weights Wᵢ (hours × multiplier, scaled to whole
// numbers) and S = Σ W, every quota is put over the one denominator D = 100·pd·n·S:
//
//	numᵢ = Base·D + R·pn·S + R·(100·pd − pn)·n·Wᵢ
//
// and Σ numᵢ = n·Base·D + R·D = pool·D, so the parts sum to the pool exactly.
func formulaQuotas(r Round) ([]Line, shares, error) {
	f, n := r.Formula, int64(len(r.Members))
	mult, w := formulaWeights(f, r.Members)
	W := integers(w)
	S := new(big.Int)
	for _, x := range W {
		S.Add(S, x)
	}
	R := big.NewInt(r.Pool - n*f.Base) // validate checked n × Base <= pool.
	p := decimal(f.EqualPercent)
	pn, hundredPd := p.Num(), new(big.Int).Mul(big.NewInt(100), p.Denom())
	rest := new(big.Int).Mul(R, new(big.Int).Sub(hundredPd, pn)) // The part by hours, times 100·pd.
	if S.Sign() == 0 {
		if rest.Sign() != 0 {
			return nil, shares{}, inputErr("members", "no member has confirmed hours in the period, so the part by hours cannot be divided")
		}
		S.SetInt64(1) // The part by hours is 0; any positive S keeps D positive.
	}
	hundredPdN := new(big.Int).Mul(hundredPd, big.NewInt(n))
	D := new(big.Int).Mul(hundredPdN, S)
	common := new(big.Int).Mul(big.NewInt(f.Base), D) // Base·D + R·pn·S, the same for everyone.
	common.Add(common, new(big.Int).Mul(new(big.Int).Mul(R, pn), S))
	nRest := new(big.Int).Mul(rest, big.NewInt(n))
	restDen := new(big.Int).Mul(hundredPd, S)
	equalPart := exact(new(big.Rat).SetFrac(new(big.Int).Mul(R, pn), hundredPdN))
	s := shares{num: make([]*big.Int, n), den: D}
	lines := make([]Line, n)
	for i, m := range r.Members {
		s.num[i] = new(big.Int).Add(common, new(big.Int).Mul(nRest, W[i]))
		lines[i] = Line{
			OrganizationID: m.OrganizationID,
			Weight:         exact(w[i]),
			Multiplier:     mult[i],
			Base:           f.Base,
			EqualPart:      equalPart,
			WeightPart:     exact(new(big.Rat).SetFrac(new(big.Int).Mul(rest, W[i]), restDen)),
			Quota:          exact(s.rat(i)),
		}
	}
	return lines, s, nil
}

// formulaWeights returns each member's multiplier, shown, and its weight hours × multiplier.
func formulaWeights(f Formula, members []Member) ([]Exact, []*big.Rat) {
	var cache [8]*Exact // By the three attributes, so each multiplier is shown once.
	mult := make([]Exact, len(members))
	w := make([]*big.Rat, len(members))
	for i, m := range members {
		x := multiplier(f, m)
		key := b2i(m.BipocLed) | b2i(m.MostImpacted)<<1 | b2i(m.SmallBudget)<<2
		if cache[key] == nil {
			e := exact(x)
			cache[key] = &e
		}
		mult[i], w[i] = *cache[key], x.Mul(x, decimal(m.Hours))
	}
	return mult, w
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// multiplier is the product of the formula's weights that apply to m.
func multiplier(f Formula, m Member) *big.Rat {
	out := big.NewRat(1, 1)
	for _, c := range []struct {
		applies bool
		weight  float64
	}{{m.BipocLed, f.BipocLedWeight}, {m.MostImpacted, f.MostImpactedWeight}, {m.SmallBudget, f.SmallBudgetWeight}} {
		if c.applies {
			out.Mul(out, decimal(c.weight))
		}
	}
	return out
}
