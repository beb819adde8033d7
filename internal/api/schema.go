package api

import (
	"net/url"
	"strconv"

	"github.com/braid-org/braid/internal/domain"
	"github.com/danielgtaylor/huma/v2"
)

// Vocabulary types: request fields whose allowed values come from the domain's lists, so
// the OpenAPI enums never drift from what the use cases accept.
type (
	phase            string
	membershipRole   string
	membershipStatus string
	organizationKind string
	budgetBand       string
	bipocLed         string
	skillLevel       string
	publicField      string
	dimension        string
	accessRole       string
)

func enum(values []string) *huma.Schema {
	s := &huma.Schema{Type: huma.TypeString}
	for _, v := range values {
		s.Enum = append(s.Enum, v)
	}
	return s
}

func (phase) Schema(huma.Registry) *huma.Schema            { return enum(domain.Phases) }
func (membershipRole) Schema(huma.Registry) *huma.Schema   { return enum(domain.MembershipRoles) }
func (membershipStatus) Schema(huma.Registry) *huma.Schema { return enum(domain.MembershipStatuses) }
func (organizationKind) Schema(huma.Registry) *huma.Schema { return enum(domain.OrganizationKinds) }
func (budgetBand) Schema(huma.Registry) *huma.Schema       { return enum(domain.BudgetBands) }
func (bipocLed) Schema(huma.Registry) *huma.Schema         { return enum(domain.BipocLedValues) }
func (skillLevel) Schema(huma.Registry) *huma.Schema       { return enum(domain.SkillLevels) }
func (publicField) Schema(huma.Registry) *huma.Schema      { return enum(domain.PublicFields) }
func (dimension) Schema(huma.Registry) *huma.Schema        { return enum(domain.Dimensions) }
func (accessRole) Schema(huma.Registry) *huma.Schema       { return enum(domain.AccessRoles) }

// Page is one page of a cursor-paginated list. NextCursor is null on the last page.
type Page[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor" doc:"Pass as ?cursor= to get the next page; null on the last page."`
}

// PageQuery holds the paging parameters of a list.
type PageQuery struct {
	Cursor string `query:"cursor" maxLength:"64" doc:"The next_cursor of the previous page."`
	Limit  int    `query:"limit" minimum:"1" maximum:"200" default:"50" doc:"Items per page."`
}

// pagingFields locates the paging parameters in problem details.
var pagingFields = at{"cursor": "query.cursor", "limit": "query.limit"}

// pageOutput is a page with its Link header.
type pageOutput[T any] struct {
	Link string `header:"Link" doc:"The next page, as rel=\"next\"."`
	Body Page[T]
}

// newPage renders items with the cursor of the next page ("" for none) and, when there is
// one, a Link header to it at path.
func newPage[T any](items []T, next, path string, limit int) *pageOutput[T] {
	if items == nil {
		items = []T{}
	}
	out := &pageOutput[T]{Body: Page[T]{Items: items}}
	if next != "" {
		out.Body.NextCursor = &next
		q := url.Values{"cursor": {next}, "limit": {strconv.Itoa(limit)}}
		out.Link = "<" + Prefix + path + "?" + q.Encode() + `>; rel="next"`
	}
	return out
}

// orEmpty turns a nil slice into an empty one, so that lists are [] in JSON, never null.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
