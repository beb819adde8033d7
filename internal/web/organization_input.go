package web

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/web/i18n"
)

// The profile form as text: to and from an organization, and the parsing of what a
// person typed (skills one per line, staff size).

// orgForm holds the profile form's values as text, as typed or as stored.
type orgForm struct {
	Name, Kind, Mission, Website       string
	Geographies, IssueAreas, Languages string
	Skills                             string
	BudgetBand, StaffSize, BipocLed    string
	Identity                           string
	Listed                             bool
	PublicFields                       []string
	Version                            int
}

func formFromOrganization(o *domain.Organization) orgForm {
	lines := make([]string, len(o.Skills))
	for i, s := range o.Skills {
		lines[i] = s.Name + ": " + s.Level
	}
	return orgForm{Name: o.Name, Kind: o.Kind, Mission: o.Mission, Website: o.Website,
		Geographies: strings.Join(o.Geographies, ", "), IssueAreas: strings.Join(o.IssueAreas, ", "),
		Languages: strings.Join(o.Languages, ", "), Skills: strings.Join(lines, "\n"),
		BudgetBand: o.BudgetBand, StaffSize: strconv.Itoa(o.StaffSize), BipocLed: o.BipocLed, Identity: o.Identity,
		Listed: o.Visibility.Listed, PublicFields: o.Visibility.Fields, Version: o.Version}
}

func formFromRequest(v url.Values) orgForm {
	version, _ := strconv.Atoi(v.Get("version"))
	return orgForm{Name: v.Get("name"), Kind: v.Get("kind"), Mission: v.Get("mission"), Website: v.Get("website"),
		Geographies: v.Get("geographies"), IssueAreas: v.Get("issue_areas"), Languages: v.Get("languages"),
		Skills: v.Get("skills"), BudgetBand: v.Get("budget_band"), StaffSize: v.Get("staff_size"),
		BipocLed: v.Get("bipoc_led"), Identity: v.Get("identity"), Listed: v.Get("listed") != "",
		PublicFields: v["public_fields"], Version: version}
}

// organization turns the form into a profile. Text that cannot be read (a skills line,
// a staff size) is an EINVALID error naming the field, in the reader's language; the
// rest of the validation is the domain's, run by the use case.
func (f orgForm) organization(loc *i18n.Localizer) (*domain.Organization, error) {
	var v domain.Validation
	skills, problem := parseSkills(loc, f.Skills)
	if problem != "" {
		v.Add("skills", problem)
	}
	staff := 0
	if s := strings.TrimSpace(f.StaffSize); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			v.Add("staff_size", loc.T("org.error.staff_size"))
		}
		staff = n
	}
	if err := v.Err(); err != nil {
		return nil, &domain.Error{Code: domain.EINVALID, Message: loc.T("org.error.form"), Fields: domain.ErrorFields(err)}
	}
	o := &domain.Organization{Name: f.Name, Kind: f.Kind, Mission: f.Mission, Website: f.Website,
		Geographies: domain.SplitList(f.Geographies), IssueAreas: domain.SplitList(f.IssueAreas),
		Languages: domain.SplitList(f.Languages), Skills: skills, BudgetBand: f.BudgetBand, StaffSize: staff,
		BipocLed: f.BipocLed, Identity: f.Identity,
		Visibility: domain.Visibility{Listed: f.Listed, Fields: domain.CleanList(f.PublicFields)}}
	o.Normalize()
	return o, nil
}

// parseSkills reads one skill per line as "Skill name: level". The level may be written
// as its code (can_teach), in words (can teach, practicing) or as shown in the reader's
// language. It returns the skills, or a message naming the first line it cannot read.
func parseSkills(loc *i18n.Localizer, text string) ([]domain.Skill, string) {
	skills := []domain.Skill{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		colon := strings.LastIndex(line, ":")
		level := ""
		if colon > 0 {
			level = skillLevel(loc, line[colon+1:])
		}
		name := ""
		if colon > 0 {
			name = strings.TrimSpace(line[:colon])
		}
		if name == "" || level == "" {
			return nil, loc.T("org.error.skill_line", "Line", i+1, "Text", line)
		}
		skills = append(skills, domain.Skill{Name: name, Level: level})
	}
	return skills, ""
}

// skillLevel returns the level code a person typed, "" when there is none.
func skillLevel(loc *i18n.Localizer, typed string) string {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
	}
	t := norm(typed)
	if t == "practicing" {
		t = "practising"
	}
	for _, l := range domain.SkillLevels {
		if t == l || t == norm(loc.T("org.level."+l)) {
			return l
		}
	}
	return ""
}

// differingFields names, in the reader's language, the profile fields where typed
// differs from saved.
func differingFields(loc *i18n.Localizer, saved, typed *domain.Organization) []string {
	pairs := []struct {
		field string
		a, b  any
	}{
		{"name", saved.Name, typed.Name}, {"kind", saved.Kind, typed.Kind}, {"mission", saved.Mission, typed.Mission},
		{"website", saved.Website, typed.Website}, {"geographies", saved.Geographies, typed.Geographies},
		{"issue_areas", saved.IssueAreas, typed.IssueAreas}, {"skills", saved.Skills, typed.Skills},
		{"languages", saved.Languages, typed.Languages}, {"budget_band", saved.BudgetBand, typed.BudgetBand},
		{"staff_size", saved.StaffSize, typed.StaffSize}, {"bipoc_led", saved.BipocLed, typed.BipocLed},
		{"identity", saved.Identity, typed.Identity}, {"visibility", saved.Visibility, typed.Visibility},
	}
	var out []string
	for _, p := range pairs {
		if !reflect.DeepEqual(p.a, p.b) {
			out = append(out, loc.T("org.field."+p.field))
		}
	}
	return out
}
