package dev.hundred.server.sessions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A peer in a session's history (spec §6.1); a peer still connected has no {@code left_at}. */
public record SessionPeer(
        String id,
        String sessionId,
        String name,
        String role,
        String userId,
        Instant joinedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant leftAt) {}
