package decide

// Method is how a proposal is decided.
type Method string

// Methods of deciding, as stored and shown in the API.
const (
	Consent       Method = "consent"
	Consensus     Method = "consensus"
	Majority      Method = "majority"
	Supermajority Method = "supermajority" // Two thirds.
	PollSingle    Method = "poll_single"
	PollRanked    Method = "poll_ranked"
)

// Methods lists every method, in the order a form offers them.
var Methods = []Method{Consent, Consensus, Majority, Supermajority, PollSingle, PollRanked}

// isPoll reports whether m chooses among options rather than passing or failing.
func (m Method) isPoll() bool { return m == PollSingle || m == PollRanked }

// Position is the side a voter takes on a proposal that passes or fails.
type Position string

// Positions a voter can take.
const (
	Agree      Position = "agree"
	Disagree   Position = "disagree"
	Abstain    Position = "abstain"
	StandAside Position = "stand_aside"
	Block      Position = "block" // Needs a Reason and a PrincipleID.
)

// Positions lists every position, in the order a form offers them.
var Positions = []Position{Agree, Disagree, Abstain, StandAside, Block}

// Stance is one voter's stance when the proposal closes.
//
// On consent, consensus, majority and supermajority, Position is set and Choice and
// Ranking are empty. In a poll, Position is empty and Choice (PollSingle) or Ranking
// (PollRanked, most preferred first, not necessarily every option) names the options;
// or Position is Abstain and both are empty, which counts towards the quorum only.
type Stance struct {
	VoterID     string
	Position    Position
	Reason      string // Why the voter blocks; required with Block.
	PrincipleID string // The principle a block cites; required with Block.
	Choice      string
	Ranking     []string
}

// Proposal is what the count needs to know about a proposal as it closes.
type Proposal struct {
	Method   Method
	Eligible []string // IDs of the voters who may take a stance: organizations or people.
	Quorum   float64  // Share of Eligible who must take a stance, in (0, 1].
	Options  []string // Option IDs of a poll, at least two; empty for other methods.
	Stances  []Stance // At most one per voter.
}

// Result is the outcome of a count.
type Result string

// Results. Passed, Failed and Blocked end consent, consensus, majority and
// supermajority; Winner and Tie end polls; NoQuorum can end any method.
const (
	Passed   Result = "passed"
	Failed   Result = "failed"
	Blocked  Result = "blocked"
	NoQuorum Result = "no_quorum"
	Tie      Result = "tie"
	Winner   Result = "winner"
)

// Outcome is the result of a proposal with everything needed to show and check it.
type Outcome struct {
	Method      Method
	Result      Result
	Winner      string   // The winning option of a poll, "" otherwise.
	Tied        []string // The tied options when Result is Tie, in byte order.
	Counts      Counts
	Blocks      []BlockNote // Every block, by voter ID, whatever the method.
	Rounds      []Round     // The rounds of an instant runoff; nil for other methods.
	Explanation []Line      // The rules applied, in order, ending with RuleResult.
}

// Counts are the numbers of stances of each kind.
type Counts struct {
	Eligible     int
	Required     int // Stances needed for the quorum: max(1, ⌈quorum × eligible⌉).
	Participants int // Voters who took any stance, abstain and stand aside included.
	Agree        int
	Disagree     int // Without blocks, even in majority methods where they count alike.
	Abstain      int
	StandAside   int
	Block        int
	// Options holds each option's votes in a poll (first preferences in a ranked
	// poll), most votes first, then by option ID; nil for other methods.
	Options []Tally
}

// Tally is a number of votes or ballots for one option.
type Tally struct {
	Option string
	Votes  int
}

// BlockNote is one block, so the outcome can say who blocked and why.
type BlockNote struct {
	VoterID     string
	PrincipleID string
	Reason      string
}

// Round is one round of an instant-runoff count.
type Round struct {
	Number     int     // From 1.
	Tallies    []Tally // Continuing options, most votes first, then by option ID.
	Continuing int     // Ballots counting for a continuing option in this round.
	Exhausted  int     // Ballots out of the count since earlier rounds.
	// Eliminated is the option removed at the end of the round; "" in the last round.
	Eliminated string
	// TieBreak says how Eliminated was chosen among options tied for fewest votes:
	// "", TieBreakEarlierRound or TieBreakByteOrder.
	TieBreak string
	// Transfers counts the eliminated option's ballots by the continuing option they
	// move to, most first, then by option ID.
	Transfers []Tally
	// NewlyExhausted counts the eliminated option's ballots that rank no continuing
	// option; they leave the count.
	NewlyExhausted int
}

// How an elimination tie was broken, in Round.TieBreak.
const (
	TieBreakEarlierRound = "earlier_round"
	TieBreakByteOrder    = "byte_order"
)
