package web

import (
	"strconv"
	"strings"
)

// Geometry of the hand-drawn bar charts, in SVG user units. The viewBox is 360 wide so
// that on a phone one unit is about one CSS pixel; wider screens scale it up.
const (
	chartWidth   = 360
	chartBarMax  = 290 // a share of 100 % is this long, leaving room for its value text
	chartBarH    = 14
	chartLabelH  = 18
	chartBarGap  = 3
	chartRowGap  = 14
	chartTextPad = 4
)

// barChart is an SVG chart of horizontal bars: for each group, its share of members
// and its share of the dimension, with a parity marker where the second bar would end
// if the group held exactly its membership share. Every coordinate is computed here so
// that the template only copies strings into attributes.
type barChart struct {
	ID     string // unique in the page; the title and desc ids derive from it
	Title  string
	Desc   string
	Height int
	Rows   []barRow
}

// barRow is one group of a bar chart.
type barRow struct {
	Label    string // group name, followed by the flag text when flagged
	Flag     string // "under_represented", "over_represented" or ""
	LabelY   int
	Member   chartBar
	Share    chartBar
	HasShare bool // false when the dimension sums to 0
	ParityX  string
	ParityY1 int
	ParityY2 int
}

// chartBar is one bar with its value printed right after its end.
type chartBar struct {
	Y     int
	Width string
	TextX string
	TextY int
	Text  string
}

// chartInput is one group as the chart needs it: shares in [0, 1], share nil-able.
type chartInput struct {
	Label           string
	Flag            string
	MembershipShare float64
	MembershipText  string
	Share           *float64
	ShareText       string
}

// newBarChart lays out the rows from top to bottom.
func newBarChart(id, title, desc string, groups []chartInput) barChart {
	c := barChart{ID: id, Title: title, Desc: desc}
	y := 4
	for _, g := range groups {
		row := barRow{Label: g.Label, Flag: g.Flag, LabelY: y + chartLabelH - 5}
		y += chartLabelH
		row.Member = newChartBar(y, g.MembershipShare, g.MembershipText)
		y += chartBarH + chartBarGap
		if g.Share != nil {
			row.HasShare = true
			row.Share = newChartBar(y, *g.Share, g.ShareText)
		} else {
			row.Share = chartBar{Y: y, Width: "0", TextX: "0", TextY: y + chartBarH - 3, Text: g.ShareText}
		}
		parity := min(max(g.MembershipShare, 0), 1) * chartBarMax
		row.Share.TextX = clearOfParity(row.Share, parity)
		row.ParityX = chartUnits(parity)
		row.ParityY1, row.ParityY2 = y-2, y+chartBarH+2
		y += chartBarH + chartRowGap
		c.Rows = append(c.Rows, row)
	}
	c.Height = y
	return c
}

func newChartBar(y int, share float64, text string) chartBar {
	share = min(max(share, 0), 1)
	w := share * chartBarMax
	return chartBar{Y: y, Width: chartUnits(w), TextX: chartUnits(w + chartTextPad), TextY: y + chartBarH - 3, Text: text}
}

// clearOfParity returns where a bar's value text starts so that the parity marker does
// not cross it: right after the bar, or right after the marker when the marker would
// fall inside the text (a share just short of parity, or 0 % beside a small group).
func clearOfParity(b chartBar, parity float64) string {
	start, _ := strconv.ParseFloat(b.TextX, 64)
	// About 7.5 units per character at the 13px the stylesheet sets; generous on purpose.
	end := start + 7.5*float64(len([]rune(b.Text)))
	if parity >= start-chartTextPad && parity <= end {
		return chartUnits(parity + chartTextPad + 2) // 2: half the marker's white halo
	}
	return b.TextX
}

// chartUnits formats a coordinate with at most one decimal, never in exponent form.
func chartUnits(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}
