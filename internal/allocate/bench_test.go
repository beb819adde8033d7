package allocate

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchRound returns a round of n members with hours in tenths, a third of them
// BIPOC-led, and peer points from two members in three.
func benchRound(method Method, n int, bounded bool) Round {
	r := rand.New(rand.NewPCG(1, 2))
	round := Round{Pool: 250_000_000, Method: method, Members: make([]Member, n)} // $2.5 million.
	for i := range round.Members {
		round.Members[i] = Member{
			OrganizationID: fmt.Sprintf("org-%05d", i),
			Hours:          float64(r.IntN(20_000)) / 10,
			BipocLed:       i%3 == 0,
			MostImpacted:   i%4 == 0,
			SmallBudget:    i%2 == 0,
		}
	}
	round.Formula = Formula{Base: 50_000, EqualPercent: 20, BipocLedWeight: 1.5, MostImpactedWeight: 2, SmallBudgetWeight: 1.25}
	round.Points = randomPoints(r, round.Members)
	if bounded {
		round.Min, round.Max = 100_000, 600_000 // $1,000 to $6,000 each.
	}
	return round
}

// BenchmarkAllocate allocates over 1,000 members by every method, with and without
// a minimum and maximum.
func BenchmarkAllocate(b *testing.B) {
	for _, method := range Methods {
		for _, bounded := range []bool{false, true} {
			round := benchRound(method, 1000, bounded)
			b.Run(fmt.Sprintf("%s/bounded=%v", method, bounded), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Allocate(round); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// contribution is one logged contribution row: a member and hours in hundredths.
type contribution struct {
	member     int32
	centiHours int32
}

// BenchmarkProportionalRows sums 1,000,000 contribution rows per member in integer
// hundredths of an hour (exact, in any order), then allocates proportionally over the
// 1,000 members; "sum" measures the summing alone, "sum+allocate" the whole round.
func BenchmarkProportionalRows(b *testing.B) {
	const members, rows = 1000, 1_000_000
	r := rand.New(rand.NewPCG(3, 4))
	data := make([]contribution, rows)
	for i := range data {
		data[i] = contribution{member: int32(r.IntN(members)), centiHours: int32(25 * (1 + r.IntN(32)))} // 0.25 to 8 hours.
	}
	round := benchRound(Proportional, members, false)
	sum := func() {
		totals := make([]int64, members)
		for _, c := range data {
			totals[c.member] += int64(c.centiHours)
		}
		for i, t := range totals {
			round.Members[i].Hours = float64(t) / 100 // Read back as the decimal t/100 exactly.
		}
	}
	b.Run("sum", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sum()
		}
	})
	b.Run("sum+allocate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sum()
			if _, err := Allocate(round); err != nil {
				b.Fatal(err)
			}
		}
	})
}
