package dev.hundred.server.polls;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A participant's score on one question in one run (spec §14.2), kept up to date as they change their
 * answer; {@code duration} is that answer's. See {@link Scoring} for how scores are counted.
 */
public record PollResult(
        String id,
        String pollId,
        String sessionId,
        int question,
        long duration,
        String peerId,
        String userId,
        int score,
        @JsonIgnore String runId,
        @JsonIgnore String participant) {}
