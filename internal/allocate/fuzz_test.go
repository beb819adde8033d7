package allocate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"testing"
)

// FuzzAllocate decodes a round from bytes (a 30-byte header, then 12 bytes per member)
// and checks that Allocate never panics, refuses bad input only with an *InputError,
// and keeps every invariant of checkResult whenever it accepts the round.
func FuzzAllocate(f *testing.F) {
	f.Add(make([]byte, 30))
	f.Add(append(header(10_000, 0, 0, 1, 50, 24), member(1, 7, 0, 2, 10)...))
	f.Add(append(append(header(1_000_001, 100, 600_000, 2, 26, 24), member(1, 7, 1, 2, 15)...), member(2, 0, 1, 1, 30)...))
	f.Add(append(append(append(header(999, 0, 0, 3, 0, 16), member(1, 0, 0, 2, 1)...), member(2, 0, 0, 3, 1)...), member(3, 0, 0, 1, 1)...))
	f.Add(append(header(5, 0, 0, 0, 0, 0), member(255, 0, 2, 0, math.Float64bits(math.NaN()))...))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 30 {
			return
		}
		round := decodeRound(data)
		res, err := Allocate(round)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		checkResult(t, round, res)
	})
}

// decodeRound reads a round: pool, min, max and base are int64 shifted right by a
// byte (so every magnitude and sign occurs); then method, percent and weights.
func decodeRound(data []byte) Round {
	i64 := func(at int) int64 { return int64(binary.LittleEndian.Uint64(data[at:])) >> (data[24+at/8] % 64) }
	round := Round{
		Pool:   i64(0),
		Min:    i64(8),
		Max:    i64(16),
		Method: append(Methods, "bogus")[data[27]%5],
		Formula: Formula{
			Base:               i64(16) / 3,
			EqualPercent:       float64(data[28]) / 2, // Above 100 now and then.
			BipocLedWeight:     float64(data[29]) / 16,
			MostImpactedWeight: float64(data[29]%7) / 2,
			SmallBudgetWeight:  float64(data[28]%5) / 4,
		},
	}
	var givers []byte
	for rest := data[30:]; len(rest) >= 12; rest = rest[12:] {
		c := rest[:12]
		m := Member{OrganizationID: fmt.Sprintf("o%d", c[0]%50), BipocLed: c[1]&1 == 1, MostImpacted: c[1]&2 == 2, SmallBudget: c[1]&4 == 4}
		if c[0] == 255 {
			m.OrganizationID = ""
		}
		bits := binary.LittleEndian.Uint64(c[4:])
		switch c[2] % 4 {
		case 0:
			m.Hours = float64(bits % 1000)
		case 1:
			m.Hours = float64(bits%100_000) / 10
		case 2:
			m.Hours = math.Float64frombits(bits) // NaN, ±Inf, negative, huge, subnormal.
		}
		round.Members = append(round.Members, m)
		givers = append(givers, c[3])
	}
	round.Points = decodePoints(round.Members, givers)
	return round
}

// decodePoints lets member i give 100 points (90 when the byte is a multiple of 7, which
// is invalid) to the member the byte names; 0 means it does not take part.
func decodePoints(members []Member, givers []byte) map[string]map[string]int64 {
	points := map[string]map[string]int64{}
	for i, b := range givers {
		if b == 0 || len(members) == 0 {
			continue
		}
		p := int64(100)
		if b%7 == 0 {
			p = 90
		}
		points[members[i].OrganizationID] = map[string]int64{members[int(b)%len(members)].OrganizationID: p}
	}
	return points
}

// header encodes a fuzz header with no shifts (the base share is then hi / 3).
func header(pool, lo, hi int64, method, percent, weights byte) []byte {
	b := make([]byte, 30)
	binary.LittleEndian.PutUint64(b[0:], uint64(pool))
	binary.LittleEndian.PutUint64(b[8:], uint64(lo))
	binary.LittleEndian.PutUint64(b[16:], uint64(hi))
	b[27], b[28], b[29] = method, percent, weights
	return b
}

// member encodes one fuzz member.
func member(id, flags, kind, gives byte, hours uint64) []byte {
	b := []byte{id, flags, kind, gives}
	return binary.LittleEndian.AppendUint64(b, hours)
}
