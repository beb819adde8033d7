package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// DocumentInput is what a member writes when sharing a document.
type DocumentInput struct {
	Title          string   `json:"title"`
	Kind           string   `json:"kind"`
	Body           string   `json:"body"`
	IssueAreas     []string `json:"issue_areas"`
	Geographies    []string `json:"geographies"`
	OrganizationID string   `json:"organization_id"`
	LinkType       string   `json:"link_type"`
	LinkID         string   `json:"link_id"`
}

// DocumentQuery chooses documents: a full-text search, or filters.
type DocumentQuery struct {
	Search string
	store.DocumentFilter
}

// Documents lists a coalition's documents: those matching every word of q.Search (best
// first), or else those passing the filters (newest first). A search of symbols only is
// refused (EINVALID).
func (a *App) Documents(ctx context.Context, actor Actor, coalitionID string, q DocumentQuery) ([]domain.Document, error) {
	var words []string
	if q.Search != "" {
		if words = domain.SearchTerms(q.Search); len(words) == 0 {
			return nil, fieldError("q", "Search with at least one word or number.")
		}
	}
	var out []domain.Document
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if len(words) > 0 {
			out, err = tx.SearchDocuments(ctx, p.Coalition.ID, words)
		} else {
			out, err = tx.ListDocuments(ctx, p.Coalition.ID, q.DocumentFilter)
		}
		return err
	})
	return out, err
}

// Document returns one document of the coalition.
func (a *App) Document(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Document, error) {
	var out *domain.Document
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.FindDocument(ctx, p.Coalition.ID, id)
		return err
	})
	return out, err
}

// ShareDocument adds a document to the coalition's library.
func (a *App) ShareDocument(ctx context.Context, actor Actor, coalitionID string, in DocumentInput) (*domain.Document, error) {
	d := in.document()
	if err := d.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ShareDocuments)
		if err != nil {
			return err
		}
		d.CoalitionID, d.CreatedBy = p.Coalition.ID, actor.ID
		if err := checkDocumentRefs(ctx, tx, d); err != nil {
			return err
		}
		if err := tx.CreateDocument(ctx, d); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "document.create", "document", d.ID, map[string]any{"title": d.Title, "kind": d.Kind})
	})
	return d, err
}

// UpdateDocument changes a document still at expectVersion: by whoever shared it, or by
// a coordinator or facilitator.
func (a *App) UpdateDocument(ctx context.Context, actor Actor, coalitionID, id string, in DocumentInput, expectVersion int) (*domain.Document, error) {
	d := in.document()
	if err := d.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, before, err := mayChangeDocument(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		d.ID, d.CoalitionID, d.CreatedBy, d.CreatedAt = id, p.Coalition.ID, before.CreatedBy, before.CreatedAt
		d.FileName, d.FileType, d.FileSize = before.FileName, before.FileType, before.FileSize
		if err := checkDocumentRefs(ctx, tx, d); err != nil {
			return err
		}
		if err := tx.UpdateDocument(ctx, d, expectVersion); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "document.update", "document", id,
			diff(map[string]any{"title": before.Title, "kind": before.Kind}, map[string]any{"title": d.Title, "kind": d.Kind}))
	})
	return d, err
}

// DeleteDocument removes a document and its file, under the same rule as changing it.
func (a *App) DeleteDocument(ctx context.Context, actor Actor, coalitionID, id string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, before, err := mayChangeDocument(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteDocument(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "document.delete", "document", id, map[string]any{"title": before.Title})
	})
}

// AttachFile stores (or replaces) a document's file after checking its type and size.
func (a *App) AttachFile(ctx context.Context, actor Actor, coalitionID, id, name string, content []byte) (*domain.Document, error) {
	fileType, err := domain.UploadType(name, content)
	if err != nil {
		return nil, err
	}
	name = domain.SafeFileName(name)
	var out *domain.Document
	err = a.write(ctx, func(tx *store.Tx) error {
		p, _, err := mayChangeDocument(ctx, tx, actor, coalitionID, id)
		if err != nil {
			return err
		}
		if err := tx.SetDocumentFile(ctx, p.Coalition.ID, id, name, fileType, content); err != nil {
			return err
		}
		if err := tx.Audit(ctx, p.Coalition.ID, actor.ID, "document.file", "document", id, map[string]any{"file": name, "size": len(content)}); err != nil {
			return err
		}
		out, err = tx.FindDocument(ctx, p.Coalition.ID, id)
		return err
	})
	return out, err
}

// DocumentFile returns a document's file with its name and type (ENOTFOUND when none).
func (a *App) DocumentFile(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Document, []byte, error) {
	var d *domain.Document
	var content []byte
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if d, err = tx.FindDocument(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		content, err = tx.DocumentFile(ctx, p.Coalition.ID, id)
		return err
	})
	return d, content, err
}

// mayChangeDocument loads a document the actor may change: one they shared (while they
// may still share), or any for those who curate the library.
func mayChangeDocument(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, id string) (Permission, *domain.Document, error) {
	p, err := authorize(ctx, tx, actor, coalitionID, ShareDocuments)
	if err != nil {
		return p, nil, err
	}
	d, err := tx.FindDocument(ctx, p.Coalition.ID, id)
	if err != nil {
		return p, nil, err
	}
	if d.CreatedBy != actor.ID && !p.Can(CurateDocuments) {
		return p, nil, domain.Errorf(domain.EFORBIDDEN, "Only whoever shared this document, or a coordinator or facilitator, can change it.")
	}
	return p, d, nil
}

func (in DocumentInput) document() *domain.Document {
	d := &domain.Document{Title: in.Title, Kind: in.Kind, Body: in.Body, IssueAreas: in.IssueAreas, Geographies: in.Geographies,
		OrganizationID: in.OrganizationID, LinkType: in.LinkType, LinkID: in.LinkID}
	d.Normalize()
	return d
}

// checkDocumentRefs checks that the sharing organization is a member and that the linked
// task, meeting or proposal is one of the coalition's.
func checkDocumentRefs(ctx context.Context, tx *store.Tx, d *domain.Document) error {
	if d.OrganizationID != "" {
		if err := checkMemberOrg(ctx, tx, d.CoalitionID, "organization_id", d.OrganizationID); err != nil {
			return err
		}
	}
	var err error
	switch d.LinkType {
	case "":
		return nil
	case "task":
		_, err = tx.FindTask(ctx, d.CoalitionID, d.LinkID)
	case "meeting":
		_, err = tx.FindMeeting(ctx, d.CoalitionID, d.LinkID)
	case "proposal":
		_, err = tx.FindProposal(ctx, d.CoalitionID, d.LinkID)
	}
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return fieldError("link_id", "Choose a "+d.LinkType+" of this coalition.")
	}
	return err
}
