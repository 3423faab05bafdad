package dev.hundred.server.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hundred.server.roomcodes.RoomCode;
import java.time.Instant;

/** A room code in a {@link Snapshot}, with the id that orders a room's codes (never on the API's wire). */
@JsonPropertyOrder({"id", "code", "room_id", "role", "enabled", "created_at", "updated_at"})
public record RoomCodeEntry(String id, String code, String roomId, String role, Boolean enabled, Instant createdAt,
                            Instant updatedAt) {

    static RoomCodeEntry of(RoomCode c) {
        return new RoomCodeEntry(c.id(), c.code(), c.roomId(), c.role(), c.enabled(), c.createdAt(), c.updatedAt());
    }

    RoomCode roomCode() {
        return new RoomCode(id, code, roomId, role, enabled == null || enabled, createdAt, updatedAt);
    }
}
