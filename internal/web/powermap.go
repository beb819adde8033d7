package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerPowerMap(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/power-map", h.powerMapShow)
	r.HandleFunc("POST /coalitions/{id}/targets", h.targetCreate)
	r.HandleFunc("POST /coalitions/{id}/targets/{target_id}/assessments", h.targetAssess)
	r.HandleFunc("POST /coalitions/{id}/targets/{target_id}/access", h.targetAccess)
}

// The grid of the power map: stance −2…+2 across, influence 5…1 down.
const (
	pmLeft, pmTop    = 70, 30
	pmCellW, pmCellH = 110, 64
	pmOrgRow         = pmTop + 5*pmCellH + 60
	pmWidth          = pmLeft + 5*pmCellW + 20
	pmHeight         = pmOrgRow + 40
)

type powerMapPage struct {
	Coalition  *domain.Coalition
	Targets    []domain.Target
	CanManage  bool
	Mine       []formChoice
	Kinds      []string
	Influences []formChoice
	Stances    []formChoice
	Strengths  []formChoice
	Chart      pmChart
}

type pmChart struct {
	Width, Height   int
	Cells           []pmCell
	StanceLabels    []pmLabel
	InfluenceLabels []pmLabel
	Targets         []pmPoint
	Orgs            []pmPoint
	Lines           []pmLine
	Moves           []pmLine
}

type pmCell struct{ X, Y, W, H int }
type pmLabel struct {
	X, Y int
	Text string
}
type pmPoint struct {
	X, Y int
	Name string
}
type pmLine struct{ X1, Y1, X2, Y2, Width int }

func (h *Handler) powerMapShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "network.power_title", nil)
	if err := h.loadPowerMap(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "power_map", p)
}

func (h *Handler) loadPowerMap(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	ts, err := h.app.PowerMap(ctx, user, c.ID)
	if err != nil {
		return err
	}
	mine, err := h.app.MyOrganizations(ctx, user)
	if err != nil {
		return err
	}
	members, err := h.app.Members(ctx, user, c.ID, "", 0)
	if err != nil {
		return err
	}
	d := &powerMapPage{Coalition: c, Targets: ts, Kinds: domain.TargetKinds, Chart: powerMapChart(p.Localizer, ts)}
	d.CanManage = perm.Can(app.ManagePowerMap)
	rep := map[string]bool{}
	for _, o := range mine {
		rep[o.ID] = true
	}
	for _, m := range members.Items {
		if m.Counts() && (rep[m.OrganizationID] || user.Admin) {
			d.Mine = append(d.Mine, formChoice{Value: m.OrganizationID, Label: m.Organization.Name})
		}
	}
	for i := domain.MaxInfluence; i >= domain.MinInfluence; i-- {
		d.Influences = append(d.Influences, formChoice{Value: strconv.Itoa(i), Label: strconv.Itoa(i)})
		d.Strengths = append(d.Strengths, formChoice{Value: strconv.Itoa(i), Label: strconv.Itoa(i)})
	}
	for s := domain.MaxStance; s >= domain.MinStance; s-- {
		d.Stances = append(d.Stances, formChoice{Value: strconv.Itoa(s), Label: p.T("network.stance." + strconv.Itoa(s+2))})
	}
	p.Data = d
	p.Title = p.T("network.power_title_of", "Coalition", c.Name)
	return nil
}

// powerMapChart places each target at the cell of its latest assessment (several in a
// cell side by side), its previous position with a dashed line, and the member
// organizations with access in a row below, each joined to its targets by a line as
// thick as the relationship is strong.
func powerMapChart(l *i18n.Localizer, ts []domain.Target) pmChart {
	c := pmChart{Width: pmWidth, Height: pmHeight}
	for col := 0; col < 5; col++ {
		c.StanceLabels = append(c.StanceLabels, pmLabel{X: pmLeft + col*pmCellW + pmCellW/2, Y: pmTop - 10, Text: l.T("network.stance." + strconv.Itoa(col))})
		for row := 0; row < 5; row++ {
			c.Cells = append(c.Cells, pmCell{X: pmLeft + col*pmCellW, Y: pmTop + row*pmCellH, W: pmCellW, H: pmCellH})
		}
	}
	for row := 0; row < 5; row++ {
		c.InfluenceLabels = append(c.InfluenceLabels, pmLabel{X: pmLeft - 8, Y: pmTop + row*pmCellH + pmCellH/2 + 4, Text: strconv.Itoa(5 - row)})
	}
	inCell := map[[2]int]int{}
	place := func(a *domain.TargetAssessment) (int, int) {
		k := [2]int{a.Stance, a.Influence}
		n := inCell[k]
		inCell[k]++
		return pmLeft + (a.Stance+2)*pmCellW + 18 + (n%4)*24, pmTop + (5-a.Influence)*pmCellH + 22 + (n/4)*20
	}
	orgX := map[string]int{}
	var orgs []string
	for _, t := range ts {
		for _, a := range t.Access {
			if _, ok := orgX[a.OrganizationID]; !ok {
				orgX[a.OrganizationID] = 0
				orgs = append(orgs, a.OrganizationID)
				c.Orgs = append(c.Orgs, pmPoint{Name: a.OrganizationName})
			}
		}
	}
	for i := range c.Orgs {
		c.Orgs[i].X, c.Orgs[i].Y = pmLeft+(2*i+1)*(5*pmCellW)/(2*len(c.Orgs)), pmOrgRow
		orgX[orgs[i]] = c.Orgs[i].X
	}
	for _, t := range ts {
		cur := t.Current()
		if cur == nil {
			continue
		}
		x, y := place(cur)
		c.Targets = append(c.Targets, pmPoint{X: x, Y: y, Name: t.Name})
		if prev := t.Previous(); prev != nil && (prev.Stance != cur.Stance || prev.Influence != cur.Influence) {
			px, py := pmLeft+(prev.Stance+2)*pmCellW+pmCellW/2, pmTop+(5-prev.Influence)*pmCellH+pmCellH/2
			c.Moves = append(c.Moves, pmLine{X1: px, Y1: py, X2: x, Y2: y})
		}
		for _, a := range t.Access {
			c.Lines = append(c.Lines, pmLine{X1: orgX[a.OrganizationID], Y1: pmOrgRow, X2: x, Y2: y, Width: a.Strength})
		}
	}
	return c
}

func (h *Handler) targetCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	t := domain.Target{Name: f.Get("name"), Kind: f.Get("kind"), Campaign: f.Get("campaign"), Title: f.Get("title"), Note: f.Get("note")}
	_, err := h.app.CreateTarget(r.Context(), httpx.User(r.Context()), r.PathValue("id"), t, assessmentFromForm(f))
	h.afterPowerMapPost(w, r, err, "network.target_added")
}

func (h *Handler) targetAssess(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	_, err := h.app.AssessTarget(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("target_id"), assessmentFromForm(r.PostForm))
	h.afterPowerMapPost(w, r, err, "network.target_assessed")
}

func (h *Handler) targetAccess(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	_, err := h.app.SetTargetAccess(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("target_id"),
		domain.TargetAccess{OrganizationID: f.Get("organization_id"), Strength: formInt(f.Get("strength")), Note: f.Get("note")})
	h.afterPowerMapPost(w, r, err, "network.access_recorded")
}

func assessmentFromForm(f url.Values) domain.TargetAssessment {
	stance, err := strconv.Atoi(f.Get("stance"))
	if err != nil {
		stance = 99 // refused by validation
	}
	return domain.TargetAssessment{Influence: formInt(f.Get("influence")), Stance: stance, AssessedOn: f.Get("assessed_on"), Note: f.Get("note")}
}

func (h *Handler) afterPowerMapPost(w http.ResponseWriter, r *http.Request, err error, flash string) {
	if err == nil {
		h.flash(r, h.requestLocalizer(r).T(flash))
		http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/power-map", http.StatusSeeOther)
		return
	}
	p := h.page(r, "network.power_title", nil)
	if lerr := h.loadPowerMap(r, p); lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	if !h.formError(w, r, "power_map", p, err) {
		h.fail(w, r, err)
	}
}
