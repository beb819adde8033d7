package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// contributionsView is the data of the contributions page.
type contributionsView struct {
	Coalition *domain.Coalition
	// Filter is the filter as typed; FilterQuery the same as a query string ("" or
	// "?org=…"), kept by the confirm buttons so that the list stays as it was.
	Filter        app.ContributionQuery
	FilterQuery   string
	FilterInvalid bool
	// Link is the link filter as typed ("win:<id>"), LinkLabel what it names.
	Link, LinkLabel string
	Rows            []contributionRow
	Count           int
	Limited         bool
	// TotalHours and ConfirmedHours add up the rows shown.
	TotalHours, ConfirmedHours         string
	MemberOptions, StatusOptions       []option
	Contributors, PersonOptions, Kinds []option
	LinkGroups                         []linkGroup
	CanLog, CanImport                  bool
	Today                              string
}

// contributionRow is one contribution ready to show.
type contributionRow struct {
	ID, Day, Organization, Person, Hours, Kind, Description string
	LinkLabel, LinkHref                                     string
	Confirmed, CanConfirm                                   bool
	ConfirmedBy                                             string
}

// linkGroup is an optgroup of a link select: the tasks, meetings, wins or proposals a
// record (a contribution, a document) can be linked to.
type linkGroup struct {
	Label   string
	Options []option
}

// loadContributions gathers the contributions page through the use cases. A filter
// that does not read (a malformed date) shows its error at the field and no rows.
func (h *Handler) loadContributions(r *http.Request, p *Page) (*contributionsView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	v := &contributionsView{Coalition: c,
		Filter: app.ContributionQuery{OrganizationID: q.Get("org"), From: q.Get("from"), To: q.Get("to"), Confirmed: q.Get("status")},
		Link:   q.Get("link"),
		Today:  time.Now().UTC().Format(time.DateOnly)}
	if v.Link != "" {
		v.Filter.LinkType, v.Filter.LinkID, _ = strings.Cut(v.Link, ":")
	}
	v.FilterQuery = filterQuery(v.Filter)
	query := v.Filter
	if err := query.Validate(); err != nil {
		// The filter does not read: its errors show at its fields, and no rows.
		v.FilterInvalid, query = true, app.ContributionQuery{}
		for _, f := range domain.ErrorFields(err) {
			p.Errors["filter_"+f.Field] = f.Message
		}
	}
	page, err := h.app.ContributionPage(ctx, user, c.ID, query)
	if err != nil {
		return nil, err
	}
	if v.FilterInvalid {
		page.Contributions = nil
	}
	v.CanImport, v.CanLog = page.CanImport, len(page.Contributors) > 0
	v.fillOptions(p, page)
	v.fillRows(p, c.ID, page)
	return v, nil
}

// filterQuery is the query string of a filter, "" when it filters nothing.
func filterQuery(f app.ContributionQuery) string {
	q := url.Values{}
	link := ""
	if f.LinkType != "" {
		link = f.LinkType + ":" + f.LinkID
	}
	for k, val := range map[string]string{"org": f.OrganizationID, "from": f.From, "to": f.To, "status": f.Confirmed, "link": link} {
		if val != "" {
			q.Set(k, val)
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// fillOptions builds the choices of the filter and of the form.
func (v *contributionsView) fillOptions(p *Page, ch *app.ContributionPage) {
	v.MemberOptions = []option{{"", p.T("money.contributions.any_organization")}}
	for _, m := range ch.Members {
		v.MemberOptions = append(v.MemberOptions, option{m.OrganizationID, m.Organization.Name})
		if slices.Contains(ch.Contributors, m.OrganizationID) {
			v.Contributors = append(v.Contributors, option{m.OrganizationID, m.Organization.Name})
		}
	}
	v.StatusOptions = []option{{"", p.T("money.contributions.any_status")}, {"yes", p.T("money.contributions.status_confirmed")},
		{"no", p.T("money.contributions.status_unconfirmed")}}
	orgName := map[string]string{}
	for _, m := range ch.Members {
		orgName[m.OrganizationID] = m.Organization.Name
	}
	v.PersonOptions = []option{{"", p.T("money.contribution.no_person")}}
	for _, pa := range ch.People {
		v.PersonOptions = append(v.PersonOptions, option{pa.Person.ID, pa.Name + " (" + orgName[pa.OrganizationID] + ")"})
	}
	for _, k := range domain.ContributionKinds {
		v.Kinds = append(v.Kinds, option{k, p.T("money.contribution.kind." + k)})
	}
	groups := map[string]*linkGroup{}
	for _, t := range []string{"task", "meeting", "win"} {
		groups[t] = &linkGroup{Label: p.T("money.contribution.link_group." + t)}
	}
	for _, l := range ch.Links {
		label := l.Title
		if l.Date != "" {
			label = l.Date + " · " + l.Title
		}
		groups[l.Type].Options = append(groups[l.Type].Options, option{l.Type + ":" + l.ID, label})
	}
	for _, t := range []string{"task", "meeting", "win"} {
		if len(groups[t].Options) > 0 {
			v.LinkGroups = append(v.LinkGroups, *groups[t])
		}
	}
}

// fillRows formats the contributions and adds up their hours.
func (v *contributionsView) fillRows(p *Page, coalitionID string, ch *app.ContributionPage) {
	list, names := ch.Contributions, ch.Names
	links := map[string]string{}
	for _, l := range ch.Links {
		links[l.Type+":"+l.ID] = l.Title
	}
	if v.Link != "" {
		v.LinkLabel = cmp.Or(links[v.Link], v.Link)
	}
	base := "/coalitions/" + url.PathEscape(coalitionID)
	var total, confirmed int64
	for _, c := range list {
		row := contributionRow{ID: c.ID, Day: c.Day, Organization: names[c.OrganizationID], Person: names[c.PersonID],
			Hours: domain.FormatMinutes(c.Minutes), Kind: p.T("money.contribution.kind." + c.Kind), Description: c.Description,
			Confirmed: c.Confirmed(), ConfirmedBy: names[c.ConfirmedBy],
			CanConfirm: !c.Confirmed() && slices.Contains(ch.Contributors, c.OrganizationID)}
		if c.LinkType != "" {
			row.LinkLabel = links[c.LinkType+":"+c.LinkID]
			if row.LinkLabel == "" {
				row.LinkLabel = p.T("money.contribution.link_group."+c.LinkType) + " " + c.LinkID
			}
			switch c.LinkType {
			case "task":
				row.LinkHref = base + "/tasks"
			case "meeting":
				row.LinkHref = base + "/meetings/" + url.PathEscape(c.LinkID)
			case "win":
				row.LinkHref = base + "/wins#w-" + url.PathEscape(c.LinkID)
			}
		}
		total += c.Minutes
		if c.Confirmed() {
			confirmed += c.Minutes
		}
		v.Rows = append(v.Rows, row)
	}
	v.Count, v.Limited = len(list), len(list) >= 500
	v.TotalHours, v.ConfirmedHours = domain.FormatMinutes(total), domain.FormatMinutes(confirmed)
}
