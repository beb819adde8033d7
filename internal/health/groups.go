package health

// Attributes by which respondents are compared: the attributes of the member organization
// a respondent answered for.
const (
	AttrBipocLed     = "bipoc_led"
	AttrMostImpacted = "most_impacted"
)

// Attributes lists the compared attributes in display order.
var Attributes = []string{AttrBipocLed, AttrMostImpacted}

// Breakdown compares the "yes" and "no" groups of one attribute (respondents who answered
// for no member organization, or whose organization did not say, are in neither). Scores
// are shown only when both groups have at least MinGroup respondents.
type Breakdown struct {
	Attribute string `json:"attribute"`
	Yes       int    `json:"yes_respondents"`
	No        int    `json:"no_respondents"`
	Shown     bool   `json:"shown"`
	// Factors holds, when Shown, each factor's score in both groups and the gap.
	Factors []GroupGap `json:"factors"`
}

// GroupGap is one factor's score in the "yes" and "no" groups. Gap is |yes − no| of the
// rounded scores; Highlight is set from 0.50.
type GroupGap struct {
	Factor    string   `json:"factor"`
	Yes       *float64 `json:"yes"`
	No        *float64 `json:"no"`
	Gap       *float64 `json:"gap"`
	Highlight bool     `json:"highlight"`
}

// Breakdowns compares groups for every attribute.
func Breakdowns(responses []Response) []Breakdown {
	out := make([]Breakdown, 0, len(Attributes))
	for _, attr := range Attributes {
		var yes, no []Response
		for _, r := range responses {
			switch value(r, attr) {
			case "yes":
				yes = append(yes, r)
			case "no":
				no = append(no, r)
			}
		}
		b := Breakdown{Attribute: attr, Yes: len(yes), No: len(no), Factors: []GroupGap{}}
		b.Shown = b.Yes >= MinGroup && b.No >= MinGroup
		if b.Shown {
			ry, rn := Compute(yes), Compute(no)
			for i, f := range ry.Factors {
				b.Factors = append(b.Factors, gap(f, rn.Factors[i]))
			}
		}
		out = append(out, b)
	}
	return out
}

func value(r Response, attr string) string {
	if attr == AttrBipocLed {
		return r.BipocLed
	}
	return r.MostImpacted
}

func gap(y, n FactorScore) GroupGap {
	g := GroupGap{Factor: y.Factor, Yes: y.Mean, No: n.Mean}
	if y.Mean != nil && n.Mean != nil {
		d := y.hund - n.hund
		if d < 0 {
			d = -d
		}
		v := float64(d) / 100
		g.Gap, g.Highlight = &v, d >= GapHighlight
	}
	return g
}
