-- Idempotency keys (issue 7): a POST under /v2 with an Idempotency-Key header claims (workspace, key) by
-- inserting this row before it does its work, and stores its answer here afterwards; a repeat with the same
-- request gets that answer back. The primary key is what makes "never run twice, on any node" hold: only
-- one INSERT wins. Portable SQL (see V1).
--
-- created_at/expires_at are on the server clock (the emulator moves it: a test sees a key expire after
-- 24 h); heartbeat_at is on the wall clock (it is about the holding node being alive, as timers' leases).
CREATE TABLE idempotency_keys (
    workspace_id  VARCHAR(24)   NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,                -- the header's value, 1..255 printable ASCII
    path_hash     VARCHAR(64)   NOT NULL,                -- SHA-256 (hex) of the request's path and query
    body_hash     VARCHAR(64)   NOT NULL,                -- SHA-256 (hex) of the body, JSON canonicalised
    claim         VARCHAR(36)   NOT NULL,                -- the request that holds the key (a UUID)
    node          VARCHAR(36)   NOT NULL,                -- the server process running it, which heartbeats
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status        INT,                                   -- null while the first request runs
    content_type  TEXT,
    body          BYTEA,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (workspace_id, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
CREATE INDEX idempotency_keys_node ON idempotency_keys (node, status);
