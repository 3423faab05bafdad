package dev.hundred.server.roomcodes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A room code as 100ms shows it (spec §4.1). {@code id} is ours and never on the wire: it orders codes
 * by creation and is the list cursor. {@code updatedAt} is when {@code enabled} last changed.
 */
@JsonPropertyOrder({"code", "room_id", "role", "enabled", "created_at", "updated_at"})
public record RoomCode(
        @JsonIgnore String id,
        String code,
        String roomId,
        String role,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    RoomCode withEnabled(boolean value, Instant at) {
        return new RoomCode(id, code, roomId, role, value, createdAt, at);
    }
}
