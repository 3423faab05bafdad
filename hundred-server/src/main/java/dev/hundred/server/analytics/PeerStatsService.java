package dev.hundred.server.analytics;

import dev.hundred.server.analytics.PeerStats.Sides;
import dev.hundred.server.http.Json;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomService;
import dev.hundred.server.sessions.Session;
import dev.hundred.server.sessions.SessionPeer;
import dev.hundred.server.sessions.SessionService;
import dev.hundred.server.store.Database;
import dev.hundred.server.templates.Template;
import dev.hundred.server.templates.TemplateService;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Peer quality stats (spec §13.4): served once the session has ended (the docs: "not real-time"), either
 * as the emulator set them or derived from the peer's tracks ({@link StatsDerivation}).
 */
final class PeerStatsService {
    private final Database db;
    private final AnalyticsStore store;
    private final SessionService sessions;
    private final RoomService rooms;
    private final TemplateService templates;
    private final Clock clock;

    PeerStatsService(Database db, AnalyticsStore store, SessionService sessions, RoomService rooms,
                     TemplateService templates, Clock clock) {
        this.db = db;
        this.store = store;
        this.sessions = sessions;
        this.rooms = rooms;
        this.templates = templates;
        this.clock = clock;
    }

    /** 404 Session not found / Peer not found; 404 Peer stats not found while the session is live. */
    PeerStats get(Workspace ws, String sessionId, String peerId) {
        Session session = sessions.retrieve(ws, sessionId);
        SessionPeer me = requirePeer(session, peerId);
        if (session.active()) {
            throw AnalyticsErrors.statsNotReady(sessionId);
        }
        Sides sides = db.read(h -> store.statsOverride(h, ws.id(), sessionId, peerId)
                .map(json -> Json.read(json, Sides.class))
                .orElseGet(() -> derive(h, ws, session, me)));
        return new PeerStats(peerId, sessionId, session.roomId(), sides.publisher(), sides.subscriber());
    }

    /** The emulator's stats for the peer, replacing any it set before; answered as GET will serve them. */
    PeerStats put(Workspace ws, String sessionId, String peerId, Sides body) {
        Session session = sessions.retrieve(ws, sessionId);
        requirePeer(session, peerId);
        Sides sides = StatsCheck.normalize(body);
        try {
            putOverride(ws, sessionId, peerId, sides);
        } catch (org.jdbi.v3.core.JdbiException e) {
            if (!dev.hundred.server.store.SqlDialect.isUniqueViolation(e)) {
                throw e;
            }
            putOverride(ws, sessionId, peerId, sides); // another put inserted first: this one now updates
        }
        return new PeerStats(peerId, sessionId, session.roomId(), sides.publisher(), sides.subscriber());
    }

    private void putOverride(Workspace ws, String sessionId, String peerId, Sides sides) {
        db.tx(h -> {
            store.putStatsOverride(h, ws.id(), sessionId, peerId, Json.write(sides), clock.instant());
            return null;
        });
    }

    /** Back to derived stats. */
    void clear(Workspace ws, String sessionId, String peerId) {
        requirePeer(sessions.retrieve(ws, sessionId), peerId);
        db.tx(h -> {
            store.deleteStatsOverride(h, ws.id(), sessionId, peerId);
            return null;
        });
    }

    private static SessionPeer requirePeer(Session session, String peerId) {
        SessionPeer peer = session.peers().get(peerId);
        if (peer == null) {
            throw AnalyticsErrors.peerNotFound();
        }
        return peer;
    }

    private Sides derive(Handle h, Workspace ws, Session session, SessionPeer me) {
        Instant end = session.updatedAt();
        List<TrackLife> tracks = TrackLife.of(store.trackEventsOfSession(h, ws.id(), session.id()), peerId -> {
            SessionPeer p = session.peers().get(peerId);
            return p != null && p.leftAt() != null ? p.leftAt() : end;
        });
        Room room = rooms.require(h, ws, session.roomId());
        Optional<Template> template = templates.find(h, ws, room.templateId());
        StatsDerivation derivation = new StatsDerivation(role -> template.flatMap(t -> t.findRole(role)));
        return derivation.derive(me.id(), me.role(), me.joinedAt(), me.leftAt() != null ? me.leftAt() : end, tracks);
    }
}
