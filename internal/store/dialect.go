package store

import (
	"errors"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// dialect holds the few differences between SQLite and PostgreSQL. Queries are written
// in the SQL both accept ($n placeholders, ON CONFLICT, RETURNING); what differs is here.
type dialect struct {
	name string
	// migrationLock is run inside each migration transaction so that several processes
	// starting at once migrate one after another.
	migrationLock string
	// caseInsensitiveLike is the operator for case-insensitive substring search.
	caseInsensitiveLike string
	// Full-text search of the analysis library. documentSearch is the FROM … ORDER BY
	// part of the query selecting a coalition's documents ($1, as d) matching words ($2,
	// each must appear), best first. SQLite keeps a separate FTS5 index written by indexDocument
	// ($1 id, $2 text) and cleared by unindexDocument ($1 id); PostgreSQL indexes the
	// documents' own search_text column, so it needs neither.
	documentSearch, indexDocument, unindexDocument string
	// searchWords renders search words for documentSearch.
	searchWords func(words []string) string
}

var (
	sqlite = dialect{
		name:                "sqlite",
		caseInsensitiveLike: "LIKE",
		documentSearch: `FROM documents_fts f JOIN documents d ON d.id = f.document_id
			WHERE d.coalition_id = $1 AND documents_fts MATCH $2 ORDER BY f.rank, d.created_at DESC LIMIT 200`,
		indexDocument:   `INSERT INTO documents_fts (document_id, search_text) VALUES ($1, $2)`,
		unindexDocument: `DELETE FROM documents_fts WHERE document_id = $1`,
		// Each word quoted, so that FTS5 reads none of them as syntax; a trailing * finds
		// words that start with it ("tenan" finds "tenants").
		searchWords: func(words []string) string {
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = `"` + strings.ReplaceAll(w, `"`, "") + `"*`
			}
			return strings.Join(quoted, " ")
		},
	}
	postgres = dialect{
		name:                "postgres",
		migrationLock:       "SELECT pg_advisory_xact_lock(72616964)", // "raid"
		caseInsensitiveLike: "ILIKE",
		documentSearch: `FROM documents d WHERE d.coalition_id = $1
			AND to_tsvector('simple', d.search_text) @@ to_tsquery('simple', $2)
			ORDER BY ts_rank(to_tsvector('simple', d.search_text), to_tsquery('simple', $2)) DESC, d.created_at DESC LIMIT 200`,
		// Words joined by & (all must appear), each a prefix match, like SQLite's.
		searchWords: func(words []string) string {
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = "'" + strings.ReplaceAll(w, "'", "") + "':*"
			}
			return strings.Join(quoted, " & ")
		},
	}
)

// mapError turns driver errors that users can cause into domain errors, in one place.
func (d dialect) mapError(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505":
			return &domain.Error{Code: domain.ECONFLICT, Message: "This already exists."}
		case "23503":
			return &domain.Error{Code: domain.EINVALID, Message: "A referenced record does not exist."}
		case "40001", "40P01":
			return &domain.Error{Code: domain.ECONFLICT, Message: "Another change happened at the same time; try again."}
		}
		return err
	}
	var sqErr *msqlite.Error
	if errors.As(err, &sqErr) {
		switch sqErr.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &domain.Error{Code: domain.ECONFLICT, Message: "This already exists."}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return &domain.Error{Code: domain.EINVALID, Message: "A referenced record does not exist."}
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &domain.Error{Code: domain.ECONFLICT, Message: "The database is busy; try again."}
		}
		if strings.Contains(sqErr.Error(), "UNIQUE constraint failed") {
			return &domain.Error{Code: domain.ECONFLICT, Message: "This already exists."}
		}
	}
	return err
}

// isUndefinedTable reports whether err says a table does not exist.
func (d dialect) isUndefinedTable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "42P01"
	}
	return strings.Contains(err.Error(), "no such table")
}
