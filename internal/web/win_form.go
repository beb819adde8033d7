package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// winFormPage is the form that records or changes a win and its credits.
type winFormPage struct {
	Coalition *domain.Coalition
	Editing   bool
	Action    string
	Win       domain.Win
	Kinds     []string
	Sizes     []string
	// Rows are the organizations the win can credit, each with its state in the form.
	Rows []creditRow
	// Saved is the stored win, shown next to the form after a stale edit.
	Saved *winView
}

// creditRow is one organization in the credits part of the form. Weight is text so that
// what the person typed comes back as typed.
type creditRow struct {
	OrganizationID string
	Name           string
	Left           bool
	Credited       bool
	Contribution   string
	Weight         string
}

// showWinForm renders the win form: for a new win (stored nil) or an edit, fresh
// (err nil, with status) or again after an error, with what the person typed.
func (h *Handler) showWinForm(w http.ResponseWriter, r *http.Request, stored *domain.Win, status int, err error) {
	ctx, u := r.Context(), httpx.User(r.Context())
	perm, aerr := h.app.Authorize(ctx, u, r.PathValue("id"), app.RecordWins)
	if aerr != nil {
		h.fail(w, r, aerr)
		return
	}
	choices, cerr := h.app.CreditChoices(ctx, u, perm.Coalition.ID)
	if cerr != nil {
		h.fail(w, r, cerr)
		return
	}
	c := perm.Coalition
	d := winFormPage{Coalition: c, Action: "/coalitions/" + c.ID + "/wins", Kinds: domain.WinKinds, Sizes: domain.WinSizes,
		Win: domain.Win{Date: time.Now().UTC().Format(time.DateOnly), Kind: domain.WinKinds[0], Size: domain.WinSizes[0]}}
	title := "win.new_title"
	if stored != nil {
		d.Editing, d.Win, title = true, *stored, "win.edit_title"
		d.Action = "/coalitions/" + c.ID + "/wins/" + stored.ID + "/edit"
	}
	// A refused save shows the credits as submitted; a refused delete (which posts no
	// title) shows them as saved.
	if err != nil && r.PostForm.Has("title") {
		d.Rows = creditRowsFromForm(choices, r)
	} else {
		d.Rows = creditRowsFromWin(choices, d.Win)
	}
	if domain.ErrorCode(err) == domain.EPRECONDITION && stored != nil {
		v := newWinView(*stored)
		d.Saved = &v
	}
	p := h.page(r, title, d)
	p.Title = p.T(title)
	if domain.ErrorCode(err) == domain.ECONFLICT {
		msg := p.T("win.error.duplicate")
		err = &domain.Error{Code: domain.ECONFLICT, Message: msg, Fields: []domain.FieldError{{Field: "title", Message: msg}}}
	}
	if err == nil {
		h.render(w, r, status, "win_form", p)
		return
	}
	if !h.formError(w, r, "win_form", p, localizeFields(p.Localizer, creditFieldsByOrganization(err, r), winFieldMessage)) {
		h.fail(w, r, err)
	}
}

// winFieldMessage names the translated message of a win form's field error.
func winFieldMessage(field string) string {
	switch {
	case strings.HasPrefix(field, "weight_"):
		return "win.error.weight"
	case strings.HasPrefix(field, "credit_"):
		return "win.error.not_member"
	}
	return map[string]string{"date": "win.error.date", "credits": "win.error.all_zero"}[field]
}

func creditRowsFromWin(choices []domain.Membership, w domain.Win) []creditRow {
	state := map[string]creditRow{}
	for _, c := range w.Credits {
		state[c.OrganizationID] = creditRow{Credited: true, Contribution: c.Contribution, Weight: strconv.FormatFloat(c.Weight, 'f', -1, 64)}
	}
	return creditRows(choices, state)
}

func creditRowsFromForm(choices []domain.Membership, r *http.Request) []creditRow {
	state := map[string]creditRow{}
	for _, id := range r.PostForm["credit"] {
		state[id] = creditRow{Credited: true}
	}
	for _, m := range choices {
		id := m.OrganizationID
		row := state[id]
		row.Contribution, row.Weight = r.PostForm.Get("contribution_"+id), r.PostForm.Get("weight_"+id)
		state[id] = row
	}
	return creditRows(choices, state)
}

// creditRows lists the organizations a win can credit: current members, and those that
// have left only when the win already credits them.
func creditRows(choices []domain.Membership, state map[string]creditRow) []creditRow {
	var out []creditRow
	for _, m := range choices {
		row := state[m.OrganizationID]
		if !m.Counts() && !row.Credited {
			continue
		}
		row.OrganizationID, row.Left = m.OrganizationID, !m.Counts()
		if m.Organization != nil {
			row.Name = m.Organization.Name
		}
		out = append(out, row)
	}
	return out
}

// winFromForm reads the submitted win. Each ticked organization is credited, with its
// contribution and weight; a blank weight is 1, so credit is equal unless said otherwise.
// A weight that is not a number is a form error here, before any use case runs.
func winFromForm(r *http.Request) (domain.Win, error) {
	f := r.PostForm
	w := domain.Win{Date: f.Get("date"), Title: f.Get("title"), Kind: f.Get("kind"), Size: f.Get("size"),
		Description: f.Get("description"), Public: f.Get("public") != ""}
	var v domain.Validation
	for _, id := range f["credit"] {
		c := domain.Credit{OrganizationID: id, Contribution: f.Get("contribution_" + id), Weight: 1}
		if raw := strings.TrimSpace(f.Get("weight_" + id)); raw != "" {
			n, err := strconv.ParseFloat(strings.Replace(raw, ",", ".", 1), 64)
			if err != nil {
				v.Add("weight_"+id, "Give a weight of 0 or more, such as 1 or 0.5.")
			}
			c.Weight = n
		}
		w.Credits = append(w.Credits, c)
	}
	return w, v.Err()
}

// creditFieldsByOrganization renames the use case's credit fields (/credits/2/weight)
// to the form's (weight_<organization id>), so that each error shows next to its row.
func creditFieldsByOrganization(err error, r *http.Request) error {
	fields := domain.ErrorFields(err)
	if len(fields) == 0 {
		return err
	}
	ids := r.PostForm["credit"]
	out := &domain.Error{Code: domain.ErrorCode(err), Message: domain.ErrorMessage(err)}
	for _, f := range fields {
		parts := strings.Split(f.Field, "/") // "", "credits", index, field
		if i, err := strconv.Atoi(parts[min(2, len(parts)-1)]); err == nil && len(parts) == 4 && parts[1] == "credits" && i >= 0 && i < len(ids) {
			switch parts[3] {
			case "weight":
				f.Field = "weight_" + ids[i]
			case "contribution":
				f.Field = "contribution_" + ids[i]
			default:
				f.Field = "credit_" + ids[i]
			}
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}
