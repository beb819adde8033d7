// Package decide computes the outcome of a proposal when it closes, and explains it
// line by line so that anyone can check the arithmetic.
//
// The package is pure: no I/O, standard library only. Decide takes everything the
// count needs in one Proposal value (the method, who is eligible, the quorum, the
// options of a poll and the stances) and returns an Outcome, or a *FieldError naming the
// first field that is wrong. The application decides who is eligible: member
// organizations by default or people, with stepping-back members already left out.
//
// # Quorum
//
// The quorum is a share q of the eligible voters, 0 < q ≤ 1. It counts every voter who
// took any stance, abstain and stand aside included: being present and declining to
// take a side is still taking part. It is met when
//
//	participants ≥ required = max(1, ⌈q × eligible⌉)
//
// and the comparison is exact: q is read as the shortest decimal that prints as the
// float64 (0.1 is 1/10, not the binary number just above it), so ⌈0.1 × 30⌉ is 3, never
// 4. At least one stance is always needed, so a proposal with no eligible voters never
// passes. When the quorum is not met the result is NoQuorum, whatever the votes.
//
// # Rules
//
//   - Consent passes unless anyone blocks. Disagree records a concern and does not stop
//     consent; nobody needs to agree.
//   - Consensus passes when nobody blocks, nobody disagrees and at least one voter
//     agrees. Abstain and stand aside do not stand in the way: in most consensus
//     practice declining to take part is not an objection. A proposal nobody agrees
//     with has no consensus behind it, so it fails. A block gives Blocked; otherwise a
//     disagreement, or no agreement at all, gives Failed.
//   - Majority passes when agree > against, where against is disagree plus block.
//     Abstain and stand aside are left out of the comparison; a tie fails.
//   - Supermajority passes when agree ≥ 2/3 of (agree + against), decided with the
//     exact integer test 3 × agree ≥ 2 × (agree + against), and at least one voter
//     agrees (otherwise 0 ≥ 0 would pass a proposal nobody voted for).
//   - A block has its own effect only in consent and consensus. In majority and
//     supermajority it counts as disagree, because those methods have no veto.
//   - PollSingle is plurality: the option with the most votes wins. When several share
//     the most votes the result is Tie with the tied options; there is no random winner.
//     A poll where everyone abstained is a tie between every option.
//   - PollRanked is instant runoff, below.
//
// # Instant runoff
//
// A ranked poll is counted in rounds, each recorded in Outcome.Rounds and explained:
//
//  1. Every ballot counts for its highest-ranked continuing option; at first every
//     option continues. Abstentions are not ballots.
//  2. An option with a strict majority of the ballots that count in the round,
//     2 × votes > continuing, wins. Exhausted ballots are not part of the round.
//  3. Otherwise the option with the fewest votes is eliminated. When several tie for
//     the fewest, earlier rounds decide: of the tied options, those with the fewest
//     votes in round 1 stay candidates, then of those the ones with the fewest in
//     round 2, and so on, so the option eliminated is the one that did worst in the
//     earliest round where the tied options' votes differ (TieBreakEarlierRound). If
//     candidates are still tied after every earlier round, the one whose ID sorts last
//     in byte order is eliminated (TieBreakByteOrder): arbitrary, but stated and
//     reproducible.
//  4. No option is eliminated when every continuing option is tied for the fewest
//     votes and had equal votes in every earlier round: nothing but their names would
//     separate them, which would pick the winner by name, so the count ends in a Tie
//     between them. That is also the result when every voter abstained.
//  5. The eliminated option's ballots move to their next continuing preference. A
//     ballot that ranks no continuing option is exhausted and leaves the count.
//
// Results are deterministic: the same stances in any order, the eligible voters and
// options in any order, give the same Outcome.
package decide
