package network

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteGraphML(t *testing.T) {
	orgs := []Organization{
		{ID: "org-2", Name: "Tenants <United> & \"Friends\"", IssueAreas: []string{"transit", "housing"}, BipocLed: BipocYes, MostImpacted: true},
		{ID: "org-1", Name: "Comité de Vivienda", BipocLed: BipocNo},
		{ID: "org-3", Name: "Hmong Transit Riders"},
	}
	ties := []Tie{{"org-3", "org-2", 3.5}, {"org-1", "org-2", 5}}
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, orgs, ties); err != nil {
		t.Fatalf("WriteGraphML: %v", err)
	}
	var doc graphMLDocument
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("the output is not well-formed XML: %v\n%s", err, buf.String())
	}
	if doc.Graph.EdgeDefault != "undirected" {
		t.Errorf("edgedefault = %q; want undirected", doc.Graph.EdgeDefault)
	}
	declared := map[string]string{}
	for _, k := range doc.Keys {
		declared[k.ID] = k.For
	}
	// Nodes in ID order; areas sorted and joined; bipoc_led "" written as not_said.
	wantNodes := []graphMLNode{
		node("org-1", "Comité de Vivienda", "", "no", "false"),
		node("org-2", `Tenants <United> & "Friends"`, "housing;transit", "yes", "true"),
		node("org-3", "Hmong Transit Riders", "", "not_said", "false"),
	}
	if diff := cmp.Diff(wantNodes, doc.Graph.Nodes); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	// Edges in the order of their ends' IDs, each from the smaller ID to the larger.
	wantEdges := []graphMLEdge{
		{Source: "org-1", Target: "org-2", Data: []graphMLData{{"weight", "5"}}},
		{Source: "org-2", Target: "org-3", Data: []graphMLData{{"weight", "3.5"}}},
	}
	if diff := cmp.Diff(wantEdges, doc.Graph.Edges); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	for _, n := range doc.Graph.Nodes {
		checkDeclared(t, declared, "node", n.Data)
	}
	for _, e := range doc.Graph.Edges {
		checkDeclared(t, declared, "edge", e.Data)
	}
	if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("the output does not start with an XML declaration:\n%s", buf.String())
	}

	// The same ecosystem given in another order writes the same bytes.
	var again bytes.Buffer
	reversed := []Organization{orgs[2], orgs[1], orgs[0]}
	if err := WriteGraphML(&again, reversed, []Tie{ties[1], ties[0]}); err != nil {
		t.Fatalf("WriteGraphML: %v", err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("reordered input wrote other bytes:\n%s\n---\n%s", buf.String(), again.String())
	}
}

// node builds the expected GraphML node.
func node(id, name, areas, bipoc, impacted string) graphMLNode {
	return graphMLNode{ID: id, Data: []graphMLData{
		{"name", name}, {"issue_areas", areas}, {"bipoc_led", bipoc}, {"most_impacted", impacted},
	}}
}

// checkDeclared checks that every data element refers to a key declared for kind.
func checkDeclared(t *testing.T, declared map[string]string, kind string, data []graphMLData) {
	t.Helper()
	for _, d := range data {
		if declared[d.Key] != kind {
			t.Errorf("data key %q is not declared for %s elements (declared: %v)", d.Key, kind, declared)
		}
	}
}
