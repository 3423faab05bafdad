-- Webhooks (spec §17, §13.2-§13.3): the workspace's webhook, the outbox of deliveries still to make,
-- the history of deliveries made, every attempt, and replay workflows. Portable SQL (see V1).

-- The workspace-level webhook (the 100ms dashboard's Developer section). A room's own webhook lives in
-- rooms.webhook and wins for that room.
CREATE TABLE workspace_webhooks (
    workspace_id   VARCHAR(24) PRIMARY KEY REFERENCES workspaces (id),
    url            TEXT        NOT NULL,
    headers        TEXT        NOT NULL,          -- JSON object of custom headers
    signing_secret VARCHAR(512),                  -- Hundred extension: Standard Webhooks signing when set
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deliveries not yet finished. A row is written in the transaction of the change that caused it, so a
-- committed change always has its webhook queued. Rows of one lane (a room) go out one at a time, in
-- seq order; due_at is when the next attempt may start (pushed forward while an attempt is in flight,
-- as a lease, so a crashed node's row comes back by itself).
CREATE TABLE webhook_outbox (
    id             VARCHAR(36)  PRIMARY KEY,      -- the delivery id
    lane           VARCHAR(255) NOT NULL,         -- the room id; a replayed delivery has a lane of its own
    seq            BIGINT       NOT NULL,         -- order within the lane
    workspace_id   VARCHAR(24)  NOT NULL,
    room_id        VARCHAR(255) NOT NULL,
    event_id       VARCHAR(36)  NOT NULL,         -- the envelope's id
    event_type     VARCHAR(64)  NOT NULL,
    event_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    body           TEXT         NOT NULL,         -- the JSON sent, exactly
    url            TEXT         NOT NULL,
    host           VARCHAR(255) NOT NULL,         -- url's authority, to cap concurrent requests per receiver
    headers        TEXT         NOT NULL,         -- JSON object
    signing_secret VARCHAR(512),
    attempts       INT          NOT NULL,         -- attempts started so far
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    workflow_id    VARCHAR(96),                   -- set on replayed deliveries
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (due_at, seq);
CREATE INDEX webhook_outbox_lane ON webhook_outbox (lane, seq);

-- Finished deliveries: delivered (HTTP 200) or failed after the last retry. What
-- GET /v2/analytics/webhooks lists (replayed ones excepted) and what a replay resends.
CREATE TABLE webhook_deliveries (
    id             VARCHAR(36)  PRIMARY KEY,
    seq            BIGINT       NOT NULL,         -- the outbox seq: order among events of the same instant
    workspace_id   VARCHAR(24)  NOT NULL,
    room_id        VARCHAR(255) NOT NULL,
    event_id       VARCHAR(36)  NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    event_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    body           TEXT         NOT NULL,
    url            TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL,         -- success | failed
    error_reason   TEXT,
    attempts       INT          NOT NULL,
    workflow_id    VARCHAR(96),
    finished_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (workspace_id, event_at, seq);
CREATE INDEX webhook_deliveries_by_workflow ON webhook_deliveries (workflow_id);

-- Every attempt's outcome, kept with the delivery it belongs to.
CREATE TABLE webhook_attempts (
    delivery_id  VARCHAR(36) NOT NULL,
    attempt      INT         NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms  INT         NOT NULL,
    status_code  INT,                              -- null when no response came
    error        TEXT,                             -- null on success
    PRIMARY KEY (delivery_id, attempt)
);

-- Replays (§13.3): the deliveries they queued carry their workflow_id.
CREATE TABLE webhook_replays (
    id           VARCHAR(96) PRIMARY KEY,          -- webhook-replay-<customer_id>-<8 hex>
    workspace_id VARCHAR(24) NOT NULL,
    filter_key   TEXT        NOT NULL,             -- the filters, canonical: identical filters reuse a running replay
    filters      TEXT        NOT NULL,             -- JSON, as the status endpoint shows them
    total        INT         NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_replays_by_workspace ON webhook_replays (workspace_id, started_at);
