package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One delivery in the webhook history (spec §13.2); {@code payload} holds event_data, webhook_url, original_event_name and error_reason.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record WebhookDelivery(String eventId,
                              String eventName,
                              String roomId,
                              Instant eventTimestamp,
                              JsonNode payload,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
