package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of session.open.success, session.close.success (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record SessionEventData(String roomId,
                               String roomName,
                               String sessionId,
                               String templateId,
                               Instant sessionStartedAt,
                               Long sessionDuration,
                               Instant sessionStoppedAt,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
