package equity

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompensationRatios(t *testing.T) {
	// Dollars a 100, b 300, c 0 (D = 400); hours a 6, b 2, c 2 (H = 10).
	// bipoc yes (a, c): (100/400) / (8/10) = 5/16.     bipoc no (b): (300/400) / (2/10) = 15/4.
	// impacted yes (a): (100/400) / (6/10) = 5/12.     impacted no (b, c): (300/400) / (4/10) = 15/8.
	// under_250k (a): 5/12.  over_5m (b): 15/4.  not_said (c): (0/400) / (2/10) = 0.
	dollars := mustCompute(t, org("a", "yes", true, "under_250k", 100), org("b", "no", false, "over_5m", 300), org("c", "yes", false, "", 0))
	hours := mustCompute(t, org("a", "yes", true, "under_250k", 6), org("b", "no", false, "over_5m", 2), org("c", "yes", false, "", 2))
	got, err := CompensationRatios(dollars, hours)
	if err != nil {
		t.Fatalf("CompensationRatios: %v", err)
	}
	want := []Compensation{
		{AttrBipocLed, "yes", ptr(5.0 / 16)},
		{AttrBipocLed, "no", ptr(15.0 / 4)},
		{AttrMostImpacted, "yes", ptr(5.0 / 12)},
		{AttrMostImpacted, "no", ptr(15.0 / 8)},
		{AttrBudgetBand, "under_250k", ptr(5.0 / 12)},
		{AttrBudgetBand, "over_5m", ptr(15.0 / 4)},
		{AttrBudgetBand, "not_said", ptr(0)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}

	// A group that logged no hours has no ratio (its dollars per hour are unbounded),
	// and neither has any group when no dollars were paid.
	noHours := mustCompute(t, org("a", "yes", true, "under_250k", 0), org("b", "no", false, "over_5m", 2), org("c", "yes", false, "", 0))
	got, err = CompensationRatios(dollars, noHours)
	if err != nil {
		t.Fatalf("CompensationRatios: %v", err)
	}
	if got[0].Ratio != nil || got[1].Ratio == nil || *got[1].Ratio != 0.75 {
		t.Errorf("bipoc yes ratio = %v, want nil; bipoc no = %v, want (300/400)/(2/2) = 0.75", deref(got[0].Ratio), deref(got[1].Ratio))
	}
	noDollars := mustCompute(t, org("a", "yes", true, "under_250k", 0), org("b", "no", false, "over_5m", 0), org("c", "yes", false, "", 0))
	got, err = CompensationRatios(noDollars, hours)
	if err != nil {
		t.Fatalf("CompensationRatios: %v", err)
	}
	for _, c := range got {
		if c.Ratio != nil {
			t.Errorf("%s=%s ratio = %v with no dollars, want nil", c.Attribute, c.Value, *c.Ratio)
		}
	}
}

func TestCompensationRatiosMismatch(t *testing.T) {
	dollars := mustCompute(t, org("a", "yes", true, "", 1), org("b", "no", false, "", 1))
	for name, hours := range map[string]Report{
		"other organization": mustCompute(t, org("a", "yes", true, "", 1), org("z", "no", false, "", 1)),
		"other attributes":   mustCompute(t, org("a", "yes", true, "", 1), org("b", "yes", false, "", 1)),
		"fewer members":      mustCompute(t, org("a", "yes", true, "", 1)),
	} {
		if _, err := CompensationRatios(dollars, hours); !errors.Is(err, ErrInvalidMember) {
			t.Errorf("%s: error = %v, want one wrapping ErrInvalidMember", name, err)
		}
	}
}

func mustCompute(t *testing.T, members ...Member) Report {
	t.Helper()
	r, err := Compute(members)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return r
}
