-- Voice and decisions (issue 4): a coalition's voice settings, proposals with their
-- options, the principles they draw on, and stances. A closed proposal is final: the
-- trigger refuses any change to it, so the stored outcome can never be edited.

CREATE TABLE voice_settings (
    coalition_id TEXT PRIMARY KEY REFERENCES coalitions(id) ON DELETE CASCADE,
    stances_by   TEXT NOT NULL DEFAULT 'organization',
    queue_order  TEXT NOT NULL DEFAULT 'progressive',
    updated_at   TEXT NOT NULL
);

CREATE TABLE proposals (
    id                     TEXT PRIMARY KEY,
    coalition_id           TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    title                  TEXT NOT NULL,
    body                   TEXT NOT NULL,
    method                 TEXT NOT NULL,
    stances_by             TEXT NOT NULL,
    quorum                 REAL NOT NULL,
    closes_at              TEXT NOT NULL,
    status                 TEXT NOT NULL,
    author_id              TEXT NOT NULL DEFAULT '',
    author_organization_id TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    opened_at              TEXT,
    closed_at              TEXT,
    result                 TEXT NOT NULL DEFAULT '',
    outcome                TEXT,
    version                INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX proposals_coalition ON proposals(coalition_id, created_at);
CREATE INDEX proposals_due ON proposals(status, closes_at);

CREATE TABLE proposal_options (
    id          TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    UNIQUE (proposal_id, position)
);

CREATE TABLE proposal_principles (
    proposal_id  TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    principle_id TEXT NOT NULL REFERENCES principles(id) ON DELETE CASCADE,
    PRIMARY KEY (proposal_id, principle_id)
);

CREATE TABLE stances (
    id              TEXT PRIMARY KEY,
    proposal_id     TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    voter_id        TEXT NOT NULL,
    organization_id TEXT NOT NULL DEFAULT '',
    user_id         TEXT NOT NULL DEFAULT '',
    position        TEXT NOT NULL DEFAULT '',
    choice          TEXT NOT NULL DEFAULT '',
    ranking         TEXT NOT NULL DEFAULT '[]',
    reason          TEXT NOT NULL DEFAULT '',
    principle_id    TEXT NOT NULL DEFAULT '',
    comment         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (proposal_id, voter_id)
);
CREATE INDEX stances_organization ON stances(organization_id);

CREATE TRIGGER proposals_final BEFORE UPDATE ON proposals WHEN OLD.status = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'a closed proposal is final');
END;
CREATE TRIGGER stances_final_insert BEFORE INSERT ON stances
WHEN (SELECT status FROM proposals WHERE id = NEW.proposal_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the proposal is closed');
END;
CREATE TRIGGER stances_final_update BEFORE UPDATE ON stances
WHEN (SELECT status FROM proposals WHERE id = NEW.proposal_id) = 'closed'
BEGIN
    SELECT RAISE(ABORT, 'the proposal is closed');
END;
