-- Live streams (spec §10): the secret of each stream's playback URL, and the timed metadata sent to it.
-- The stream itself is a media job (V6). Portable SQL for H2 (PostgreSQL mode) and PostgreSQL.

-- The playback URL (/hls/v1/<job_id>/<token>/master.m3u8) is a bearer link like a CDN URL: this row says
-- which workspace's stream it is and holds the unguessable token.
CREATE TABLE live_stream_playback (
    job_id       VARCHAR(24) PRIMARY KEY REFERENCES media_jobs (id),
    workspace_id VARCHAR(24) NOT NULL REFERENCES workspaces (id),
    token        VARCHAR(64) NOT NULL
);

-- POST /v2/live-streams/{id}/timed-metadata: kept for the media playlists (EXT-X-DATERANGE) and the VOD.
CREATE TABLE live_stream_metadata (
    id               VARCHAR(36) PRIMARY KEY,
    workspace_id     VARCHAR(24) NOT NULL REFERENCES workspaces (id),
    job_id           VARCHAR(24) NOT NULL REFERENCES media_jobs (id),
    payload          TEXT        NOT NULL,
    duration_seconds INT         NOT NULL,
    start_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX live_stream_metadata_by_job ON live_stream_metadata (job_id, start_at);
