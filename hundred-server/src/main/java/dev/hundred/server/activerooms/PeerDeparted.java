package dev.hundred.server.activerooms;

import dev.hundred.server.events.DomainEvent;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;

/**
 * A connected peer left (any reason, any transport), published in the transaction that made it leave,
 * with the room's row locked. The jobs feature hears its recorders ("beam" peers) being removed by others.
 */
public record PeerDeparted(Workspace workspace, Room room, String sessionId, LivePeer peer, String reason,
                           Instant at) implements DomainEvent {}
