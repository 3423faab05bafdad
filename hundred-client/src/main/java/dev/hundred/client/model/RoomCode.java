package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A room code: one (room, role) pair to join with (spec §4.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record RoomCode(String code,
                       String roomId,
                       String role,
                       Boolean enabled,
                       Instant createdAt,
                       Instant updatedAt,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
