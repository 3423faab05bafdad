package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A room (spec §3.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Room(String id,
                   String name,
                   Boolean enabled,
                   String description,
                   String customerId,
                   String customer,
                   String appId,
                   RecordingInfo recordingInfo,
                   Boolean recordingSourceTemplate,
                   Boolean enabledSourceTemplate,
                   String templateId,
                   String template,
                   String region,
                   Boolean largeRoom,
                   Integer size,
                   Integer maxDurationSeconds,
                   List<String> polls,
                   RoomWebhook webhook,
                   String key,
                   Instant createdAt,
                   Instant updatedAt,
                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
