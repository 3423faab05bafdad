package dev.hundred.server.polls;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's poll messages (docs/gateway.md, Polls), sent to peers whose role may read polls. */
final class PollNotices {
    static final String STOPPED_BY_REQUEST = "client request";
    static final String STOPPED_BY_DURATION = "duration elapsed";
    static final String STOPPED_BY_SESSION_END = "session ended";

    private PollNotices() {}

    /**
     * A poll started (or was running when the peer joined): the poll without its hidden answers, and when its
     * duration ends it (null: when stopped or at the session's end).
     */
    static Map<String, Object> started(Poll poll, PollRun run, Instant stopsAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "poll-started");
        m.put("poll", poll.forPeers());
        m.put("session_id", run.sessionId());
        m.put("started_at", run.startedAt());
        m.put("started_by", run.startedBy().isEmpty() ? null : run.startedBy());
        m.put("stops_at", stopsAt);
        return m;
    }

    /** A poll stopped: now its answers may be shown, so the poll comes whole. */
    static Map<String, Object> stopped(Poll poll, PollRun run, Instant at, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "poll-stopped");
        m.put("poll_id", run.pollId());
        m.put("session_id", run.sessionId());
        m.put("stopped_at", at);
        m.put("reason", reason);
        m.put("poll", poll);
        return m;
    }
}
