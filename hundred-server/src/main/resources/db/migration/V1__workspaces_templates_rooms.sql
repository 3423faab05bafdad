-- Portable SQL for H2 (PostgreSQL mode) and PostgreSQL 15+ (stack.md §4): ids made by the app,
-- JSON kept as TEXT and read in Java, no RETURNING, no partial indexes.

CREATE TABLE workspaces (
    id          VARCHAR(24)  PRIMARY KEY,          -- the app_id
    customer_id VARCHAR(24)  NOT NULL,
    access_key  VARCHAR(128) NOT NULL UNIQUE,
    secret      VARCHAR(512) NOT NULL,
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE templates (
    id           VARCHAR(24)  PRIMARY KEY,
    workspace_id VARCHAR(24)  NOT NULL REFERENCES workspaces (id),
    name         VARCHAR(255) NOT NULL,
    is_default   BOOLEAN      NOT NULL DEFAULT FALSE,
    body         TEXT         NOT NULL,            -- roles, settings, destinations, plugins, recordings (camelCase JSON)
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT templates_name_unique UNIQUE (workspace_id, name)
);
CREATE INDEX templates_by_workspace ON templates (workspace_id, id);

CREATE TABLE rooms (
    id                   VARCHAR(24)  PRIMARY KEY,
    workspace_id         VARCHAR(24)  NOT NULL REFERENCES workspaces (id),
    name                 VARCHAR(255) NOT NULL,
    name_key             VARCHAR(255) NOT NULL,   -- lower(name): names are case-insensitive
    description          TEXT         NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    template_id          VARCHAR(24)  NOT NULL REFERENCES templates (id),
    region               VARCHAR(16)  NOT NULL,
    large_room           BOOLEAN      NOT NULL,
    size                 INT          NOT NULL,
    max_duration_seconds INT          NOT NULL,
    recording_info       TEXT,                    -- JSON, null when the room follows its template
    webhook              TEXT,                    -- JSON {url, headers}, null when unset
    polls                TEXT         NOT NULL,   -- JSON array of poll ids
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rooms_name_unique UNIQUE (workspace_id, name_key)
);
CREATE INDEX rooms_by_workspace ON rooms (workspace_id, id);
CREATE INDEX rooms_by_template ON rooms (workspace_id, template_id, id);

CREATE TABLE room_codes (
    code         VARCHAR(32)  PRIMARY KEY,
    id           VARCHAR(24)  NOT NULL UNIQUE,    -- time-ordered, for keyset pagination
    workspace_id VARCHAR(24)  NOT NULL REFERENCES workspaces (id),
    room_id      VARCHAR(24)  NOT NULL REFERENCES rooms (id),
    role         VARCHAR(255) NOT NULL,
    enabled      BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX room_codes_by_room ON room_codes (workspace_id, room_id, id);
