package health

import (
	"math"
	"math/big"
	"slices"
)

// Ratings run from 1 (strongly disagree) to 5 (strongly agree).
const (
	MinRating = 1
	MaxRating = 5
)

// MinGroup is the fewest respondents a group may have for its scores to be shown; below
// it a person's answers could be told apart. It applies to the whole check-in too.
const MinGroup = 3

// Bands of a factor score, after rounding to hundredths.
const (
	BandStrength = "strength" // 4.00 and above
	BandDiscuss  = "discuss"  // 3.00 to 3.99
	BandConcern  = "concern"  // under 3.00
)

// GapHighlight is the difference between two groups' scores, in hundredths, from which
// the gap is highlighted (0.50).
const GapHighlight = 50

// Response is one anonymous set of answers: a rating per statement the respondent rated
// (statements left out were "not sure"), and the groups of the organization the
// respondent answered for ("yes", "no" or "not_said" for each attribute).
type Response struct {
	Ratings      map[string]int
	BipocLed     string
	MostImpacted string
}

// Problem is one reason a set of ratings is refused.
type Problem struct {
	Statement string
	Reason    string // "unknown" statement, "range" (not 1–5), "empty" (nothing rated)
}

// CheckRatings returns what is wrong with a set of ratings, nothing when it is valid.
func CheckRatings(ratings map[string]int) []Problem {
	var out []Problem
	for _, key := range slices.Sorted(mapKeys(ratings)) {
		switch r := ratings[key]; {
		case !IsStatement(key):
			out = append(out, Problem{key, "unknown"})
		case r < MinRating || r > MaxRating:
			out = append(out, Problem{key, "range"})
		}
	}
	if len(ratings) == 0 {
		out = append(out, Problem{"", "empty"})
	}
	return out
}

// Score is a mean rating rounded to hundredths, with the number of ratings behind it.
// Mean is nil when nobody rated.
type Score struct {
	Mean    *float64 `json:"mean"`
	Ratings int      `json:"ratings"`
	hund    int      // Mean in hundredths, for exact comparisons
}

// StatementScore is the score of one statement.
type StatementScore struct {
	Statement string `json:"statement"`
	Score
}

// FactorScore is the score of one factor: the mean of its statements' means, and its band.
type FactorScore struct {
	Factor     string           `json:"factor"`
	Band       string           `json:"band"`
	Statements []StatementScore `json:"statements"`
	Score
}

// Result is the scores of a set of responses, factor by factor in instrument order.
type Result struct {
	Respondents int           `json:"respondents"`
	Factors     []FactorScore `json:"factors"`
}

// Compute scores responses. Means are exact rationals rounded half up to hundredths, so
// a result never depends on the order of the responses.
func Compute(responses []Response) Result {
	res := Result{Respondents: len(responses)}
	for _, f := range Instrument {
		fs := FactorScore{Factor: f.Key}
		factorSum, rated := new(big.Rat), 0
		for _, s := range f.Statements {
			sum, n := 0, 0
			for _, r := range responses {
				if v, ok := r.Ratings[s.Key]; ok {
					sum, n = sum+v, n+1
				}
			}
			ss := StatementScore{Statement: s.Key, Score: Score{Ratings: n}}
			if n > 0 {
				mean := big.NewRat(int64(sum), int64(n))
				ss.Score = score(mean, n)
				factorSum.Add(factorSum, mean)
				rated++
			}
			fs.Ratings += n
			fs.Statements = append(fs.Statements, ss)
		}
		if rated > 0 {
			fs.Score = score(factorSum.Quo(factorSum, big.NewRat(int64(rated), 1)), fs.Ratings)
			fs.Band = band(fs.hund)
		}
		res.Factors = append(res.Factors, fs)
	}
	return res
}

// score rounds a mean half up to hundredths.
func score(mean *big.Rat, n int) Score {
	x := new(big.Rat).Mul(mean, big.NewRat(100, 1))
	x.Add(x, big.NewRat(1, 2))
	h := new(big.Int).Quo(x.Num(), x.Denom()) // floor, since x > 0
	hund := int(h.Int64())
	m := float64(hund) / 100
	return Score{Mean: &m, Ratings: n, hund: hund}
}

func band(hund int) string {
	switch {
	case hund >= 400:
		return BandStrength
	case hund >= 300:
		return BandDiscuss
	}
	return BandConcern
}

func mapKeys(m map[string]int) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// BandFor returns the band of a score already rounded to hundredths ("" for no score).
func BandFor(mean *float64) string {
	if mean == nil {
		return ""
	}
	return band(int(math.Round(*mean * 100)))
}
