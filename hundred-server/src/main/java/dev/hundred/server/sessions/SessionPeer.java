package dev.hundred.server.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A peer in a session's history (spec §6.1); a peer still connected has no {@code left_at}. {@code user}
 * is the deprecated duplicate of {@code user_id} the spec lists.
 */
@JsonPropertyOrder({"id", "session_id", "name", "role", "user_id", "user", "joined_at", "left_at"})
public record SessionPeer(
        String id,
        String sessionId,
        String name,
        String role,
        String userId,
        Instant joinedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant leftAt) {

    @JsonProperty("user")
    public String user() {
        return userId;
    }
}
