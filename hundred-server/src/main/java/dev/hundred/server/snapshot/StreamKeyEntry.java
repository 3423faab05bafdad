package dev.hundred.server.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hundred.server.streamkeys.KeyRow;
import java.time.Instant;

/** A stream key in a {@link Snapshot}, disabled ones included (a disabled key never comes back). */
@JsonPropertyOrder({"id", "room_id", "key", "active", "created_at", "updated_at"})
public record StreamKeyEntry(String id, String roomId, String key, Boolean active, Instant createdAt, Instant updatedAt) {

    static StreamKeyEntry of(KeyRow k) {
        return new StreamKeyEntry(k.id(), k.roomId(), k.key(), k.active(), k.createdAt(), k.updatedAt());
    }

    KeyRow keyRow() {
        return new KeyRow(id, null, roomId, key, active == null || active, createdAt, updatedAt);
    }
}
