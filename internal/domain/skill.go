package domain

// SkillVocabulary is the shared skill vocabulary every deployment starts with; a
// deployment's administrators add their own terms (store: skill_terms).
var SkillVocabulary = []string{
	"Grassroots organizing", "Base-building", "Lobbying", "Policy drafting", "Legal analysis",
	"Facilitation", "Communications", "Research and data", "Translation and interpretation",
	"Fundraising", "Digital",
}
