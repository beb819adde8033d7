package decide

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fuzzProposal decodes a proposal from bytes: a header of four bytes (method, quorum,
// eligible voters, options) and four bytes per stance (voter, position, choice or
// ranking length, ranking seed and block fields). Values run past the valid ones on
// purpose, so that unknown methods, voters, positions and options occur.
func fuzzProposal(data []byte) Proposal {
	if len(data) < 4 {
		return Proposal{}
	}
	p := Proposal{Method: append(Methods, "sortition")[int(data[0])%7], Eligible: voters(int(data[2]) % 20)}
	switch q := data[1]; q {
	case 255:
		p.Quorum = math.NaN()
	default:
		p.Quorum = float64(q) / 200 // 0 and above 1 are invalid.
	}
	if p.Method.isPoll() || data[3]&0x80 != 0 {
		for i := range int(data[3]) % 7 {
			p.Options = append(p.Options, fmt.Sprintf("o%d", i))
		}
	}
	option := func(i int) string { return fmt.Sprintf("o%d", i%(len(p.Options)+1)) } // One past the end is unknown.
	positions := append(slices.Clone(Positions), "", "maybe")
	for data = data[4:]; len(data) >= 4; data = data[4:] {
		c := data[:4]
		s := Stance{VoterID: fmt.Sprintf("v%02d", int(c[0])%24+1), Position: positions[int(c[1])%7]}
		if c[3]&1 != 0 {
			s.Reason = "reason"
		}
		if c[3]&2 != 0 {
			s.PrincipleID = "p1"
		}
		switch {
		case p.Method == PollSingle || c[2] >= 250:
			s.Choice = option(int(c[2]))
		case p.Method == PollRanked || c[2] >= 240:
			for j := range int(c[2]) % 5 {
				s.Ranking = append(s.Ranking, option(int(c[3]>>2)+j*int(c[2]/5)))
			}
		}
		p.Stances = append(p.Stances, s)
	}
	return p
}

// FuzzDecide checks that Decide never panics, that its errors are *FieldError naming
// a field, and that every outcome keeps its invariants and does not depend on the
// order of the stances.
func FuzzDecide(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{2, 100, 5, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2, 4, 0, 3})
	f.Add([]byte{5, 100, 8, 4, 0, 5, 4, 1, 1, 5, 3, 9, 2, 5, 2, 200, 3, 5, 1, 0})
	f.Add([]byte{4, 20, 6, 3, 0, 5, 1, 0, 1, 5, 2, 0, 2, 6, 0, 0})
	f.Add([]byte{0, 100, 4, 0, 0, 4, 0, 3, 1, 4, 0, 1})
	f.Add([]byte{1, 255, 4, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := fuzzProposal(data)
		o, err := Decide(p)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field == "" || fe.Message == "" {
				t.Fatalf("error %v is not a *FieldError naming a field", err)
			}
			return
		}
		checkOutcome(t, p, o)
		reversed := p
		reversed.Stances = slices.Clone(p.Stances)
		slices.Reverse(reversed.Stances)
		if diff := cmp.Diff(o, mustDecide(t, reversed)); diff != "" {
			t.Fatalf("reversing the stances changed the outcome (-before +after):\n%s", diff)
		}
	})
}
