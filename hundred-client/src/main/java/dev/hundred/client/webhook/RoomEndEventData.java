package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of room.end.success, room.end.failure (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record RoomEndEventData(String roomId,
                               String roomName,
                               String sessionId,
                               String peerId,
                               String userId,
                               String templateId,
                               String userName,
                               String role,
                               Boolean lockRoom,
                               String reason,
                               String source,
                               Instant sessionStartedAt,
                               String errorMessage,
                               Integer errorCode,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
