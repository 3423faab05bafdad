-- Recordings (issue 6): what peers said, given through the emulator
-- (POST /emulator/v1/rooms/{room_id}/peers/{peer_id}/speech), at the server clock. A recording's transcript
-- and summary are made from the turns of its session that fall within it. Portable SQL, as in V1.
CREATE TABLE speech_turns (
    id              VARCHAR(24) PRIMARY KEY,
    workspace_id    VARCHAR(24) NOT NULL REFERENCES workspaces (id),
    room_id         VARCHAR(24) NOT NULL,
    session_id      VARCHAR(24) NOT NULL,
    peer_id         VARCHAR(36) NOT NULL,
    peer_name       TEXT        NOT NULL,              -- the peer's name when it spoke
    spoken_text     TEXT        NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL, -- when the turn began (the call's server time)
    duration_micros BIGINT      NOT NULL
);
CREATE INDEX speech_turns_by_session ON speech_turns (workspace_id, session_id, started_at);
