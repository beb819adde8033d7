package decide

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecideErrors checks that every kind of bad input is refused with a *FieldError
// naming the field, and that no outcome is returned with it.
func TestDecideErrors(t *testing.T) {
	block := func(reason, principle string) Proposal {
		p := vote(Consent, 4, 0.5, "AA")
		p.Stances = append(p.Stances, Stance{VoterID: "v03", Position: Block, Reason: reason, PrincipleID: principle})
		return p
	}
	tests := []struct {
		name         string
		p            Proposal
		field, voter string
	}{
		{"unknown method", with(vote(Consent, 3, 0.5, "A"), func(p *Proposal) { p.Method = "sortition" }), "method", ""},
		{"empty method", with(vote(Consent, 3, 0.5, "A"), func(p *Proposal) { p.Method = "" }), "method", ""},
		{"quorum zero", vote(Consent, 3, 0, "A"), "quorum", ""},
		{"quorum negative", vote(Consent, 3, -0.5, "A"), "quorum", ""},
		{"quorum above one", vote(Consent, 3, 1.01, "A"), "quorum", ""},
		{"quorum NaN", vote(Consent, 3, math.NaN(), "A"), "quorum", ""},
		{"quorum infinite", vote(Consent, 3, math.Inf(1), "A"), "quorum", ""},
		{"empty eligible ID", with(vote(Consent, 3, 0.5, "A"), func(p *Proposal) { p.Eligible[1] = "" }), "eligible[1]", ""},
		{"duplicate eligible ID", with(vote(Consent, 3, 0.5, "A"), func(p *Proposal) { p.Eligible[2] = "v01" }), "eligible[2]", ""},
		{"stance from a non-eligible voter", with(vote(Consent, 3, 0.5, "AA"), func(p *Proposal) { p.Stances[1].VoterID = "outsider" }),
			"stances[1].voter_id", "outsider"},
		{"stance without a voter", with(vote(Consent, 3, 0.5, "AA"), func(p *Proposal) { p.Stances[1].VoterID = "" }), "stances[1].voter_id", ""},
		{"duplicate voter", with(vote(Majority, 3, 0.5, "AD"), func(p *Proposal) { p.Stances[1].VoterID = "v01" }), "stances[1].voter_id", "v01"},
		{"unknown position", with(vote(Majority, 3, 0.5, "AD"), func(p *Proposal) { p.Stances[0].Position = "maybe" }), "stances[0].position", "v01"},
		{"empty position", with(vote(Majority, 3, 0.5, "AD"), func(p *Proposal) { p.Stances[0].Position = "" }), "stances[0].position", "v01"},
		{"block without reason", block("", "p1"), "stances[2].reason", "v03"},
		{"block with a blank reason", block("  \n", "p1"), "stances[2].reason", "v03"},
		{"block without principle", block("Harms tenants.", ""), "stances[2].principle_id", "v03"},
		{"block without reason in a majority vote", with(block("", "p1"), func(p *Proposal) { p.Method = Majority }), "stances[2].reason", "v03"},
		{"choice outside a poll", with(vote(Majority, 3, 0.5, "AD"), func(p *Proposal) { p.Stances[1].Choice = "x" }), "stances[1].choice", "v02"},
		{"ranking outside a poll", with(vote(Majority, 3, 0.5, "AD"), func(p *Proposal) { p.Stances[1].Ranking = []string{"x"} }), "stances[1].ranking", "v02"},
		{"options outside a poll", with(vote(Majority, 3, 0.5, "AD"), func(p *Proposal) { p.Options = []string{"x", "y"} }), "options", ""},
		{"poll with one option", single([]string{"x"}, 0, 0.5, "x"), "options", ""},
		{"poll with an empty option", single([]string{"x", ""}, 0, 0.5, "x"), "options[1]", ""},
		{"poll with a repeated option", single([]string{"x", "y", "x"}, 0, 0.5, "x"), "options[2]", ""},
		{"single choice of an unknown option", single([]string{"x", "y"}, 0, 0.5, "x", "z"), "stances[1].choice", "v02"},
		{"single choice left empty", single([]string{"x", "y"}, 0, 0.5, "x", ""), "stances[1].choice", "v02"},
		{"single choice with a ranking", with(single([]string{"x", "y"}, 0, 0.5, "x"), func(p *Proposal) { p.Stances[0].Ranking = []string{"x"} }),
			"stances[0].ranking", "v01"},
		{"agree in a poll", with(single([]string{"x", "y"}, 0, 0.5, "x"), func(p *Proposal) { p.Stances[0].Position = Agree }),
			"stances[0].position", "v01"},
		{"abstention naming an option", with(single([]string{"x", "y"}, 0, 0.5, "x"), func(p *Proposal) { p.Stances[0].Position = Abstain }),
			"stances[0].position", "v01"},
		{"ranked ballot repeating an option", ballots("ABC", 0, 0.5, "AB BCB"), "stances[1].ranking[2]", "v02"},
		{"ranked ballot with an unknown option", ballots("ABC", 0, 0.5, "AB CZ"), "stances[1].ranking[1]", "v02"},
		{"ranked ballot left empty", with(ballots("ABC", 0, 0.5, "AB C"), func(p *Proposal) { p.Stances[1].Ranking = nil }),
			"stances[1].ranking", "v02"},
		{"ranked ballot with a single choice", with(ballots("ABC", 0, 0.5, "AB C"), func(p *Proposal) { p.Stances[1].Choice = "C" }),
			"stances[1].choice", "v02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := Decide(tt.p)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Decide error = %v, want a *FieldError", err)
			}
			if fe.Field != tt.field || fe.VoterID != tt.voter || fe.Message == "" {
				t.Errorf("error %+v, want field %q, voter %q and a message", fe, tt.field, tt.voter)
			}
			if diff := cmp.Diff(Outcome{}, o); diff != "" {
				t.Errorf("outcome returned with an error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidEdges checks inputs that look unusual but are valid: a partial ranking, an
// abstention in a poll, a block that cites a principle with reasons on other stances.
func TestValidEdges(t *testing.T) {
	for name, p := range map[string]Proposal{
		"partial ranking":      ballots("ABCDE", 0, 0.5, "A BA EDC"),
		"abstention in a poll": single([]string{"x", "y"}, 0, 0.5, "-", "x"),
		"reason on an agree": with(vote(Consent, 2, 0.5, "A"), func(p *Proposal) {
			p.Stances[0].Reason = "We helped draft it."
		}),
		"no stances at all": vote(Majority, 3, 0.5, ""),
	} {
		if _, err := Decide(p); err != nil {
			t.Errorf("%s: Decide: %v", name, err)
		}
	}
}

func with(p Proposal, edit func(*Proposal)) Proposal {
	edit(&p)
	return p
}

// TestFieldErrorText checks the message a log shows.
func TestFieldErrorText(t *testing.T) {
	_, err := Decide(vote(Consent, 2, 2, "A"))
	want := "decide: quorum: The quorum 2 is not a share between 0 (excluded) and 1."
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	_, err = Decide(ballots("AB", 0, 0.5, "AA"))
	want = `decide: stances[0].ranking[1] (voter "v01"): "A" is ranked more than once.`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
