package dev.hundred.server.activerooms;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One unit of live work in one room, inside its transaction: the room, its live session (null when
 * nobody is in it), its connected peers (read on first use, then kept up to date) and the time of the
 * change. A refusal recorded here is thrown only after the commit, so its failure webhook is kept.
 */
final class LiveRoom {
    final Handle h;
    final Workspace ws;
    final Room room;
    final Instant now;
    private final LiveStore store;
    private SessionRow session;
    private boolean openedSession;
    private List<LivePeer> peers;
    /** The peers' tracks as read with them; {@link #tracksChanged} tells which are no longer as read. */
    private Map<String, Map<String, Track>> tracksRead;
    private final Set<String> tracksChanged = new HashSet<>();
    private ApiError refusal;

    /** The body text of the room's template as read with the room (its roles: {@link LivePlane#role}). */
    final String templateBody;
    /** A poll run of the room was not stopped as this change began (read with the room). */
    final boolean pollsRunning;

    LiveRoom(Handle h, Workspace ws, LiveStore.RoomState state, Instant now, LiveStore store) {
        this.h = h;
        this.ws = ws;
        this.room = state.room();
        this.templateBody = state.templateBody();
        this.session = state.session();
        this.pollsRunning = state.pollsRunning();
        this.now = now;
        this.store = store;
    }

    SessionRow session() {
        return session;
    }

    SessionRow requireSession() {
        if (session == null) {
            throw ActiveRoomErrors.activeRoomNotFound();
        }
        return session;
    }

    /** Connected peers in join order. */
    List<LivePeer> peers() {
        if (peers == null) {
            if (session == null) {
                peers = new ArrayList<>();
                tracksRead = Map.of();
            } else {
                LiveStore.LivePeers read = store.livePeers(h, session.id());
                peers = new ArrayList<>(read.peers());
                tracksRead = read.tracks();
            }
        }
        return peers;
    }

    /**
     * The peer's tracks as read with the peers, in publish order, unless they changed in this change since
     * (every change of a track goes through LivePlane#trackChanged, which says so here); empty when unknown.
     */
    Optional<Map<String, Track>> tracksAsRead(String peerId) {
        if (tracksRead == null || tracksChanged.contains(peerId)) {
            return Optional.empty();
        }
        return Optional.of(tracksRead.getOrDefault(peerId, Map.of()));
    }

    /** The peer's tracks are no longer as read (one was added, muted or removed in this change). */
    void tracksChanged(String peerId) {
        tracksChanged.add(peerId);
    }

    Optional<LivePeer> peer(String peerId) {
        return peers().stream().filter(p -> p.id().equals(peerId)).findFirst();
    }

    LivePeer requirePeer(String peerId) {
        return peer(peerId).orElseThrow(ActiveRoomErrors::peerNotFound);
    }

    long count(String role) {
        return peers().stream().filter(p -> p.role().equals(role)).count();
    }

    /** The connected peers that hold a gateway socket (emulator peers have nobody to tell), but one. */
    List<String> listenersExcept(String peerId) {
        return peers().stream().filter(p -> p.transport().equals(LivePeer.GATEWAY) && !p.id().equals(peerId))
                .map(LivePeer::id).toList();
    }

    List<String> listeners() {
        return listenersExcept(null);
    }

    /** The session opened in this change. */
    void opened(SessionRow s) {
        session = s;
        openedSession = true;
        peers = new ArrayList<>();
        tracksRead = Map.of();
    }

    boolean openedSession() {
        return openedSession;
    }

    void closed() {
        session = null;
        peers = new ArrayList<>();
        tracksRead = Map.of();
    }

    void added(LivePeer p) {
        peers().add(p);
    }

    void removed(LivePeer p) {
        peers().removeIf(other -> other.id().equals(p.id()));
    }

    void replaced(LivePeer p) {
        peers().replaceAll(other -> other.id().equals(p.id()) ? p : other);
    }

    /** Records why this change is refused; the caller returns, the transaction commits, then it is thrown. */
    <R> R refuse(ApiError why) {
        refusal = why;
        return null;
    }

    ApiError refusal() {
        return refusal;
    }
}
