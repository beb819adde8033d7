-- Recognition (issue 5): thanks a coalition sends a member organization, usually for a
-- win, shown on the organization's profile to those who share a coalition with it.
CREATE TABLE thanks (
    id              TEXT PRIMARY KEY,
    coalition_id    TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    win_id          TEXT REFERENCES wins(id) ON DELETE SET NULL,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    message         TEXT NOT NULL,
    sent_by         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX thanks_organization ON thanks(organization_id, created_at);
CREATE INDEX thanks_win ON thanks(win_id);
