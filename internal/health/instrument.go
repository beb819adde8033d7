// Package health holds the coalition health check-in: the instrument (factors and their
// statements) and the scores computed from anonymous answers. It is pure: no I/O,
// standard library only.
//
// The factors are the characteristics and challenges of coalition work named in the
// seed text; the statements are written in our own words. Scores follow the reading used
// by the Wilder Collaboration Factors Inventory: a factor's score is the mean of its
// statements' mean ratings; 4.0 and above is a strength, 3.0 to 3.99 is worth discussing,
// under 3.0 is a concern.
package health

// InstrumentVersion names the set of statements below. A check-in stores the version it
// was opened with, so that changing the statements later never changes old results.
const InstrumentVersion = 1

// Statement is one sentence a respondent rates from 1 (strongly disagree) to 5
// (strongly agree). Text is the English wording; the web UI shows the translation of
// the message "health.statement.<Key>".
type Statement struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// Factor is one characteristic of a healthy coalition, measured by two or three statements.
type Factor struct {
	Key        string      `json:"key"`
	Name       string      `json:"name"`
	Statements []Statement `json:"statements"`
}

// Instrument lists the factors in the order the check-in shows them.
var Instrument = []Factor{
	{"goal", "Clarity of goal", []Statement{
		{"goal.explain", "I could explain our coalition's shared goal to someone new in a sentence or two."},
		{"goal.agree", "Member organizations agree on what we are trying to win."},
		{"goal.reach", "Our goal is within reach with the people and resources we have."},
	}},
	{"roles", "Clarity of roles", []Statement{
		{"roles.mine", "I know what my organization is expected to do in this coalition."},
		{"roles.others", "I know who to turn to for each part of our work."},
	}},
	{"principles", "Shared principles", []Statement{
		{"principles.guide", "Our shared principles shape how we make decisions."},
		{"principles.return", "When we disagree, we come back to our principles."},
	}},
	{"trust", "Trust", []Statement{
		{"trust.honest", "I can speak honestly here without worrying about consequences for my organization."},
		{"trust.follow", "Members do what they say they will do."},
		{"trust.respect", "People here treat each other with respect, including when they disagree."},
	}},
	{"power", "Power sharing and centring the most impacted", []Statement{
		{"power.impacted", "The organizations whose communities are most impacted shape our decisions."},
		{"power.dominate", "No single organization dominates how decisions are made."},
		{"power.lead", "BIPOC-led organizations hold real leadership here, not only seats."},
	}},
	{"skills", "Valuing skills", []Statement{
		{"skills.used", "The skills my organization brings are recognised and put to use."},
		{"skills.learn", "We learn from each other's knowledge and experience."},
	}},
	{"conflict", "Handling conflict", []Statement{
		{"conflict.raise", "I can raise a concern or a tension without it being held against me."},
		{"conflict.through", "When conflict comes up, we work through it in a way that keeps trust."},
	}},
	{"momentum", "Momentum and short-term wins", []Statement{
		{"momentum.progress", "We are making visible progress toward our goal."},
		{"momentum.wins", "We notice and celebrate short-term wins along the way."},
	}},
	{"space", "Room to step forward or back", []Statement{
		{"space.forward", "Members can step forward into leadership when they are ready."},
		{"space.back", "Members can step back for a while without losing their place."},
	}},
	{"resources", "Fair resources and recognition", []Statement{
		{"resources.fair", "Money and other resources are shared fairly among members."},
		{"resources.open", "I know how the coalition's money is raised and how it is spent."},
		{"resources.credit", "Members get fair credit for the work they do."},
	}},
}

// factorOf maps each statement key to its factor key.
var factorOf = func() map[string]string {
	m := map[string]string{}
	for _, f := range Instrument {
		for _, s := range f.Statements {
			m[s.Key] = f.Key
		}
	}
	return m
}()

// IsStatement reports whether key names a statement of the instrument.
func IsStatement(key string) bool { _, ok := factorOf[key]; return ok }

// StatementCount is the number of statements in the instrument.
func StatementCount() int { return len(factorOf) }
