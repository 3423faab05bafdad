package dev.hundred.server.polls;

import java.time.Instant;

/**
 * One run of a poll: in one session of one room, from its start (automatic at the session's start, or by a
 * peer or the emulator) until it stops (by request, its duration, the session's end). A poll runs at most
 * once per session. {@code startedBy} is the peer that started it, empty otherwise.
 */
record PollRun(String id, String workspaceId, String pollId, String roomId, String sessionId, String startedBy,
               Instant startedAt, Instant stoppedAt, String stopReason) {

    boolean running() {
        return stoppedAt == null;
    }
}
