package web

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/web/i18n"
)

// equityAttributes lists the attributes the report groups by, in report order.
var equityAttributes = []string{equity.AttrBipocLed, equity.AttrMostImpacted, equity.AttrBudgetBand}

// equityView is an equity report ready for the templates: every figure formatted,
// every label translated.
type equityView struct {
	CoalitionID    string
	DimensionLabel string // "Leadership seats", for headings
	DimensionNoun  string // "leadership seats", for sentences
	Members        int
	Total          string
	NoData         bool // the dimension sums to 0: shares, ratios and concentration are undefined
	Attributes     []equityAttributeView
	Flags          []string // one sentence per flagged group
	Gini           string
	Top20          string
	TopCount       int
	Organizations  []equityOrgView
}

// equityAttributeView is one attribute: its chart and its data table.
type equityAttributeView struct {
	Attribute string
	Heading   string
	Chart     barChart
	Rows      []equityRowView
}

// equityRowView is one group's row of the data table.
type equityRowView struct {
	Label           string
	Members         int
	MembershipShare string
	Quantity        string
	Share           string // "" when undefined
	Ratio           string // "" when undefined
	FlagReason      string // equity.ReasonUnderRepresented, equity.ReasonOverRepresented or ""
	FlagText        string
}

// equityOrgView is one member organization's quantity.
type equityOrgView struct {
	Name     string
	Quantity string
	Share    string
}

// buildEquityView formats rep for display in loc's language, keeping only the given
// attributes. idPrefix keeps chart ids unique when two views share a page.
func buildEquityView(loc *i18n.Localizer, rep *app.EquityReport, attributes []string, idPrefix string) *equityView {
	v := &equityView{
		CoalitionID:    rep.CoalitionID,
		DimensionLabel: loc.T("equity.dimension." + rep.Dimension),
		DimensionNoun:  loc.T("equity.dimension_noun." + rep.Dimension),
		Members:        rep.Members,
		Total:          formatQuantity(rep.Total),
		NoData:         rep.Total == 0,
	}
	for _, attr := range attributes {
		v.Attributes = append(v.Attributes, buildEquityAttribute(loc, rep, attr, v.DimensionNoun, idPrefix))
	}
	for _, a := range v.Attributes {
		for _, r := range a.Rows {
			if r.FlagReason != "" {
				group := r.Label
				if a.Attribute == equity.AttrBudgetBand {
					group = loc.T("equity.group_in_attribute", "Attribute", a.Heading, "Group", r.Label)
				}
				v.Flags = append(v.Flags, loc.T("equity.flag_sentence."+r.FlagReason,
					"Group", group, "Ratio", r.Ratio, "Dimension", v.DimensionNoun))
			}
		}
	}
	if c := rep.Concentration; c.Gini != nil && c.Top20Share != nil {
		v.Gini = fixed2(*c.Gini)
		v.Top20 = percent(*c.Top20Share)
	}
	v.TopCount = (rep.Members + 4) / 5
	// The report orders organizations by quantity, then by id; readers expect names.
	orgs := slices.Clone(rep.Organizations)
	slices.SortStableFunc(orgs, func(a, b equity.OrgQuantity) int {
		return cmp.Or(cmp.Compare(b.Quantity, a.Quantity), strings.Compare(rep.Names[a.OrganizationID], rep.Names[b.OrganizationID]))
	})
	for _, o := range orgs {
		ov := equityOrgView{Name: rep.Names[o.OrganizationID], Quantity: formatQuantity(o.Quantity)}
		if rep.Total > 0 {
			ov.Share = percent(o.Quantity / rep.Total)
		}
		v.Organizations = append(v.Organizations, ov)
	}
	return v
}

func buildEquityAttribute(loc *i18n.Localizer, rep *app.EquityReport, attr, dimension, idPrefix string) equityAttributeView {
	a := equityAttributeView{Attribute: attr, Heading: loc.T("equity.attr." + attr)}
	var inputs []chartInput
	var desc []string
	for _, g := range rep.Groups {
		if g.Attribute != attr {
			continue
		}
		row := equityRowView{
			Label:           groupLabel(loc, g.Attribute, g.Value),
			Members:         g.Members,
			MembershipShare: percent(g.MembershipShare),
			Quantity:        formatQuantity(g.Quantity),
			FlagReason:      g.FlagReason,
		}
		in := chartInput{Label: row.Label, MembershipShare: g.MembershipShare, MembershipText: row.MembershipShare,
			Share: g.Share, ShareText: loc.T("equity.no_data_short")}
		if g.Share != nil && g.Ratio != nil {
			row.Share, row.Ratio = percent(*g.Share), fixed2(*g.Ratio)
			in.ShareText = row.Share
		}
		if g.FlagReason != "" {
			row.FlagText = loc.T("equity.flag." + g.FlagReason)
			in.Flag = g.FlagReason
			in.Label = loc.T("equity.chart.flagged_label", "Group", row.Label, "Flag", row.FlagText, "Icon", flagIcon[g.FlagReason])
		}
		a.Rows = append(a.Rows, row)
		inputs = append(inputs, in)
		if row.Share != "" {
			desc = append(desc, loc.T("equity.chart.desc_row", "Group", row.Label, "Members", row.MembershipShare,
				"Share", row.Share, "Dimension", dimension, "Ratio", row.Ratio))
		} else {
			desc = append(desc, loc.T("equity.chart.desc_row_no_data", "Group", row.Label, "Members", row.MembershipShare))
		}
	}
	title := loc.T("equity.chart.title", "Attribute", a.Heading, "Dimension", dimension)
	a.Chart = newBarChart(idPrefix+"chart-"+attr, title, strings.Join(desc, " "), inputs)
	return a
}

// flagIcon marks a flag in text, so that it never rests on colour alone.
var flagIcon = map[string]string{equity.ReasonUnderRepresented: "▼", equity.ReasonOverRepresented: "▲"}

// groupLabel names a group in the reader's language.
func groupLabel(loc *i18n.Localizer, attr, value string) string {
	if attr == equity.AttrBudgetBand {
		return loc.T("org.band." + value)
	}
	return loc.T("equity.group." + attr + "." + value)
}

// formatQuantity prints a quantity without trailing zeros or exponent ("3", "2.5"),
// rounded to two decimals for the eye (win credit is in thirds and twelfths: "1.08");
// the API carries the exact figure.
func formatQuantity(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

// percent prints a share as a percentage with one decimal ("50.0%").
func percent(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }

// fixed2 prints a number with two decimals ("1.00").
func fixed2(f float64) string { return fmt.Sprintf("%.2f", f) }
