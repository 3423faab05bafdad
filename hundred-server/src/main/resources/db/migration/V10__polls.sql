-- Polls and quizzes (spec §14): their definitions, their runs (a poll runs at most once per session),
-- every answer, and the scores. Portable SQL for H2 (PostgreSQL mode) and PostgreSQL, as in V1.

-- A poll as the API shows it, every default filled, as JSON: questions and options are positions
-- (re-indexed on delete), always read and rewritten with their poll.
CREATE TABLE polls (
    id           VARCHAR(24) PRIMARY KEY,
    workspace_id VARCHAR(24) NOT NULL REFERENCES workspaces (id),
    body         TEXT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One run of a poll in one session ("poll sessions" in the API): running while stopped_at is null.
CREATE TABLE poll_runs (
    id           VARCHAR(24) PRIMARY KEY,
    workspace_id VARCHAR(24) NOT NULL REFERENCES workspaces (id),
    poll_id      VARCHAR(24) NOT NULL REFERENCES polls (id),
    room_id      VARCHAR(24) NOT NULL,
    session_id   VARCHAR(24) NOT NULL,
    started_by   VARCHAR(36) NOT NULL,            -- the peer that started it; '' at session start or by the emulator
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE,
    stop_reason  VARCHAR(64),
    CONSTRAINT poll_runs_once_per_session UNIQUE (poll_id, session_id)
);
CREATE INDEX poll_runs_by_poll ON poll_runs (poll_id, id);
CREATE INDEX poll_runs_running ON poll_runs (session_id, stopped_at);
CREATE INDEX poll_runs_by_room ON poll_runs (workspace_id, room_id, stopped_at);

-- Every answer received. participant is who answered (a hash of the peer id or the user id, by the poll's
-- mode), kept even for anonymous polls, whose peer_id and user_id stay empty. A changed answer marks the
-- one it replaces superseded.
CREATE TABLE poll_responses (
    id                VARCHAR(24)   PRIMARY KEY,
    workspace_id      VARCHAR(24)   NOT NULL REFERENCES workspaces (id),
    poll_id           VARCHAR(24)   NOT NULL,
    run_id            VARCHAR(24)   NOT NULL REFERENCES poll_runs (id),
    session_id        VARCHAR(24)   NOT NULL,
    question_index    INT           NOT NULL,
    participant       VARCHAR(64)   NOT NULL,
    peer_id           VARCHAR(36)   NOT NULL,
    user_id           VARCHAR(1024) NOT NULL,
    skipped           BOOLEAN       NOT NULL,
    option_index      INT,                        -- single-choice
    option_list       TEXT,                       -- multiple-choice: JSON array of option indexes
    answer_text       TEXT          NOT NULL,
    duration_ms       BIGINT        NOT NULL,
    original_response VARCHAR(24)   NOT NULL,     -- the answer this one replaced, '' for a first answer
    retries           INT           NOT NULL,
    superseded        BOOLEAN       NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX poll_responses_by_poll ON poll_responses (poll_id, id);
CREATE INDEX poll_responses_by_participant ON poll_responses (run_id, participant, question_index);

-- A participant's score on one question in one run, updated when they change their answer.
CREATE TABLE poll_results (
    id             VARCHAR(24)   PRIMARY KEY,
    workspace_id   VARCHAR(24)   NOT NULL REFERENCES workspaces (id),
    poll_id        VARCHAR(24)   NOT NULL,
    run_id         VARCHAR(24)   NOT NULL REFERENCES poll_runs (id),
    session_id     VARCHAR(24)   NOT NULL,
    question_index INT           NOT NULL,
    participant    VARCHAR(64)   NOT NULL,
    peer_id        VARCHAR(36)   NOT NULL,
    user_id        VARCHAR(1024) NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    score          INT           NOT NULL,
    CONSTRAINT poll_results_once UNIQUE (run_id, participant, question_index)
);
CREATE INDEX poll_results_by_poll ON poll_results (poll_id, id);
