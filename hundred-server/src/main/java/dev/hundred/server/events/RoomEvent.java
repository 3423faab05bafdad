package dev.hundred.server.events;

import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.Map;

/**
 * A change in a room that 100ms reports as a webhook (spec §17.4). {@code type} is the 100ms event
 * name ({@code peer.join.success}, ...), {@code data} its data fields in the spec's order (a
 * LinkedHashMap), {@code at} when it happened. Published in the transaction that made the change, so
 * the webhook outbox row commits with it.
 */
public record RoomEvent(Workspace workspace, String roomId, String type, Map<String, Object> data, Instant at)
        implements DomainEvent {}
