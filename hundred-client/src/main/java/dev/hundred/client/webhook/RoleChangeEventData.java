package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of role.change.success, role.change.failure (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record RoleChangeEventData(String roomId,
                                  String roomName,
                                  String sessionId,
                                  String peerId,
                                  String userId,
                                  String templateId,
                                  String userName,
                                  String userData,
                                  String role,
                                  String previousRole,
                                  Instant joinedAt,
                                  Instant sessionStartedAt,
                                  Instant roleChangedAt,
                                  String roleChangeRequestedBy,
                                  String errorMessage,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
