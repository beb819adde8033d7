-- Asks and offers between member organizations, the responses to them, and the help
-- recorded when one is fulfilled: from the organization that helped to the one helped.

CREATE TABLE asks_offers (
    id              TEXT PRIMARY KEY,
    coalition_id    TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('ask', 'offer')),
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    title           TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    needed_by       TEXT,
    state           TEXT NOT NULL,
    created_by      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX asks_offers_coalition ON asks_offers(coalition_id, created_at);

CREATE TABLE ask_offer_responses (
    id              TEXT PRIMARY KEY,
    ask_offer_id    TEXT NOT NULL REFERENCES asks_offers(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    body            TEXT NOT NULL,
    created_by      TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    UNIQUE (ask_offer_id, organization_id)
);

CREATE TABLE help_records (
    id            TEXT PRIMARY KEY,
    coalition_id  TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    ask_offer_id  TEXT NOT NULL UNIQUE REFERENCES asks_offers(id) ON DELETE CASCADE,
    from_org      TEXT NOT NULL REFERENCES organizations(id),
    to_org        TEXT NOT NULL REFERENCES organizations(id),
    recorded_by   TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL
);
CREATE INDEX help_records_coalition ON help_records(coalition_id, recorded_at);
