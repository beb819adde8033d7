package equity

import (
	"math"
	"strconv"
)

// Round6 rounds f to 6 decimal places for display. It rounds the exact binary value
// of f, through strconv, so 0.1234565 (stored as 0.12345649999…) gives 0.123456, where
// math.Round(f*1e6)/1e6 would give 0.123457. NaN and infinities are returned as they are.
func Round6(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return f
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 6, 64), 64)
	if err != nil {
		return f // Unreachable: FormatFloat of a finite float always parses.
	}
	return r
}
