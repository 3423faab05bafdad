package dev.hundred.server.activerooms;

import dev.hundred.server.events.DomainEvent;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;

/**
 * A track was published ({@code track.add.success}), muted or unmuted ({@code track.update.success}) or
 * went away ({@code track.remove.success}, also when its peer left), through the gateway or the emulator;
 * published in the change's transaction. Analytics keeps these as track events (spec §13.1).
 */
public record TrackChanged(Workspace workspace, Room room, SessionRow session, LivePeer peer, Track track,
                           String type, Instant at) implements DomainEvent {
    public static final String ADD = "track.add.success";
    public static final String UPDATE = "track.update.success";
    public static final String REMOVE = "track.remove.success";
}
