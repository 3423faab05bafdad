package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * A room with a live session (spec §7.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record ActiveRoom(String id,
                         String name,
                         String customerId,
                         ActiveSession session,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
