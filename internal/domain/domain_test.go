package domain_test

import (
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func TestOrganizationValidate(t *testing.T) {
	base := func() domain.Organization {
		o := domain.Organization{Name: "Frogtown Tenants United"}
		o.Normalize()
		return o
	}
	cases := []struct {
		name   string
		change func(*domain.Organization)
		fields []string // fields expected to be reported, in order
	}{
		{"valid", func(o *domain.Organization) {}, nil},
		{"empty name", func(o *domain.Organization) { o.Name = "  " }, []string{"name"}},
		{"NUL in mission", func(o *domain.Organization) { o.Mission = "a\x00b" }, []string{"mission"}},
		{"line breaks allowed", func(o *domain.Organization) { o.Mission = "a\r\nb\tc" }, nil},
		{"bad enums", func(o *domain.Organization) { o.BudgetBand = "huge"; o.BipocLed = "maybe"; o.Kind = "x" }, []string{"kind", "budget_band", "bipoc_led"}},
		{"long name", func(o *domain.Organization) { o.Name = strings.Repeat("é", 201) }, []string{"name"}},
		{"control char in list", func(o *domain.Organization) { o.Languages = []string{"Hmong\x07"} }, []string{"languages"}},
		{"bad skill level", func(o *domain.Organization) { o.Skills = []domain.Skill{{Name: "Lobbying", Level: "guru"}} }, []string{"skills"}},
		{"unknown public field", func(o *domain.Organization) { o.Visibility.Fields = []string{"password"} }, []string{"visibility.fields"}},
		{"negative staff", func(o *domain.Organization) { o.StaffSize = -1 }, []string{"staff_size"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := base()
			c.change(&o)
			var got []string
			for _, f := range domain.ErrorFields(o.Validate()) {
				got = append(got, f.Field)
			}
			if strings.Join(got, ",") != strings.Join(c.fields, ",") {
				t.Errorf("fields = %v, want %v", got, c.fields)
			}
		})
	}
}

func TestCleanList(t *testing.T) {
	got := domain.SplitList(" Housing, transit ,housing,, Jobs ")
	if strings.Join(got, "|") != "Housing|transit|Jobs" {
		t.Errorf("SplitList = %q", got)
	}
	if domain.CleanList(nil) == nil {
		t.Error("CleanList(nil) is nil; want an empty list so JSON shows []")
	}
}

func TestVisibility(t *testing.T) {
	v := domain.Visibility{Listed: true, Fields: []string{"mission"}}
	if !v.Shows("mission") || v.Shows("budget_band") {
		t.Error("Shows does not follow the chosen fields")
	}
	v.Listed = false
	if v.Shows("mission") {
		t.Error("an unlisted organization shows a field")
	}
}
