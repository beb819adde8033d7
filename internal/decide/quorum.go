package decide

import (
	"fmt"
	"math/big"
	"strconv"
)

// quorumRequired returns the number of stances the quorum needs, max(1, ⌈q × n⌉), and
// q as the decimal it is computed from.
//
// A float64 such as 0.1 is stored as a binary number slightly above 1/10, and
// 0.1 × 30 in float64 is 3.0000000000000004, whose ceiling is 4. People who set a
// quorum of 0.1 mean one tenth, so q is read as the shortest decimal that prints as it
// ("0.1") and the ceiling is taken exactly with integers: (num × n + den − 1) / den.
func quorumRequired(q float64, n int) (int, string) {
	decimal := strconv.FormatFloat(q, 'f', -1, 64)
	r, ok := new(big.Rat).SetString(decimal)
	if !ok {
		panic("decide: the quorum " + decimal + " does not parse") // Unreachable after validate.
	}
	need := new(big.Int).Mul(r.Num(), big.NewInt(int64(n)))
	need.Add(need, r.Denom())
	need.Sub(need, big.NewInt(1))
	need.Quo(need, r.Denom())
	return max(1, int(need.Int64())), decimal
}

// quorumLine fills c.Required and explains whether the quorum is met.
func quorumLine(q float64, c *Counts) Line {
	required, decimal := quorumRequired(q, c.Eligible)
	c.Required = required
	rel := relation(c.Participants, required)
	arithmetic := fmt.Sprintf("⌈%s × %d⌉ = %d; %d %s %d", decimal, c.Eligible, required, c.Participants, rel, required)
	if c.Eligible == 0 {
		arithmetic = fmt.Sprintf("⌈%s × 0⌉ = 0, at least 1; %d %s %d", decimal, c.Participants, rel, required)
	}
	l := Line{
		Rule:       RuleQuorum,
		Holds:      c.Participants >= required,
		Values:     values("eligible", c.Eligible, "participants", c.Participants, "required", required),
		Threshold:  decimal,
		Arithmetic: arithmetic,
	}
	met := "met"
	if !l.Holds {
		met = "not met"
	}
	l.Text = fmt.Sprintf("Quorum %s: %d of %d eligible voters took a stance (abstaining and standing aside count); a quorum of %s needs %d.",
		met, c.Participants, c.Eligible, decimal, required)
	return l
}
