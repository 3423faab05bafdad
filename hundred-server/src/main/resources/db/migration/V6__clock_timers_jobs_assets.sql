-- The media half's foundation (issue 6): the one clock every node reads, durable timers, the media jobs
-- (recordings, live streams, external streams) that run on them, the assets they produce, and the
-- emulator's per-workspace settings. Portable SQL for H2 (PostgreSQL mode) and PostgreSQL, as in V1.

-- The clock's offset from the machines' clocks (or the instant it is frozen at), shared by every node.
CREATE TABLE server_clock (
    id            INT         PRIMARY KEY,        -- always 1
    offset_micros BIGINT      NOT NULL,            -- added to the wall clock
    frozen_at     TIMESTAMP WITH TIME ZONE,        -- set: time stands still here
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO server_clock (id, offset_micros, frozen_at, updated_at) VALUES (1, 0, NULL, CURRENT_TIMESTAMP);

-- Durable timers: one row per (kind, subject), fired once by whichever node claims it first. due_at is on
-- the server clock (it moves with the emulator's clock); the lease is on the wall clock (it is about a
-- node being alive): a node that dies holding a timer gives it back when its lease lapses.
CREATE TABLE timers (
    id           VARCHAR(36)  PRIMARY KEY,
    kind         VARCHAR(64)  NOT NULL,            -- what fires it, e.g. jobs.phase, rooms.max_duration
    subject      VARCHAR(128) NOT NULL,            -- what it is about: a job id, a room id, ...
    lane         VARCHAR(128) NOT NULL,            -- timers of one lane (a room) fire one after the other
    workspace_id VARCHAR(24)  NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    seq          BIGINT       NOT NULL,            -- order among timers due at the same instant
    payload      TEXT         NOT NULL,            -- JSON, the kind's own
    lease_until  TIMESTAMP WITH TIME ZONE,         -- null: free to claim
    lease_token  VARCHAR(36),
    attempts     INT          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT timers_subject_unique UNIQUE (kind, subject)
);
CREATE INDEX timers_due ON timers (due_at, seq);

-- Recordings, live streams and external streams: one state machine (starting, running, stopping,
-- post_processing, completed | failed). The recorder ("beam") is a peer of the room while it runs.
CREATE TABLE media_jobs (
    id             VARCHAR(24)  PRIMARY KEY,
    workspace_id   VARCHAR(24)  NOT NULL REFERENCES workspaces (id),
    kind           VARCHAR(32)  NOT NULL,          -- recording | live_stream | external_stream
    room_id        VARCHAR(24)  NOT NULL REFERENCES rooms (id),
    session_id     VARCHAR(24)  NOT NULL,
    status         VARCHAR(32)  NOT NULL,
    destination    VARCHAR(255) NOT NULL,
    meeting_url    TEXT         NOT NULL,
    spec           TEXT         NOT NULL,          -- JSON: the kind's start parameters, defaults filled
    beam_peer_id   VARCHAR(36),
    metadata_id    VARCHAR(36)  NOT NULL,          -- the webhooks' metadata_id
    started_by     VARCHAR(64)  NOT NULL,
    stopped_by     VARCHAR(64)  NOT NULL,
    stop_reason    VARCHAR(255),
    error_type     VARCHAR(64),
    error_message  TEXT,
    paused_at      TIMESTAMP WITH TIME ZONE,       -- set while paused
    paused_micros  BIGINT       NOT NULL,          -- time spent paused before, not part of the duration
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    stopped_at     TIMESTAMP WITH TIME ZONE,
    completed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX media_jobs_by_kind ON media_jobs (workspace_id, kind, id);
CREATE INDEX media_jobs_by_room ON media_jobs (workspace_id, room_id, status);

-- What jobs produce (spec §9). The bytes are in asset_blobs so that every node can serve them.
CREATE TABLE recording_assets (
    id            VARCHAR(24)  PRIMARY KEY,
    workspace_id  VARCHAR(24)  NOT NULL REFERENCES workspaces (id),
    job_id        VARCHAR(24)  NOT NULL,
    room_id       VARCHAR(24)  NOT NULL,
    session_id    VARCHAR(24)  NOT NULL,
    asset_type    VARCHAR(32)  NOT NULL,
    path          TEXT         NOT NULL,           -- the storage URI the client sees (s3://...)
    status        VARCHAR(16)  NOT NULL,           -- completed | failed | processing
    size          BIGINT       NOT NULL,
    duration      INT          NOT NULL,
    thumbnails    TEXT,                            -- JSON array or null
    metadata      TEXT         NOT NULL,           -- JSON object
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recording_assets_by_workspace ON recording_assets (workspace_id, id);
CREATE INDEX recording_assets_by_job ON recording_assets (job_id, id);

CREATE TABLE asset_blobs (
    asset_id VARCHAR(24) PRIMARY KEY REFERENCES recording_assets (id),
    bytes    BYTEA       NOT NULL
);

-- The emulator's per-workspace settings ({"jobs": {...}, ...}); missing sections take their defaults.
CREATE TABLE emulator_settings (
    workspace_id VARCHAR(24) PRIMARY KEY REFERENCES workspaces (id),
    body         TEXT        NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
