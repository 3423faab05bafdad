package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of peer.join.success, peer.leave.success, peer.join.failure, peer.leave.failure (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record PeerEventData(String roomId,
                            String roomName,
                            String sessionId,
                            String peerId,
                            String userId,
                            String templateId,
                            String userName,
                            String userData,
                            String role,
                            String type,
                            Instant joinedAt,
                            Instant leftAt,
                            Long duration,
                            String reason,
                            String message,
                            String errorMessage,
                            Instant sessionStartedAt,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
