package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/store"
)

// SkillMatrix is a coalition's needed skills against what its member organizations bring.
type SkillMatrix struct {
	Needs []string `json:"needs"`
	// NeedsFrom says where the needs come from: "coalition" today. When workstreams state
	// their own needs (issue 3), skillNeeds will add theirs, and rows will name them.
	NeedsFrom    string            `json:"needs_from"`
	Rows         []health.NeedRow  `json:"rows"`
	Gaps         int               `json:"gaps"`
	SinglePoints int               `json:"single_points_of_failure"`
	Diversity    health.Diversity  `json:"diversity"`
	Names        map[string]string `json:"organization_names"`
	Vocabulary   []string          `json:"vocabulary"`
}

// SkillMatrix computes the skills matrix of a coalition from its current members.
func (a *App) SkillMatrix(ctx context.Context, actor Actor, coalitionID string) (*SkillMatrix, error) {
	var m SkillMatrix
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if m.Needs, err = skillNeeds(ctx, tx, p.Coalition.ID); err != nil {
			return err
		}
		ms, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		if err != nil {
			return err
		}
		var holdings []health.Holding
		m.Names = map[string]string{}
		for _, mem := range ms {
			if !mem.Counts() || mem.Organization == nil {
				continue
			}
			m.Names[mem.OrganizationID] = mem.Organization.Name
			for _, s := range mem.Organization.Skills {
				holdings = append(holdings, health.Holding{Organization: mem.OrganizationID, Skill: s.Name, Level: s.Level})
			}
		}
		m.NeedsFrom, m.Rows, m.Diversity = "coalition", health.Matrix(m.Needs, holdings), health.SkillDiversity(holdings)
		for _, r := range m.Rows {
			if r.Gap {
				m.Gaps++
			}
			if r.SinglePoint {
				m.SinglePoints++
			}
		}
		m.Vocabulary, err = skillVocabulary(ctx, tx)
		return err
	})
	return &m, err
}

// skillNeeds is the seam for needs: the coalition's own list today; workstream needs
// join here once the workstreams table exists.
func skillNeeds(ctx context.Context, tx *store.Tx, coalitionID string) ([]string, error) {
	return tx.ListSkillNeeds(ctx, coalitionID)
}

// SetSkillNeeds replaces the skills a coalition needs (coordinators). Names are trimmed
// and deduplicated without regard to case.
func (a *App) SetSkillNeeds(ctx context.Context, actor Actor, coalitionID string, skills []string) ([]string, error) {
	clean, seen := []string{}, map[string]bool{}
	var v domain.Validation
	for _, s := range skills {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" || seen[health.SkillKey(s)] {
			continue
		}
		seen[health.SkillKey(s)] = true
		domain.CheckText(&v, "skills", s, 1, domain.MaxName)
		clean = append(clean, s)
	}
	if len(clean) > domain.MaxList {
		v.Add("skills", "Too many skills.")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, EditCoalition)
		if err != nil {
			return err
		}
		before, err := tx.ListSkillNeeds(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		if err := tx.SetSkillNeeds(ctx, p.Coalition.ID, clean); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "skills.needs", "coalition", p.Coalition.ID, map[string]any{"skills": Change{before, clean}})
	})
	return clean, err
}

// SkillVocabulary returns the shared vocabulary: the defaults, then the deployment's own terms.
func (a *App) SkillVocabulary(ctx context.Context) ([]string, error) {
	var out []string
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		out, err = skillVocabulary(ctx, tx)
		return err
	})
	return out, err
}

func skillVocabulary(ctx context.Context, tx *store.Tx) ([]string, error) {
	terms, err := tx.ListSkillTerms(ctx)
	if err != nil {
		return nil, err
	}
	return append(append([]string{}, domain.SkillVocabulary...), terms...), nil
}

// AddSkillTerm extends the deployment's skill vocabulary (deployment administrators).
func (a *App) AddSkillTerm(ctx context.Context, actor Actor, name string) error {
	if err := requireAdmin(actor); err != nil {
		return err
	}
	name = strings.Join(strings.Fields(name), " ")
	var v domain.Validation
	domain.CheckText(&v, "name", name, 1, domain.MaxName)
	if err := v.Err(); err != nil {
		return err
	}
	return a.write(ctx, func(tx *store.Tx) error {
		vocab, err := skillVocabulary(ctx, tx)
		if err != nil {
			return err
		}
		for _, s := range vocab {
			if health.SkillKey(s) == health.SkillKey(name) {
				return domain.Errorf(domain.ECONFLICT, "This skill is already in the vocabulary.")
			}
		}
		return tx.AddSkillTerm(ctx, name, actor.ID)
	})
}
