-- Money: funds with their hash-chained ledgers, contributions, allocation rounds and
-- peer points (issue 5). Amounts are integer minor units (cents); hours are stored as
-- whole minutes so that every sum is exact. Ledger entries are append-only: the
-- application never updates or deletes one, and each stores the hash of the entry
-- before it (prev_hash) and of its own content (hash); the fund keeps its chain's head
-- so that entries removed from the end are detected too.

CREATE TABLE funds (
    id                     TEXT PRIMARY KEY,
    coalition_id           TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    name                   TEXT NOT NULL,
    holder_organization_id TEXT REFERENCES organizations(id),
    holder_name            TEXT NOT NULL,
    funder                 TEXT NOT NULL DEFAULT '',
    restrictions           TEXT NOT NULL DEFAULT '',
    currency               TEXT NOT NULL,
    head_seq               INTEGER NOT NULL DEFAULT 0,
    head_hash              TEXT NOT NULL,
    created_by             TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL
);
CREATE INDEX funds_coalition ON funds(coalition_id, name);

CREATE TABLE ledger_entries (
    id              TEXT PRIMARY KEY,
    fund_id         TEXT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    amount          INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    organization_id TEXT NOT NULL DEFAULT '',
    corrects        TEXT NOT NULL DEFAULT '',
    memo            TEXT NOT NULL DEFAULT '',
    approved_by     TEXT NOT NULL DEFAULT '[]',
    at              TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    recorded_by     TEXT NOT NULL DEFAULT '',
    round_id        TEXT NOT NULL DEFAULT '',
    UNIQUE (fund_id, seq)
);

CREATE TABLE contributions (
    id              TEXT PRIMARY KEY,
    coalition_id    TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    person_id       TEXT REFERENCES people(id) ON DELETE SET NULL,
    day             TEXT NOT NULL,
    minutes         INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    link_type       TEXT NOT NULL DEFAULT '',
    link_id         TEXT NOT NULL DEFAULT '',
    confirmed_by    TEXT NOT NULL DEFAULT '',
    confirmed_at    TEXT,
    created_by      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX contributions_coalition_day ON contributions(coalition_id, day, organization_id);

CREATE TABLE allocation_rounds (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    fund_id      TEXT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    amount       INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    method       TEXT NOT NULL,
    params       TEXT NOT NULL DEFAULT '{}',
    members      TEXT NOT NULL DEFAULT '[]',
    status       TEXT NOT NULL DEFAULT 'open',
    decision     TEXT NOT NULL DEFAULT 'steering',
    result       TEXT NOT NULL DEFAULT '[]',
    opened_by    TEXT NOT NULL DEFAULT '',
    opened_at    TEXT NOT NULL,
    approved_by  TEXT NOT NULL DEFAULT '',
    approved_at  TEXT
);
CREATE INDEX allocation_rounds_coalition ON allocation_rounds(coalition_id, opened_at);

CREATE TABLE allocation_points (
    round_id                 TEXT NOT NULL REFERENCES allocation_rounds(id) ON DELETE CASCADE,
    giver_organization_id    TEXT NOT NULL,
    receiver_organization_id TEXT NOT NULL,
    points                   INTEGER NOT NULL,
    given_by                 TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (round_id, giver_organization_id, receiver_organization_id)
);
