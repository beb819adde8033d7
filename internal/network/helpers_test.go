package network

import (
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"
)

// approx compares floats to 1e-11, well inside the 1e-9 that issue 6 asks for and
// above the eigenvector iteration's stopping error.
var approx = cmpopts.EquateApprox(0, 1e-11)

// ids returns organizations with the given IDs and no attributes.
func ids(id ...string) []Organization {
	out := make([]Organization, len(id))
	for i, s := range id {
		out[i] = Organization{ID: s}
	}
	return out
}

// near reports an error unless got is within 1e-11 of want.
func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-11 || math.IsNaN(got) {
		t.Errorf("%s = %v; want %v", name, got, want)
	}
}

// nearPtr is near for a figure that must be defined.
func nearPtr(t *testing.T, name string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil; want %v", name, want)
		return
	}
	near(t, name, *got, want)
}

// memberLists returns the member lists of components.
func memberLists(cs []Component) [][]string {
	out := make([][]string, len(cs))
	for i, c := range cs {
		out[i] = c.Members
	}
	return out
}

// communityLists returns the member lists of communities.
func communityLists(cs []Community) [][]string {
	out := make([][]string, len(cs))
	for i, c := range cs {
		out[i] = c.Members
	}
	return out
}

// contains reports whether list holds s.
func contains(list []string, s string) bool { return slices.Contains(list, s) }
