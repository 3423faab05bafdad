package dev.hundred.server.sessions;

import java.time.Instant;

/** A stored session without its peers: what the live plane needs to open, touch and close one. */
public record SessionRow(String id, String roomId, boolean active, Instant createdAt, Instant updatedAt) {}
