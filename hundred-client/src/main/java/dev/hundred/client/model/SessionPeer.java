package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A peer in a session's history; {@code leftAt} is null while it is connected.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record SessionPeer(String id,
                          String sessionId,
                          String name,
                          String role,
                          String userId,
                          String user,
                          Instant joinedAt,
                          Instant leftAt,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
