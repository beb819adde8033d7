package network

import (
	"errors"
	"io"
	"math"
	"strings"
	"testing"
)

func TestInvalidInput(t *testing.T) {
	abc := ids("a", "b", "c")
	tests := []struct {
		name    string
		orgs    []Organization
		ties    []Tie
		problem error
		message string
	}{
		{"tie to oneself", abc, []Tie{{"a", "b", 2}, {"c", "c", 3}}, ErrSelfTie,
			`network: tie 1 joins organization "c" to itself`},
		{"depth above 5", abc, []Tie{{"a", "b", 6}}, ErrDepth,
			`network: tie 0 between "a" and "b" has depth 6; want 1 to 5`},
		{"depth below 1", abc, []Tie{{"a", "b", 0.5}}, ErrDepth,
			`network: tie 0 between "a" and "b" has depth 0.5; want 1 to 5`},
		{"depth NaN", abc, []Tie{{"a", "b", math.NaN()}}, ErrDepth,
			`network: tie 0 between "a" and "b" has depth NaN; want 1 to 5`},
		{"unknown first end", abc, []Tie{{"z", "b", 2}}, ErrUnknownOrganization,
			`network: tie 0 names unknown organization "z"`},
		{"unknown second end", abc, []Tie{{"a", "y", 2}}, ErrUnknownOrganization,
			`network: tie 0 names unknown organization "y"`},
		{"duplicate tie", abc, []Tie{{"a", "b", 2}, {"b", "c", 2}, {"a", "b", 4}}, ErrDuplicateTie,
			`network: tie 2 between "a" and "b" repeats tie 0; merge both sides into one tie`},
		{"duplicate tie, reversed", abc, []Tie{{"a", "b", 2}, {"b", "a", 4}}, ErrDuplicateTie,
			`network: tie 1 between "b" and "a" repeats tie 0; merge both sides into one tie`},
		{"empty ID", ids("a", ""), nil, ErrEmptyID, `network: organization 1 has no ID`},
		{"duplicate organization", ids("a", "b", "a"), nil, ErrDuplicateOrganization,
			`network: organization "a" is listed twice (at 0 and 2)`},
		{"bipoc_led", []Organization{{ID: "a", BipocLed: "maybe"}}, nil, ErrBipocLed,
			`network: organization "a" has bipoc_led "maybe"; want yes, no or not_said`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compute(tt.orgs, tt.ties, Options{})
			checkInputError(t, err, tt.problem, tt.message)
			// WriteGraphML refuses the same input before writing a byte.
			var out strings.Builder
			checkInputError(t, WriteGraphML(&out, tt.orgs, tt.ties), tt.problem, tt.message)
			if out.Len() != 0 {
				t.Errorf("WriteGraphML wrote %d bytes of invalid input", out.Len())
			}
		})
	}
}

// checkInputError checks that err is an *InputError naming problem with message.
func checkInputError(t *testing.T, err error, problem error, message string) {
	t.Helper()
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, problem) {
		t.Fatalf("error = %v; want one matching ErrInvalid and %v", err, problem)
	}
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %T is not an *InputError", err)
	}
	if err.Error() != message {
		t.Errorf("message = %q; want %q", err.Error(), message)
	}
}

func TestEmptyEcosystem(t *testing.T) {
	f, err := Compute(nil, nil, Options{})
	if err != nil {
		t.Fatalf("Compute(nil): %v", err)
	}
	if f.Organizations != 0 || f.MeanDepth != nil || f.Density != 0 || f.LargestComponentShare != nil ||
		f.AverageClustering != nil || f.Modularity != nil || len(f.Components) != 0 || len(f.Communities) != 0 {
		t.Errorf("figures of an empty ecosystem = %+v; want zero counts and nil figures", f)
	}
	// One organization: density 0 (n < 2), its own component and community, no
	// modularity (no ties), degree centrality 0 (NetworkX says 1), eigenvector 1.
	f, err = Compute(ids("solo"), nil, Options{})
	if err != nil {
		t.Fatalf("Compute(solo): %v", err)
	}
	o := f.ByOrganization[0]
	if f.Density != 0 || len(f.Components) != 1 || len(f.Communities) != 1 || f.Modularity != nil ||
		o.DegreeCentrality != 0 || o.Eigenvector != 1 || *f.LargestComponentShare != 1 {
		t.Errorf("figures of one organization = %+v, %+v", f, o)
	}
	if err := WriteGraphML(io.Discard, nil, nil); err != nil {
		t.Errorf("WriteGraphML(nil): %v", err)
	}
}
