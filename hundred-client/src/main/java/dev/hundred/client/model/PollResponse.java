package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * An answer to a poll question.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PollResponse(String id,
                           String pollId,
                           String sessionId,
                           Integer duration,
                           Integer question,
                           Boolean skipped,
                           String text,
                           Boolean update,
                           String originalResponse,
                           Integer retries,
                           Instant sentAt,
                           String peerId,
                           String userId,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
