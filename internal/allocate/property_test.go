package allocate

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAllocateProperties checks the promises of PRODUCT.md on 1,000 random rounds of up
// to 500 members: the parts sum exactly to the pool, none is negative, the bounds hold,
// each step matches a plain rational reference, and the result is deterministic:
// the same round gives the same result, and shuffled members the same line per member.
func TestAllocateProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 2026))
	cases := 1000
	if testing.Short() {
		cases = 200
	}
	var ok, refused int
	for i := range cases {
		round := randomRound(r, 500)
		res, err := Allocate(round)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("case %d: error %v is not an *InputError", i, err)
			}
			refused++
			continue
		}
		ok++
		checkResult(t, round, res)
		if again, _ := Allocate(round); res.Scale != again.Scale || res.Leftover != again.Leftover || !slices.Equal(res.Lines, again.Lines) {
			t.Fatalf("case %d: the same round gave another result (-first +second):\n%s", i, cmp.Diff(res, again))
		}
		checkShuffled(t, r, round, res)
	}
	if ok < cases*3/4 {
		t.Fatalf("only %d of %d rounds were valid (%d refused); the generator tests too little", ok, cases, refused)
	}
	t.Logf("%d rounds allocated, %d refused as invalid", ok, refused)
}

// checkShuffled allocates round with its members shuffled and checks that every
// member gets the same line.
func checkShuffled(t *testing.T, r *rand.Rand, round Round, res Result) {
	t.Helper()
	shuffled := round
	shuffled.Members = append([]Member(nil), round.Members...)
	r.Shuffle(len(shuffled.Members), func(a, b int) {
		shuffled.Members[a], shuffled.Members[b] = shuffled.Members[b], shuffled.Members[a]
	})
	got, err := Allocate(shuffled)
	if err != nil {
		t.Fatalf("shuffled members: %v", err)
	}
	byID := make(map[string]Line, len(res.Lines))
	for _, l := range res.Lines {
		byID[l.OrganizationID] = l
	}
	for _, l := range got.Lines {
		if byID[l.OrganizationID] != l {
			t.Fatalf("shuffling the members changed %s's line (-before +after):\n%s", l.OrganizationID, cmp.Diff(byID[l.OrganizationID], l))
		}
	}
}

// checkResult checks every invariant of res, computed from round.
func checkResult(t testing.TB, round Round, res Result) {
	t.Helper()
	if len(res.Lines) != len(round.Members) {
		t.Fatalf("%d lines for %d members", len(res.Lines), len(round.Members))
	}
	var sum, extra int64
	for i, l := range res.Lines {
		if l.OrganizationID != round.Members[i].OrganizationID {
			t.Fatalf("line %d is %q, want member %q", i, l.OrganizationID, round.Members[i].OrganizationID)
		}
		if l.Hours != exact(decimal(round.Members[i].Hours)) {
			t.Fatalf("%s: hours shown as %+v, want %v", l.OrganizationID, l.Hours, round.Members[i].Hours)
		}
		if l.Amount < 0 || l.Amount < round.Min || round.Max > 0 && l.Amount > round.Max {
			t.Fatalf("%s gets %d, outside [%d, %d] or negative", l.OrganizationID, l.Amount, round.Min, round.Max)
		}
		if l.ExtraCent < 0 || l.ExtraCent > 1 || l.Amount != l.Floor+l.ExtraCent {
			t.Fatalf("%s: amount %d != floor %d + extra cent %d", l.OrganizationID, l.Amount, l.Floor, l.ExtraCent)
		}
		sum += l.Amount
		extra += l.ExtraCent
	}
	if sum != round.Pool || extra != res.Leftover {
		t.Fatalf("parts sum to %d, want the pool %d; %d extra cents, want %d", sum, round.Pool, extra, res.Leftover)
	}
	checkQuotas(t, round, res)
	checkWaterFilling(t, round, res)
	checkRemainders(t, res)
}

// rat parses an exact fraction of a Line.
func rat(t testing.TB, e Exact) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(e.Fraction)
	if !ok {
		t.Fatalf("cannot parse %q", e.Fraction)
	}
	return r
}

// checkQuotas compares the quotas with a reference computed in plain rationals, the
// formula written as it reads, and checks that they sum to the pool.
func checkQuotas(t testing.TB, round Round, res Result) {
	t.Helper()
	want := referenceQuotas(round)
	sum := new(big.Rat)
	for i, l := range res.Lines {
		q := rat(t, l.Quota)
		if q.Cmp(want[i]) != 0 {
			t.Fatalf("%s (%s): quota %s, want %s", l.OrganizationID, round.Method, q.RatString(), want[i].RatString())
		}
		parts := new(big.Rat).Add(new(big.Rat).SetInt64(l.Base), rat(t, l.EqualPart))
		if parts.Add(parts, rat(t, l.WeightPart)).Cmp(q) != 0 {
			t.Fatalf("%s: base + equal part + weight part != quota %s", l.OrganizationID, q.RatString())
		}
		sum.Add(sum, q)
	}
	if sum.Cmp(new(big.Rat).SetInt64(round.Pool)) != 0 {
		t.Fatalf("quotas sum to %s, want the pool %d", sum.RatString(), round.Pool)
	}
}

// referenceQuotas computes each member's quota the slow, obvious way.
func referenceQuotas(round Round) []*big.Rat {
	n := int64(len(round.Members))
	pool := new(big.Rat).SetInt64(round.Pool)
	received := map[string]int64{}
	for giver, given := range round.Points {
		for to, p := range given {
			if to != giver {
				received[to] += p
			}
		}
	}
	w := make([]*big.Rat, n)
	total := new(big.Rat)
	for i, mem := range round.Members {
		switch round.Method {
		case Equal:
			w[i] = big.NewRat(1, 1)
		case Proportional:
			w[i] = decimal(mem.Hours)
		case EquityFormula:
			w[i] = new(big.Rat).Mul(decimal(mem.Hours), multiplier(round.Formula, mem))
		case Peer:
			w[i] = new(big.Rat).SetInt64(received[mem.OrganizationID])
		}
		total.Add(total, w[i])
	}
	out := make([]*big.Rat, n)
	if round.Method != EquityFormula {
		for i := range out {
			out[i] = new(big.Rat).Quo(new(big.Rat).Mul(pool, w[i]), total)
		}
		return out
	}
	f := round.Formula
	rest := new(big.Rat).Sub(pool, new(big.Rat).SetInt64(n*f.Base))
	share := new(big.Rat).Quo(decimal(f.EqualPercent), big.NewRat(100, 1))
	equal := new(big.Rat).Mul(rest, share)
	byHours := new(big.Rat).Sub(rest, equal)
	for i := range out {
		out[i] = new(big.Rat).Add(new(big.Rat).SetInt64(f.Base), new(big.Rat).Quo(equal, new(big.Rat).SetInt64(n)))
		if total.Sign() > 0 {
			out[i].Add(out[i], new(big.Rat).Quo(new(big.Rat).Mul(byHours, w[i]), total))
		}
	}
	return out
}
