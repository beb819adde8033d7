package store

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

const documentCols = `d.id, d.coalition_id, d.title, d.kind, d.body, d.issue_areas, d.geographies, COALESCE(d.organization_id, ''),
	d.link_type, d.link_id, d.file_name, d.file_type, d.file_size, d.created_by, d.version, d.created_at, d.updated_at`

func scanDocument(s interface{ Scan(...any) error }) (*domain.Document, error) {
	var d domain.Document
	err := s.Scan(&d.ID, &d.CoalitionID, &d.Title, &d.Kind, &d.Body, jsonCol{&d.IssueAreas}, jsonCol{&d.Geographies}, &d.OrganizationID,
		&d.LinkType, &d.LinkID, &d.FileName, &d.FileType, &d.FileSize, &d.CreatedBy, &d.Version, timeCol{&d.CreatedAt}, timeCol{&d.UpdatedAt})
	return &d, err
}

// searchText is what full-text search reads of a document: its title, body and tags.
func searchText(d *domain.Document) string {
	return strings.Join(append(append([]string{d.Title, d.Body}, d.IssueAreas...), d.Geographies...), "\n")
}

// CreateDocument inserts a document and indexes it for search.
func (tx *Tx) CreateDocument(ctx context.Context, d *domain.Document) error {
	if d.ID == "" {
		d.ID = NewID()
	}
	d.CreatedAt, d.UpdatedAt, d.Version = tx.Now, tx.Now, 1
	_, err := tx.exec(ctx, `INSERT INTO documents (id, coalition_id, title, kind, body, issue_areas, geographies, organization_id, link_type,
		link_id, search_text, created_by, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14)`,
		d.ID, d.CoalitionID, d.Title, d.Kind, d.Body, jsonCol{d.IssueAreas}, jsonCol{d.Geographies}, nullString(d.OrganizationID),
		d.LinkType, d.LinkID, searchText(d), d.CreatedBy, formatTime(d.CreatedAt), formatTime(d.UpdatedAt))
	if err != nil {
		return err
	}
	return tx.indexDocument(ctx, d)
}

// UpdateDocument saves a document's text, tags and link if its stored version is still
// expectVersion (EPRECONDITION; ENOTFOUND when it is not a document of the coalition).
func (tx *Tx) UpdateDocument(ctx context.Context, d *domain.Document, expectVersion int) error {
	res, err := tx.exec(ctx, `UPDATE documents SET title = $1, kind = $2, body = $3, issue_areas = $4, geographies = $5, organization_id = $6,
		link_type = $7, link_id = $8, search_text = $9, version = version + 1, updated_at = $10
		WHERE id = $11 AND coalition_id = $12 AND version = $13`, d.Title, d.Kind, d.Body, jsonCol{d.IssueAreas}, jsonCol{d.Geographies},
		nullString(d.OrganizationID), d.LinkType, d.LinkID, searchText(d), formatTime(tx.Now), d.ID, d.CoalitionID, expectVersion)
	if err := mustAffect(res, err, "Document"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			if _, ferr := tx.FindDocument(ctx, d.CoalitionID, d.ID); ferr == nil {
				return domain.Errorf(domain.EPRECONDITION, "Someone else changed this document; reload to see their change.")
			}
		}
		return err
	}
	d.Version, d.UpdatedAt = expectVersion+1, tx.Now
	return tx.indexDocument(ctx, d)
}

// indexDocument replaces a document's entry in the dialect's search index, if it keeps one.
func (tx *Tx) indexDocument(ctx context.Context, d *domain.Document) error {
	if tx.dialect.indexDocument == "" {
		return nil
	}
	if _, err := tx.exec(ctx, tx.dialect.unindexDocument, d.ID); err != nil {
		return err
	}
	_, err := tx.exec(ctx, tx.dialect.indexDocument, d.ID, searchText(d))
	return err
}

// DeleteDocument removes a document of a coalition with its file and index entry.
func (tx *Tx) DeleteDocument(ctx context.Context, coalitionID, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM documents WHERE id = $1 AND coalition_id = $2`, id, coalitionID)
	if err := mustAffect(res, err, "Document"); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM document_files WHERE document_id = $1`, id); err != nil {
		return err
	}
	if tx.dialect.unindexDocument != "" {
		_, err = tx.exec(ctx, tx.dialect.unindexDocument, id)
	}
	return err
}

// SetDocumentFile stores (or replaces) a document's file.
func (tx *Tx) SetDocumentFile(ctx context.Context, coalitionID, id, name, fileType string, content []byte) error {
	res, err := tx.exec(ctx, `UPDATE documents SET file_name = $1, file_type = $2, file_size = $3, version = version + 1, updated_at = $4
		WHERE id = $5 AND coalition_id = $6`, name, fileType, len(content), formatTime(tx.Now), id, coalitionID)
	if err := mustAffect(res, err, "Document"); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM document_files WHERE document_id = $1`, id); err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT INTO document_files (document_id, content) VALUES ($1, $2)`, id, content)
	return err
}

// DocumentFile returns the file of a document of the coalition (ENOTFOUND when none).
func (tx *Tx) DocumentFile(ctx context.Context, coalitionID, id string) ([]byte, error) {
	var content []byte
	err := tx.queryRow(ctx, `SELECT f.content FROM document_files f JOIN documents d ON d.id = f.document_id
		WHERE d.id = $1 AND d.coalition_id = $2`, id, coalitionID).Scan(&content)
	if err != nil {
		return nil, notFound(err, "File")
	}
	return content, nil
}

// FindDocument returns a document of a coalition (ENOTFOUND).
func (tx *Tx) FindDocument(ctx context.Context, coalitionID, id string) (*domain.Document, error) {
	d, err := scanDocument(tx.queryRow(ctx, `SELECT `+documentCols+` FROM documents d WHERE d.id = $1 AND d.coalition_id = $2`, id, coalitionID))
	if err != nil {
		return nil, notFound(err, "Document")
	}
	return d, nil
}

// DocumentFilter narrows a list of documents: by kind, by a tag (issue area or
// geography), by the record they are linked from.
type DocumentFilter struct {
	Kind, Tag        string
	LinkType, LinkID string
}

// ListDocuments returns a coalition's documents, newest first, filtered.
func (tx *Tx) ListDocuments(ctx context.Context, coalitionID string, f DocumentFilter) ([]domain.Document, error) {
	q, args := `SELECT `+documentCols+` FROM documents d WHERE d.coalition_id = $1`, []any{coalitionID}
	if f.Kind != "" {
		args = append(args, f.Kind)
		q += ` AND d.kind = ` + placeholders(len(args), 1)
	}
	if f.LinkType != "" {
		args = append(args, f.LinkType, f.LinkID)
		q += ` AND d.link_type = ` + placeholders(len(args)-1, 1) + ` AND d.link_id = ` + placeholders(len(args), 1)
	}
	rows, err := tx.query(ctx, q+` ORDER BY d.created_at DESC, d.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Document{}
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		if f.Tag == "" || hasTag(d, f.Tag) {
			out = append(out, *d)
		}
	}
	return out, rows.Err()
}

func hasTag(d *domain.Document, tag string) bool {
	for _, t := range append(append([]string{}, d.IssueAreas...), d.Geographies...) {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// SearchDocuments returns a coalition's documents in which every word appears (as a
// word or the start of one), best first, at most 200.
func (tx *Tx) SearchDocuments(ctx context.Context, coalitionID string, words []string) ([]domain.Document, error) {
	rows, err := tx.query(ctx, `SELECT `+documentCols+` `+tx.dialect.documentSearch, coalitionID, tx.dialect.searchWords(words))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Document{}
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, rows.Err()
}
