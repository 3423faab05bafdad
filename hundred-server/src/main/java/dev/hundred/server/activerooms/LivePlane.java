package dev.hundred.server.activerooms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.DomainEvents;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.sessions.SessionRow;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The steps every live change is made of, shared by the gateway, the emulator and the active-rooms API:
 * a peer joins (opening the session if it is the first), a peer departs (closing the session if it was
 * the last), and each step publishes its webhook (a {@link RoomEvent}) and what connected peers are told
 * (a {@link PeerNotice}) in the same transaction, in the order things happened.
 */
public final class LivePlane {
    /** Rooms share this many locks; two rooms on one stripe only wait for each other, never deadlock. */
    private static final int STRIPES = 256;

    private final Database db;
    private final RoomService rooms;
    private final TemplateService templates;
    private final SessionService sessions;
    private final LiveStore store;
    private final DomainEvents events;
    private final Timers timers;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** Told of every gateway peer's join in its transaction ({@link LiveAccess#onSocketJoin}). */
    private final List<BiConsumer<RoomTx, LivePeer>> socketJoins = new CopyOnWriteArrayList<>();
    /** This node (cluster/Nodes): recorded on the gateway peers whose sockets it holds. */
    private final String nodeId;
    /** PostgreSQL folds a join's and a departure's writes into one statement each (data-changing WITHs). */
    private final boolean postgres;

    public LivePlane(Database db, RoomService rooms, TemplateService templates, SessionService sessions,
                     LiveStore store, DomainEvents events, Timers timers, Clock clock, String nodeId) {
        this.nodeId = nodeId;
        this.db = db;
        this.postgres = db.dialect() == SqlDialect.POSTGRES;
        this.rooms = rooms;
        this.templates = templates;
        this.sessions = sessions;
        this.store = store;
        this.events = events;
        this.timers = timers;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Runs a change in one room. The room's row is locked in the transaction (changes in a room happen one
     * after the other, on any node), and this node's lock for the room is held until the notices of the
     * commit are sent too, so connected peers hear of changes in the order they were made.
     */
    <R> R inRoom(Workspace ws, String roomId, Function<LiveRoom, R> work) {
        ReentrantLock lock = stripes[Math.floorMod(roomId.hashCode(), STRIPES)];
        lock.lock();
        try {
            LiveRoom[] done = new LiveRoom[1];
            R result = db.tx(h -> {
                LiveStore.RoomState state = rooms.requireLocked(h, ws, roomId, LiveStore.STATE);
                done[0] = new LiveRoom(h, ws, state, clock.instant(), store);
                return work.apply(done[0]);
            });
            if (done[0].refusal() != null) {
                throw done[0].refusal();
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** A read of one room's live state, without locks. */
    <R> R read(Workspace ws, String roomId, Function<LiveRoom, R> work) {
        return db.read(h -> {
            LiveStore.RoomState state = rooms.require(h, ws, roomId, LiveStore.STATE);
            return work.apply(new LiveRoom(h, ws, state, clock.instant(), store));
        });
    }

    /** A read of the live state outside any one room. */
    <R> R read(Function<Handle, R> work) {
        return db.read(work::apply);
    }

    boolean sessionExists(Handle h, Workspace ws, String sessionId) {
        return sessions.exists(h, ws, sessionId);
    }

    LiveStore store() {
        return store;
    }

    /** The role as the room's template defines it, or empty when the template has no such role. */
    Optional<JsonNode> role(LiveRoom r, String role) {
        return templates.role(r.room.templateId(), r.templateBody, role);
    }

    /**
     * Adds a peer, opening the session first if the room was empty (and setting its limit: the room's
     * {@code max_duration_seconds}, at most the cloud's 12 h). {@code type} is the webhook's peer type
     * ({@code regular} or {@code sip}); {@code transport} who holds the peer (gateway, emulator, beam, ...).
     */
    ActivePeer join(LiveRoom r, String peerId, String role, String name, String userId, String metadata,
                    String type, String transport, List<Bodies.TrackBody> tracks) {
        if (r.session() == null) {
            r.opened(sessions.open(r.h, r.ws, r.room.id(), r.now));
            emit(r, RoomEventData.SESSION_OPEN, RoomEventData.sessionOpen(r.room, r.session()));
            timers.schedule(r.h, SessionLimits.TIMER, r.session().id(), r.room.id(), r.ws.id(), SessionLimits.endOf(r.room, r.now),
                    SessionLimits.payload(r.room.id()));
        }
        SessionRow s = r.session();
        LivePeer peer = new LivePeer(peerId, r.ws.id(), r.room.id(), s.id(), name, role, userId, metadata, type,
                transport, r.now, null);
        String node = transport.equals(LivePeer.GATEWAY) ? nodeId : null;
        if (postgres) {
            store.insertPeerTouching(r.h, peer, node, r.now); // one statement for the two
        } else {
            store.insertPeer(r.h, peer, node);
            sessions.touch(r.h, s, r.now);
        }
        r.added(peer);
        emit(r, RoomEventData.PEER_JOIN, RoomEventData.peerJoin(r.room, s, peer));
        // The new peer's tracks are the ones published here, in publish order: no read needed for its view.
        Map<String, Track> own = new LinkedHashMap<>();
        if (tracks != null) {
            tracks.forEach(t -> {
                Track track = publish(r, peer, t);
                own.put(track.id(), track);
            });
        }
        occupancy(r, peer, true);
        ActivePeer self = peer.view(own);
        List<PeerNotice> told = new java.util.ArrayList<>(2);
        if (transport.equals(LivePeer.GATEWAY)) {
            // The others' tracks as read with them (none changed in a join), the new peer's as it published them.
            Map<String, ActivePeer> everyone = new LinkedHashMap<>();
            r.peers().forEach(p -> everyone.put(p.id(), p.id().equals(peerId) ? self : view(r, p)));
            told.add(new PeerNotice(r.room.id(), List.of(peerId), Notices.joined(r.room, s, self, everyone), 0, null));
        }
        List<String> others = r.listenersExcept(peerId);
        if (!others.isEmpty()) {
            told.add(new PeerNotice(r.room.id(), others, Notices.peerJoined(self), 0, null));
        }
        tellAll(r, told);
        if (transport.equals(LivePeer.GATEWAY) && !socketJoins.isEmpty()) {
            RoomTx tx = new RoomTx(r, this);
            socketJoins.forEach(listener -> listener.accept(tx, peer));
        }
        return self;
    }

    void onSocketJoin(BiConsumer<RoomTx, LivePeer> listener) {
        socketJoins.add(listener);
    }

    /** Publishes notices of one change together (one statement on PostgreSQL: cluster/Notices), in order. */
    private void tellAll(LiveRoom r, List<PeerNotice> notices) {
        if (notices.size() == 1) {
            events.publish(r.h, notices.get(0));
        } else if (!notices.isEmpty()) {
            events.publish(r.h, new PeerNotice.Batch(List.copyOf(notices)));
        }
    }

    /**
     * A connected peer leaves: its webhook, a farewell to its own socket (which is then closed; nobody
     * hears it if the socket is already gone) and, unless the whole room is ending, word to the others.
     */
    void depart(LiveRoom r, LivePeer p, String reason, String message, Map<String, Object> farewell, int closeCode,
                boolean tellOthers) {
        SessionRow s = r.requireSession();
        tracksOf(r, p.id()).values().forEach(t -> trackChanged(r, p, t, TrackChanged.REMOVE));
        if (postgres) {
            store.departTouching(r.h, p.id(), s.id(), r.now, reason); // one statement for the three
        } else {
            store.markLeft(r.h, p.id(), r.now, reason);
            store.deleteTracksOf(r.h, p.id());
            sessions.touch(r.h, s, r.now);
        }
        r.removed(p);
        emit(r, RoomEventData.PEER_LEAVE, RoomEventData.peerLeave(r.room, s, p, r.now, reason, message));
        events.publish(r.h, new PeerDeparted(r.ws, r.room, s.id(), p, reason, r.now));
        occupancy(r, p, false);
        List<PeerNotice> told = new java.util.ArrayList<>(2);
        if (p.transport().equals(LivePeer.GATEWAY)) {
            told.add(new PeerNotice(r.room.id(), List.of(p.id()), farewell, closeCode, reason));
        }
        List<String> others = tellOthers ? r.listeners() : List.of();
        if (!others.isEmpty()) {
            told.add(new PeerNotice(r.room.id(), others, Notices.peerLeft(p.id(), reason, message), 0, null));
        }
        tellAll(r, told);
    }

    /** The usual departure: the peer left (or its socket did); the session closes after the last one. */
    void leave(LiveRoom r, LivePeer p, String reason) {
        leave(r, p, reason, "");
    }

    /** The same, with a {@code message} saying more (the webhook's and the peer-left notice's). */
    void leave(LiveRoom r, LivePeer p, String reason, String message) {
        depart(r, p, reason, message, Notices.left(reason), PeerNotice.CLOSE_LEFT, true);
        closeIfEmpty(r);
    }

    void closeIfEmpty(LiveRoom r) {
        if (r.session() != null && r.peers().isEmpty()) {
            SessionRow s = r.session();
            timers.cancel(r.h, SessionLimits.TIMER, s.id());
            sessions.close(r.h, s, r.now);
            emit(r, RoomEventData.SESSION_CLOSE, RoomEventData.sessionClose(r.room, s, r.now));
            r.closed();
        }
    }

    Track publish(LiveRoom r, LivePeer peer, Bodies.TrackBody body) {
        String source = body.source() == null || body.source().isEmpty() ? "regular" : body.source();
        String stream = store.streamOf(r.h, peer.id(), source).orElseGet(Ids::uuid);
        Track track = new Track(Ids.uuid(), stream, Boolean.TRUE.equals(body.mute()), body.type(), source, r.now,
                body.description() == null ? "" : body.description());
        store.insertTrack(r.h, peer.id(), track);
        trackChanged(r, peer, track, TrackChanged.ADD);
        return track;
    }

    /** For analytics: a track of {@code peer} was added, updated (muted, unmuted) or removed. */
    void trackChanged(LiveRoom r, LivePeer peer, Track track, String type) {
        r.tracksChanged(peer.id());
        events.publish(r.h, new TrackChanged(r.ws, r.room, r.requireSession(), peer, track, type, r.now));
    }

    /** Who is in the room now; recorders do not count as people (auto-stop waits for the last person). */
    private void occupancy(LiveRoom r, LivePeer changed, boolean joined) {
        int beams = (int) r.peers().stream().filter(p -> p.transport().equals(LivePeer.BEAM)).count();
        int humans = r.peers().size() - beams;
        int person = changed.transport().equals(LivePeer.BEAM) ? 0 : 1;
        events.publish(r.h, new Occupancy(r.ws, r.room, r.session() == null ? null : r.session().id(),
                humans, beams, joined ? humans - person : humans + person, r.now));
    }

    ActivePeer view(LiveRoom r, LivePeer p) {
        return p.view(tracksOf(r, p.id()));
    }

    /** A connected peer's tracks, in publish order: as read with the room's peers while unchanged, else read. */
    Map<String, Track> tracksOf(LiveRoom r, String peerId) {
        return r.tracksAsRead(peerId).orElseGet(() -> store.tracksOf(r.h, peerId));
    }

    /** Keeps a message in the session's chat record and delivers it; {@code sender} null for the API. */
    ChatMessage send(LiveRoom r, LivePeer sender, Bodies.Message body) {
        SessionRow s = r.requireSession();
        String toPeer = blankToNull(body.peerId());
        String toRole = toPeer == null ? blankToNull(body.role()) : null;
        if (toPeer != null) {
            r.requirePeer(toPeer);
        }
        String type = blankToNull(body.type()) == null ? "chat" : body.type();
        ChatMessage msg = new ChatMessage(Ids.uuid(), s.id(), sender == null ? null : sender.id(), toPeer, toRole,
                type, body.message(), r.now);
        store.insertMessage(r.h, r.ws.id(), msg);
        String from = sender == null ? null : sender.id();
        List<String> to = r.peers().stream()
                .filter(p -> p.transport().equals(LivePeer.GATEWAY) && !p.id().equals(from))
                .filter(p -> toPeer == null || p.id().equals(toPeer))
                .filter(p -> toRole == null || p.role().equals(toRole))
                .map(LivePeer::id).toList();
        tell(r, to, Notices.message(msg, sender));
        return msg;
    }

    void emit(LiveRoom r, String type, Map<String, Object> data) {
        events.publish(r.h, new RoomEvent(r.ws, r.room.id(), type, data, r.now));
    }

    void tell(LiveRoom r, List<String> to, Map<String, Object> message) {
        if (!to.isEmpty()) {
            events.publish(r.h, new PeerNotice(r.room.id(), to, message, 0, null));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
