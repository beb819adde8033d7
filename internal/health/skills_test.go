package health

import (
	"math"
	"testing"
)

func TestMatrixGapsAndSinglePoints(t *testing.T) {
	hs := []Holding{
		{"A", "Lobbying", "can_teach"}, {"B", " lobbying ", "learning"},
		{"A", "Legal analysis", "practising"},
		{"C", "Translation and interpretation", "can_teach"},
	}
	rows := Matrix([]string{"Lobbying", "Legal analysis", "Fundraising"}, hs)
	if r := rows[0]; len(r.Holders) != 2 || r.Teachers != 1 || r.Gap || r.SinglePoint {
		t.Errorf("lobbying = %+v", r)
	}
	if r := rows[1]; !r.SinglePoint || r.Gap {
		t.Errorf("legal analysis = %+v, want a single point of failure", r)
	}
	if r := rows[2]; !r.Gap || r.SinglePoint {
		t.Errorf("fundraising = %+v, want a gap", r)
	}
}

// TestSkillDiversityByHand: holdings of three skills held 2, 1 and 1 times:
// p = 1/2, 1/4, 1/4; H = −(½ ln ½ + 2 · ¼ ln ¼) = ½ ln 2 + ln 2 = 1.5 ln 2 = 1.039721;
// J = H / ln 3 = 1.039721 / 1.098612 = 0.946395.
func TestSkillDiversityByHand(t *testing.T) {
	d := SkillDiversity([]Holding{{"A", "Lobbying", "can_teach"}, {"B", "lobbying", "learning"},
		{"A", "Research and data", "practising"}, {"C", "Fundraising", "learning"},
		{"A", "Lobbying", "practising"}}) // A's second lobbying line counts once
	if d.Distinct != 3 || d.Holdings != 4 {
		t.Fatalf("distinct %d holdings %d", d.Distinct, d.Holdings)
	}
	if math.Abs(d.Shannon-1.5*math.Ln2) > 1e-12 || math.Abs(*d.Evenness-0.946395) > 1e-6 {
		t.Errorf("H = %.6f, J = %.6f", d.Shannon, *d.Evenness)
	}
	// Every skill held equally often: J = 1. One skill: J undefined.
	if d := SkillDiversity([]Holding{{"A", "x", ""}, {"B", "y", ""}}); math.Abs(*d.Evenness-1) > 1e-12 {
		t.Errorf("even mix J = %v", *d.Evenness)
	}
	if d := SkillDiversity([]Holding{{"A", "x", ""}, {"B", "x", ""}}); d.Evenness != nil || d.Shannon != 0 {
		t.Errorf("one skill: %+v", d)
	}
}
