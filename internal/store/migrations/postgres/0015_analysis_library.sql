-- The analysis library (issue 7): briefs, testimony, data and notes members share, each
-- optionally carrying one uploaded file, tagged by issue area and geography, linked from
-- a task, meeting or proposal, and searchable in full text. search_text holds the words
-- searched (title, body, tags), indexed for PostgreSQL full-text search.
CREATE TABLE documents (
    id              TEXT PRIMARY KEY,
    coalition_id    TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('brief', 'testimony', 'data', 'notes', 'other')),
    body            TEXT NOT NULL DEFAULT '',
    issue_areas     TEXT NOT NULL DEFAULT '[]',
    geographies     TEXT NOT NULL DEFAULT '[]',
    organization_id TEXT REFERENCES organizations(id),
    link_type       TEXT NOT NULL DEFAULT '',
    link_id         TEXT NOT NULL DEFAULT '',
    file_name       TEXT NOT NULL DEFAULT '',
    file_type       TEXT NOT NULL DEFAULT '',
    file_size       INTEGER NOT NULL DEFAULT 0,
    search_text     TEXT NOT NULL DEFAULT '',
    created_by      TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX documents_coalition ON documents(coalition_id, created_at);
CREATE INDEX documents_link ON documents(link_type, link_id);

CREATE TABLE document_files (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    content     BYTEA NOT NULL
);

CREATE INDEX documents_search ON documents USING GIN (to_tsvector('simple', search_text));
