-- The emulator's event inbox and fault rules (docs/emulator.md). Portable SQL for H2 (PostgreSQL mode)
-- and PostgreSQL, as in V1.

-- Every webhook event a workspace emitted, webhook configured or not, written in the transaction of the
-- change (a rolled-back change leaves none). body is the envelope a receiver gets. seq is the event's
-- place in its workspace's inbox, given once it has committed (by whoever reads or the node's inbox
-- worker, under the workspace's counter row), so that the inbox is in commit order and an event that
-- commits late still comes after every event a reader has already seen. arrival orders the events that
-- are numbered together (the order they were written in).
CREATE TABLE emulator_events (
    id           VARCHAR(36)  PRIMARY KEY,            -- the envelope's id (UUID v4), as webhooks send it
    workspace_id VARCHAR(24)  NOT NULL REFERENCES workspaces (id),
    seq          BIGINT,                              -- null until numbered
    arrival      BIGINT       NOT NULL,
    room_id      VARCHAR(255) NOT NULL,
    event_type   VARCHAR(128) NOT NULL,
    body         TEXT         NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL    -- server clock; kept 24 h
);
CREATE INDEX emulator_events_by_seq ON emulator_events (workspace_id, seq);
CREATE INDEX emulator_events_by_age ON emulator_events (recorded_at);

-- The last seq given in each workspace's inbox; its row is the lock numbering takes.
CREATE TABLE emulator_event_counters (
    workspace_id VARCHAR(24) PRIMARY KEY REFERENCES workspaces (id),
    last_seq     BIGINT      NOT NULL
);

-- Fault rules. remaining counts down from times (null: unlimited), claimed by a conditional UPDATE so that
-- `times` holds across concurrent requests and nodes; injected counts the requests it answered or delayed.
CREATE TABLE emulator_faults (
    id           VARCHAR(24)      PRIMARY KEY,
    workspace_id VARCHAR(24)      NOT NULL REFERENCES workspaces (id),
    method       VARCHAR(8)       NOT NULL,           -- a verb or *
    path         VARCHAR(1024)    NOT NULL,           -- a glob
    status       INT,                                 -- null: a delay only
    message      VARCHAR(1024),
    delay_ms     INT              NOT NULL,
    times        INT,
    remaining    INT,
    probability  DOUBLE PRECISION NOT NULL,
    seed         BIGINT,
    injected     BIGINT           NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX emulator_faults_by_workspace ON emulator_faults (workspace_id, id);
