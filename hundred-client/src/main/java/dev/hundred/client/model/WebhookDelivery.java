package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One delivery in the webhook history (spec §13.2).
 * Fields the API sends that a record does not name are kept in its {@code extra()}; a field the answer
 * left out is null.
 */
public record WebhookDelivery(String eventId,
                              String eventName,
                              String roomId,
                              Instant eventTimestamp,
                              Payload payload,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /**
     * What was sent and where: {@code eventData} is the event's {@code data} (read it as its family's record with
     * {@code Json.mapper().treeToValue(eventData, PeerEventData.class)}); {@code errorReason} only for a failed one.
     */
    public record Payload(JsonNode eventData,
                          String webhookUrl,
                          String originalEventName,
                          String errorReason,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
