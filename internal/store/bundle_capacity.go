package store

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
)

// Bulk writes of the power map and of asks and offers for bundle import. Records are
// written as given; the INSERT column lists are those of the single-row methods. Skill
// needs are written with SetSkillNeeds.

// InsertTargets inserts targets with their assessments and access.
func (tx *Tx) InsertTargets(ctx context.Context, ts []domain.Target) error {
	var assessments []*domain.TargetAssessment
	var access []*domain.TargetAccess
	for i := range ts {
		for j := range ts[i].Assessments {
			ts[i].Assessments[j].TargetID = ts[i].ID
			assessments = append(assessments, &ts[i].Assessments[j])
		}
		for j := range ts[i].Access {
			ts[i].Access[j].TargetID = ts[i].ID
			access = append(access, &ts[i].Access[j])
		}
	}
	if err := tx.insertAll(ctx, targetInsert, len(ts), func(i int) []any { return targetRow(&ts[i]) }); err != nil {
		return err
	}
	if err := tx.insertAll(ctx, assessmentInsert, len(assessments), func(i int) []any { return assessmentRow(assessments[i]) }); err != nil {
		return err
	}
	return tx.insertAll(ctx, accessInsert, len(access), func(i int) []any { return accessRow(access[i]) })
}

// InsertAsksOffers inserts asks and offers with their responses and help records.
func (tx *Tx) InsertAsksOffers(ctx context.Context, as []domain.AskOffer) error {
	var responses []*domain.AskResponse
	var help []*domain.HelpRecord
	for i := range as {
		for j := range as[i].Responses {
			as[i].Responses[j].AskOfferID = as[i].ID
			responses = append(responses, &as[i].Responses[j])
		}
		if h := as[i].Help; h != nil {
			h.AskOfferID, h.CoalitionID = as[i].ID, as[i].CoalitionID
			help = append(help, h)
		}
	}
	if err := tx.insertAll(ctx, askInsert, len(as), func(i int) []any { return askRow(&as[i]) }); err != nil {
		return err
	}
	if err := tx.insertAll(ctx, responseInsert, len(responses), func(i int) []any { return responseRow(responses[i]) }); err != nil {
		return err
	}
	return tx.insertAll(ctx, helpInsert, len(help), func(i int) []any { return helpRow(help[i]) })
}
