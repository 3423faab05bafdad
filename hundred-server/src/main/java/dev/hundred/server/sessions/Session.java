package dev.hundred.server.sessions;

import java.time.Instant;
import java.util.Map;

/**
 * A session exactly as 100ms shows it (spec §6.1): {@code peers} is a map keyed by peer id in join order
 * (the docs' table says array, every example is a map), {@code updated_at} is the last change, which is
 * the end once the session is closed.
 */
public record Session(
        String id,
        String roomId,
        String customerId,
        String appId,
        boolean active,
        Map<String, SessionPeer> peers,
        Instant createdAt,
        Instant updatedAt) {}
