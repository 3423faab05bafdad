package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A peer's published track.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Track(String id,
                    String streamId,
                    Boolean mute,
                    String type,
                    String source,
                    Instant startedAt,
                    String description,
                    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
