package dev.hundred.server.activerooms;

import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.timers.Timer;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.workspaces.Workspace;
import dev.hundred.server.workspaces.WorkspaceService;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The limits the cloud puts on a session: the room's {@code max_duration_seconds} and, in any case, 12 hours
 * (spec §1.8). A durable timer is set when the session opens and cancelled when it closes; when it fires,
 * every peer is removed with the reason {@code server removed peer} (spec §17.5) and the session closes.
 */
public final class SessionLimits {
    public static final String TIMER = "rooms.max_duration";
    static final long MAX_SESSION_SECONDS = 12 * 3600;
    static final String REASON = "server removed peer";
    static final String MESSAGE = "max duration reached";

    private final LivePlane live;
    private final Timers timers;
    private final WorkspaceService workspaces;

    public SessionLimits(LivePlane live, Timers timers, WorkspaceService workspaces) {
        this.live = live;
        this.timers = timers;
        this.workspaces = workspaces;
    }

    static Instant endOf(Room room, Instant start) {
        long limit = room.maxDurationSeconds() > 0 ? Math.min(room.maxDurationSeconds(), MAX_SESSION_SECONDS)
                : MAX_SESSION_SECONDS;
        return start.plusSeconds(limit);
    }

    static String payload(String roomId) {
        return Json.write(Map.of("room_id", roomId));
    }

    /** The timer's handler: the session (its id is the timer's subject) ends if it is still the live one. */
    public void fire(Timer timer) {
        Workspace ws = workspaces.byId(timer.workspaceId());
        String roomId = timer.payloadJson().path("room_id").asText();
        live.inRoom(ws, roomId, r -> {
            if (!timers.consume(r.h, timer) || r.session() == null || !r.session().id().equals(timer.subject())) {
                return null;
            }
            for (LivePeer p : List.copyOf(r.peers())) {
                live.depart(r, p, REASON, MESSAGE, Notices.removed(REASON, MESSAGE), PeerNotice.CLOSE_REMOVED, false);
            }
            live.closeIfEmpty(r);
            return null;
        });
    }
}
