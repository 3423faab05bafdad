package dev.hundred.server.streamkeys;

import java.time.Instant;

/** A stored stream key; {@code active} is false once it was disabled (a disabled key never comes back). */
public record KeyRow(String id, String workspaceId, String roomId, String key, boolean active, Instant createdAt,
              Instant updatedAt) {}
