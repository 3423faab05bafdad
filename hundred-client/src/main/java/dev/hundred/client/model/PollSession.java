package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A session a poll ran in, with its counts.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PollSession(String id,
                          String pollId,
                          String sessionId,
                          Instant startedAt,
                          Instant stoppedAt,
                          Integer totalResponses,
                          Integer uniqueParticipants,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
