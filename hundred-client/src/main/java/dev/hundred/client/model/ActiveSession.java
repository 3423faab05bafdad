package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live session of an {@link ActiveRoom}: its peers' ids.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record ActiveSession(String id,
                            Instant createdAt,
                            List<String> peers,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
