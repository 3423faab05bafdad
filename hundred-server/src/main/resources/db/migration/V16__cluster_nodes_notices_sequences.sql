-- Several nodes on one database (docs/cluster.md). Portable SQL (see V1).

-- Each running node: a row made at its start, its lease renewed every few seconds (machines' clock). A node
-- whose lease lapsed is gone: the others end the gateway peers whose sockets it held.
CREATE TABLE nodes (
    id          VARCHAR(24)  PRIMARY KEY,            -- new at every start
    name        VARCHAR(255) NOT NULL,               -- --node-name: the same across restarts of one node
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX nodes_by_name ON nodes (name);

-- The node holding a gateway peer's socket (null for peers no socket holds: emulator, recorders, SIP).
ALTER TABLE session_peers ADD COLUMN node_id VARCHAR(24);

-- Counters taken under a row lock held to the commit, so that their order is the commit order whichever
-- node takes them: 'webhook:<lane>' (order of a room's webhooks), 'notice:<room>' (what peers are told),
-- 'workspaces' (bumped on a secret change: every node drops its cached workspaces).
CREATE TABLE sequences (
    name  VARCHAR(300) PRIMARY KEY,
    counter BIGINT      NOT NULL
);

-- What a room's connected peers were told (PostgreSQL only): one row per notice, numbered per room, so that
-- a node whose LISTEN connection dropped, or that got a pointer instead of the notice, reads it here.
-- Kept a few minutes.
CREATE TABLE peer_notices (
    room_id    VARCHAR(24) NOT NULL,
    seq        BIGINT      NOT NULL,
    body       TEXT        NOT NULL,                 -- {"to":[...],"close":..,"reason":..,"message":{...}}
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,    -- the database's clock
    PRIMARY KEY (room_id, seq)
);
CREATE INDEX peer_notices_by_time ON peer_notices (created_at);

-- The row that heads its lane (the earliest still queued): only heads are claimable, so a claim no longer
-- walks the rows queued behind a failing head.
ALTER TABLE webhook_outbox ADD COLUMN head BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE webhook_outbox SET head = FALSE
    WHERE EXISTS (SELECT 1 FROM webhook_outbox p WHERE p.lane = webhook_outbox.lane AND p.seq < webhook_outbox.seq);
CREATE INDEX webhook_outbox_heads ON webhook_outbox (head, due_at, seq);
