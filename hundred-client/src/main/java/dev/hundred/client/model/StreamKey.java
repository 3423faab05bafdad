package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * An RTMP ingest key of a room (spec §12).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record StreamKey(String id,
                        String roomId,
                        String key,
                        String url,
                        String customerId,
                        String appId,
                        Boolean enabled,
                        Instant createdAt,
                        Instant updatedAt,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
