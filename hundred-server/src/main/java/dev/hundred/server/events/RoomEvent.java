package dev.hundred.server.events;

import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.Map;

/**
 * A change in a room that 100ms reports as a webhook (spec §17.4). {@code type} is the 100ms event
 * name ({@code peer.join.success}, ...), {@code data} its data fields in the spec's order (a
 * LinkedHashMap), {@code at} when it happened, {@code id} the envelope's {@code id} (UUID v4): the same in
 * the webhook and in the emulator's event inbox. Published in the transaction that made the change, so
 * the webhook outbox row and the inbox entry commit with it.
 */
public record RoomEvent(Workspace workspace, String roomId, String type, Map<String, Object> data, Instant at, String id)
        implements DomainEvent {

    /** A new event with an id of its own. */
    public RoomEvent(Workspace workspace, String roomId, String type, Map<String, Object> data, Instant at) {
        this(workspace, roomId, type, data, at, Ids.uuid());
    }
}
