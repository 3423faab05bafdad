package dev.hundred.server.activerooms;

import dev.hundred.server.events.DomainEvent;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;

/**
 * Who is in a room after a peer joined or left, published in that change's transaction: {@code humans}
 * counts connected peers that are not recorders ({@link LivePeer#BEAM}), {@code beams} the recorders.
 * {@code humansBefore} the people before this change. Auto-stop of recordings and streams ("the last non-beam
 * peer left") listens to it.
 */
public record Occupancy(Workspace workspace, Room room, String sessionId, int humans, int beams, int humansBefore,
                        Instant at) implements DomainEvent {}
