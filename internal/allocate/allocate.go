// Package allocate splits a pool of money among the member organizations of an
// allocation round, exactly: the parts always sum to the pool, to the cent.
//
// Amounts are int64 minor units (cents). Every method first works out each member's
// exact quota, a rational number of cents (math/big, never float64), then applies the
// optional minimum and maximum by water-filling (bounds.go), then rounds by the largest
// remainder method (remainder.go). Each step is kept in a Line, so a page can show every
// member why it receives what it receives.
//
// The tie-break rule, to state wherever amounts are shown: every member gets the whole
// cents of its exact amount; the cents left over go one each to the members with the
// largest fractions of a cent; between equal fractions, to the member with the larger
// exact amount; between equal amounts too, to the organization whose ID sorts first.
//
// Hours, percentages and multipliers arrive as float64 and are read as the shortest
// decimal that converts back to the same float64 (decimal.go): 1.1 hours count as
// exactly 11/10, what a person typed, not the binary 1.100000000000000088….
//
// The package is pure: no I/O, standard library only. Errors about the input are
// *InputError values that name the offending field.
package allocate

import "math/big"

// Method is how a round divides its pool.
type Method string

// The methods of PRODUCT.md, "Money — never lose a cent", and issue 5.
const (
	// Equal gives every member the same quota: pool / n.
	Equal Method = "equal"
	// Proportional divides the pool in proportion to confirmed hours. A round in which
	// no member has confirmed hours is an error, not an equal split: silently switching
	// method would misstate what the steering committee decided.
	Proportional Method = "proportional"
	// EquityFormula gives a base share per member, splits a percentage of what remains
	// equally, and divides the rest by confirmed hours times the member's multiplier
	// (see Formula).
	EquityFormula Method = "equity_formula"
	// Peer divides the pool in proportion to points received: each member organization
	// spreads 100 points over the others, Coordinape-style (see Round.Points).
	Peer Method = "peer"
)

// Methods lists the methods in the order a form offers them.
var Methods = []Method{Equal, Proportional, EquityFormula, Peer}

// Member is one member organization of a round.
type Member struct {
	OrganizationID string
	Hours          float64 // Confirmed hours in the round's period; read as a decimal.
	BipocLed       bool
	MostImpacted   bool
	SmallBudget    bool // The organization's budget is in one of the two smallest bands.
}

// Formula holds the parameters of the equity formula. A member's quota is
//
//	Base + R × EqualPercent/100 / n + R × (1 − EqualPercent/100) × wᵢ / Σw
//
// where R = pool − n × Base, wᵢ = hoursᵢ × mᵢ, and the multiplier mᵢ is the product of
// the weights that apply to the member (multiplicative, so a BIPOC-led, most impacted,
// small-budget member counts its hours BipocLedWeight × MostImpactedWeight ×
// SmallBudgetWeight times; a member with none of the three counts them once).
type Formula struct {
	Base               int64   // Cents per member, taken first; n × Base must not exceed the pool.
	EqualPercent       float64 // Percentage of R split equally, from 0 to 100.
	BipocLedWeight     float64 // Multiplier for BIPOC-led members; positive, 1 means none.
	MostImpactedWeight float64 // Multiplier for most impacted members; positive.
	SmallBudgetWeight  float64 // Multiplier for the two smallest budget bands; positive.
}

// Round is the input of an allocation round.
type Round struct {
	Pool    int64 // Cents to split, >= 0.
	Method  Method
	Members []Member
	// Min and Max bound every member's amount, in cents; 0 means no bound. (A maximum
	// of 0 could only ever hold an empty pool, so nothing is lost by the convention.)
	Min, Max int64
	Formula  Formula // Used by EquityFormula only.
	// Points[giver][receiver] are the points giver gives receiver, used by Peer only.
	// Points a member gives itself are ignored. A giver's points to the others must
	// sum to exactly 100, or to 0 when the member does not take part; a member that
	// gives nothing is still allocated by what the others gave it.
	Points map[string]map[string]int64
}

// Bound values of a Line.
const (
	BoundNone     = ""         // Scaled by Result.Scale like every unbounded member.
	BoundMin      = "min"      // Raised to the minimum.
	BoundMax      = "max"      // Lowered to the maximum.
	BoundLeftover = "leftover" // A member with quota 0 given an equal part of what the maximum left over.
)

// Exact is an exact rational number shown two ways.
type Exact struct {
	Fraction string // Exact, in lowest terms: "1000/3", or "12" when whole.
	Decimal  string // Rounded to 4 places for display: "333.3333".
}

// Line is one member's allocation and the arithmetic behind it, in cents.
type Line struct {
	OrganizationID string
	Hours          Exact  // The member's confirmed hours, as read (see decimal.go).
	Weight         Exact  // The member's claim: 1 (equal), hours (proportional), hours × Multiplier (equity formula), points received (peer).
	Multiplier     Exact  // Equity formula: the product of the weights that apply; 1 otherwise.
	Base           int64  // Equity formula: the base share; 0 otherwise.
	EqualPart      Exact  // Equity formula: the member's part of the percentage split equally; 0 otherwise.
	WeightPart     Exact  // The part divided by Weight (the whole quota for equal, proportional and peer).
	Quota          Exact  // Base + EqualPart + WeightPart: the exact amount before bounds.
	Bound          string // BoundNone, BoundMin, BoundMax or BoundLeftover.
	Bounded        Exact  // The exact amount after the bounds; Quota when the round has none.
	Floor          int64  // ⌊Bounded⌋.
	Remainder      Exact  // Bounded − Floor, which ranks the member for a leftover cent.
	ExtraCent      int64  // 1 when the member received one of the leftover cents, else 0.
	Amount         int64  // Floor + ExtraCent: what the member receives.
}

// Result is an allocation: one Line per member, in the order of Round.Members.
type Result struct {
	Lines []Line
	// Scale is the factor λ by which water-filling multiplied the quotas of unbounded
	// members (1 when no bound applied); empty when BoundLeftover applied.
	Scale    Exact
	Leftover int64 // Cents handed out one each by largest remainder: pool − Σ Floor.
}

// Amounts returns the members' amounts in the order of Round.Members.
func (r Result) Amounts() []int64 {
	out := make([]int64, len(r.Lines))
	for i, l := range r.Lines {
		out[i] = l.Amount
	}
	return out
}

// Allocate splits r.Pool among r.Members by r.Method. It returns an *InputError when
// the round is invalid (see validate.go for the rules) or its bounds are infeasible,
// and another error only if the exact arithmetic failed to add up, which would be a
// bug: it never returns amounts that do not sum to the pool.
func Allocate(r Round) (Result, error) {
	if err := validate(r); err != nil {
		return Result{}, err
	}
	lines, q, err := quotas(r)
	if err != nil {
		return Result{}, err
	}
	b, err := applyBounds(r.Pool, q, r.Min, r.Max)
	if err != nil {
		return Result{}, err
	}
	ids := make([]string, len(r.Members))
	for i, m := range r.Members {
		ids[i] = m.OrganizationID
	}
	floors, extra, err := apportion(r.Pool, ids, b.shares)
	if err != nil {
		return Result{}, err
	}
	res := Result{Lines: lines, Scale: b.scale, Leftover: r.Pool}
	for i := range lines {
		l := &lines[i]
		l.Hours = l.Weight // Proportional: the weight is the hours.
		if r.Method != Proportional {
			l.Hours = exact(decimal(r.Members[i].Hours))
		}
		l.Bound, l.Bounded = b.bound[i], l.Quota // 1 × Quota, unless a bound applied:
		if b.scale.Fraction != "1" || b.bound[i] != BoundNone {
			l.Bounded = exact(b.shares.rat(i))
		}
		l.Floor, l.ExtraCent, l.Amount = floors[i], extra[i], floors[i]+extra[i]
		rem := new(big.Int).Sub(b.shares.num[i], new(big.Int).Mul(big.NewInt(floors[i]), b.shares.den))
		l.Remainder = exact(new(big.Rat).SetFrac(rem, b.shares.den))
		res.Leftover -= floors[i]
	}
	return res, nil
}

// quotas dispatches to the method and returns the lines filled up to Quota, and the
// exact quotas.
func quotas(r Round) ([]Line, shares, error) {
	switch r.Method {
	case Equal:
		return equalQuotas(r)
	case Proportional:
		return proportionalQuotas(r)
	case EquityFormula:
		return formulaQuotas(r)
	default: // validate admits only the four methods.
		return peerQuotas(r)
	}
}
