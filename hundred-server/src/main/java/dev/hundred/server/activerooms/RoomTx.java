package dev.hundred.server.activerooms;

import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One change in one room, for features outside the live plane (recording and streaming jobs, polls, timed
 * metadata): its transaction, with the room's row locked ({@link LiveAccess#inRoom}), the room, its live
 * session and peers, and the steps those features may take: add or remove a recorder peer, tell the
 * room's connected peers something, publish a webhook. Everything commits together, in order.
 */
public final class RoomTx {
    private final LiveRoom r;
    private final LivePlane live;

    RoomTx(LiveRoom r, LivePlane live) {
        this.r = r;
        this.live = live;
    }

    public Handle handle() {
        return r.h;
    }

    public Workspace workspace() {
        return r.ws;
    }

    public Room room() {
        return r.room;
    }

    /** The time of this change, on the server clock. */
    public Instant now() {
        return r.now;
    }

    /** The live session, or null when nobody is in the room. */
    public SessionRow session() {
        return r.session();
    }

    /** A poll run of the room was not stopped as this change began. */
    public boolean pollsRunning() {
        return r.pollsRunning;
    }

    /** This change opened the room's session (its first peer joined). */
    public boolean openedSession() {
        return r.openedSession();
    }

    /** Connected peers, in join order. */
    public List<LivePeer> peers() {
        return List.copyOf(r.peers());
    }

    public Optional<LivePeer> peer(String peerId) {
        return r.peer(peerId);
    }

    /** A peer this room has had, connected or gone (analytics reports client errors of either). */
    public Optional<LivePeer> knownPeer(String peerId) {
        return r.peer(peerId).or(() -> live.store().peer(r.h, r.ws.id(), r.room.id(), peerId));
    }

    /** Connected peers that are people: everyone but recorders. */
    public int humans() {
        return (int) r.peers().stream().filter(p -> !p.transport().equals(LivePeer.BEAM)).count();
    }

    /**
     * A peer of Hundred's own joins (a recorder, {@link LivePeer#BEAM}), without the join rules: it opens the
     * session if the room was empty, emits peer.join.success and the room's peers are told, like any peer.
     */
    public LivePeer joinInternal(String role, String name, String userId, String transport) {
        String peerId = Ids.uuid();
        live.join(r, peerId, role, name, userId == null || userId.isEmpty() ? peerId : userId, "",
                LivePeer.TYPE_REGULAR, transport, List.of());
        return r.requirePeer(peerId);
    }

    /** A connected peer leaves with {@code reason}; the session closes after the last one. Quiet if gone. */
    public void leave(String peerId, String reason) {
        r.peer(peerId).ifPresent(p -> live.leave(r, p, reason));
    }

    /** Tells every peer connected through the gateway (after the commit, in order). */
    public void tellAll(Map<String, Object> message) {
        live.tell(r, r.listeners(), message);
    }

    /** Tells these peers, those of them connected through the gateway. */
    public void tell(List<String> peerIds, Map<String, Object> message) {
        List<String> listening = r.listeners().stream().filter(peerIds::contains).toList();
        live.tell(r, listening, message);
    }

    /** Publishes a webhook of this room ({@link RoomEvent}): it is queued with this transaction. */
    public void emit(String type, Map<String, Object> data) {
        live.emit(r, type, data);
    }

    /** Records a refusal to throw after the commit (so what was published, a failure webhook, is kept). */
    public <R> R refuse(ApiError why) {
        return r.refuse(why);
    }
}
