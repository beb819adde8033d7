package network

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// AreaSeparator joins an organization's issue areas in the GraphML attribute
// issue_areas; split on it to get the list back.
const AreaSeparator = ";"

// GraphML attribute keys. Each is declared once in a <key> element with its name
// and type, as GraphML requires and as Gephi and NetworkX expect.
var graphMLKeys = []graphMLKey{
	{ID: "name", For: "node", Name: "name", Type: "string"},
	{ID: "issue_areas", For: "node", Name: "issue_areas", Type: "string"},
	{ID: "bipoc_led", For: "node", Name: "bipoc_led", Type: "string"},
	{ID: "most_impacted", For: "node", Name: "most_impacted", Type: "boolean"},
	// Gephi and NetworkX take an edge attribute named "weight" as the edge weight.
	{ID: "weight", For: "edge", Name: "weight", Type: "double"},
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLDocument struct {
	XMLName        xml.Name     `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphMLKey `xml:"key"`
	Graph          graphMLGraph `xml:"graph"`
}

// WriteGraphML validates the ecosystem as Compute does and writes it to w as an
// undirected GraphML graph that Gephi and NetworkX read: one node per organization
// (id = organization ID; attributes name, issue_areas joined by AreaSeparator,
// bipoc_led and most_impacted) and one edge per tie with weight = depth, from the
// smaller ID to the larger. Nodes are in ID order and edges in the order of their
// ends, so the same ecosystem in any order writes the same bytes. It returns an *InputError for bad input, or the error of w.
func WriteGraphML(w io.Writer, orgs []Organization, ties []Tie) error {
	e, err := newEcosystem(orgs, ties)
	if err != nil {
		return err
	}
	doc := graphMLDocument{
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:           graphMLKeys,
		Graph: graphMLGraph{
			ID:          "ecosystem",
			EdgeDefault: "undirected",
			Nodes:       make([]graphMLNode, len(e.orgs)),
			Edges:       make([]graphMLEdge, len(e.ties)),
		},
	}
	for i, o := range e.orgs {
		doc.Graph.Nodes[i] = graphMLNode{ID: o.ID, Data: []graphMLData{
			{"name", o.Name},
			{"issue_areas", strings.Join(o.IssueAreas, AreaSeparator)},
			{"bipoc_led", o.BipocLed},
			{"most_impacted", strconv.FormatBool(o.MostImpacted)},
		}}
	}
	for i, t := range e.ties {
		doc.Graph.Edges[i] = graphMLEdge{
			Source: e.orgs[t.u].ID,
			Target: e.orgs[t.v].ID,
			Data:   []graphMLData{{"weight", strconv.FormatFloat(t.depth, 'g', -1, 64)}},
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}
