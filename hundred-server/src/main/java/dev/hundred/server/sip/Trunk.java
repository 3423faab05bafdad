package dev.hundred.server.sip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A stored outbound trunk, as the emulator shows it: never a password (Hundred keeps none). */
public record Trunk(String id, @JsonIgnore String workspaceId, String username, String address, String from,
                    Instant createdAt, Instant updatedAt) {}
