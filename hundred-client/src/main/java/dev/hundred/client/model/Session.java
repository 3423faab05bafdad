package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A session: one run of a room, with every peer that was in it (spec §6.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Session(String id,
                      String roomId,
                      String customerId,
                      String appId,
                      Boolean active,
                      Map<String, SessionPeer> peers,
                      Instant createdAt,
                      Instant updatedAt,
                      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
