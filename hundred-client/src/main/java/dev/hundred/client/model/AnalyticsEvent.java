package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * An analytics event (spec §13.1): track, beam.recording.success and client error events.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record AnalyticsEvent(String version,
                             String id,
                             Instant timestamp,
                             String type,
                             Map<String, Object> data,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
