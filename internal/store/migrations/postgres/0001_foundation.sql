-- Foundation: accounts, organizations, people, coalitions, memberships, invitations,
-- principles and adoptions, the audit log. Timestamps are UTC text in a fixed-width
-- RFC 3339 form so that they sort and compare as text on both databases.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    admin         BOOLEAN NOT NULL DEFAULT FALSE,
    locale        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT
);

CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BYTEA NOT NULL,
    expiry TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expiry);

CREATE TABLE login_failures (
    id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    ip    TEXT NOT NULL,
    at    TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    mission     TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    geographies TEXT NOT NULL DEFAULT '[]',
    issue_areas TEXT NOT NULL DEFAULT '[]',
    skills      TEXT NOT NULL DEFAULT '[]',
    languages   TEXT NOT NULL DEFAULT '[]',
    budget_band TEXT NOT NULL,
    staff_size  INTEGER NOT NULL DEFAULT 0,
    bipoc_led   TEXT NOT NULL,
    identity    TEXT NOT NULL DEFAULT '',
    visibility  TEXT NOT NULL DEFAULT '{}',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX organizations_name ON organizations(name);

CREATE TABLE people (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    pronouns   TEXT NOT NULL DEFAULT '',
    languages  TEXT NOT NULL DEFAULT '[]',
    user_id    TEXT UNIQUE REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE affiliations (
    person_id       TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    title           TEXT NOT NULL DEFAULT '',
    representative  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (person_id, organization_id)
);
CREATE INDEX affiliations_org ON affiliations(organization_id);

CREATE TABLE coalitions (
    id               TEXT PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    goal             TEXT NOT NULL,
    theory_of_change TEXT NOT NULL DEFAULT '',
    issue_areas      TEXT NOT NULL DEFAULT '[]',
    geography        TEXT NOT NULL DEFAULT '',
    phase            TEXT NOT NULL,
    public           BOOLEAN NOT NULL DEFAULT TRUE,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE coalition_access (
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role         TEXT NOT NULL,
    PRIMARY KEY (coalition_id, user_id)
);
CREATE INDEX coalition_access_user ON coalition_access(user_id);

CREATE TABLE memberships (
    id              TEXT PRIMARY KEY,
    coalition_id    TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    role            TEXT NOT NULL,
    most_impacted   BOOLEAN NOT NULL DEFAULT FALSE,
    status          TEXT NOT NULL,
    status_reason   TEXT NOT NULL DEFAULT '',
    joined_at       TEXT NOT NULL,
    left_at         TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    UNIQUE (coalition_id, organization_id)
);
CREATE INDEX memberships_org ON memberships(organization_id);

CREATE TABLE invitations (
    id                TEXT PRIMARY KEY,
    coalition_id      TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    token_hash        TEXT NOT NULL UNIQUE,
    organization_name TEXT NOT NULL DEFAULT '',
    organization_id   TEXT REFERENCES organizations(id),
    email             TEXT NOT NULL DEFAULT '',
    role              TEXT NOT NULL,
    most_impacted     BOOLEAN NOT NULL DEFAULT FALSE,
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    expires_at        TEXT NOT NULL,
    accepted_at       TEXT,
    membership_id     TEXT REFERENCES memberships(id)
);
CREATE INDEX invitations_coalition ON invitations(coalition_id);

CREATE TABLE principles (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX principles_coalition ON principles(coalition_id, position);

CREATE TABLE principle_versions (
    id           TEXT PRIMARY KEY,
    principle_id TEXT NOT NULL REFERENCES principles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_by   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (principle_id, version)
);

CREATE TABLE adoptions (
    id                   TEXT PRIMARY KEY,
    membership_id        TEXT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    principle_version_id TEXT NOT NULL REFERENCES principle_versions(id) ON DELETE CASCADE,
    adopted_by           TEXT NOT NULL DEFAULT '',
    adopted_at           TEXT NOT NULL,
    UNIQUE (membership_id, principle_version_id)
);

CREATE TABLE audit_log (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    coalition_id TEXT,
    actor_id     TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    changes      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_coalition ON audit_log(coalition_id, id);
