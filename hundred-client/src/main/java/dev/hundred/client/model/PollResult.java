package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * A peer's result for a quiz question.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PollResult(String id,
                         String pollId,
                         String sessionId,
                         Integer question,
                         Integer duration,
                         String peerId,
                         String userId,
                         Integer score,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
