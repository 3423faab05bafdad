package dev.hundred.server.polls;

import java.time.Instant;

/**
 * A run of a poll as {@code GET /v2/polls/{poll_id}/sessions} lists it (spec §14.2); {@code stopped_at} is
 * null while it runs. {@code total_responses} counts every response received, updates included;
 * {@code unique_participants} who sent them (peers or users, by the poll's mode).
 */
public record PollSession(String id, String pollId, String sessionId, Instant startedAt, Instant stoppedAt,
                          int totalResponses, int uniqueParticipants) {}
