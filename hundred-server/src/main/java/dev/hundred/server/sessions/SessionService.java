package dev.hundred.server.sessions;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Sessions (spec §6): the read API, and the few steps the live plane takes inside its own transaction
 * (a session opens when the first peer joins a room and closes when the last one leaves or the room
 * ends; the live plane decides when, and publishes the webhooks).
 */
public final class SessionService {
    private final Database db;
    private final SessionStore store;

    public SessionService(Database db, SessionStore store) {
        this.db = db;
        this.store = store;
    }

    public Session retrieve(Workspace ws, String id) {
        return db.read(h -> {
            SessionRow row = store.byId(h, ws.id(), id).orElseThrow(SessionErrors::notFound);
            return wire(ws, row, store.peersOf(h, List.of(row.id())).get(row.id()));
        });
    }

    public List<Session> list(Workspace ws, SessionFilter filter) {
        return db.read(h -> {
            List<SessionRow> rows = store.page(h, ws.id(), filter);
            Map<String, Map<String, SessionPeer>> peers = store.peersOf(h, rows.stream().map(SessionRow::id).toList());
            return rows.stream().map(row -> wire(ws, row, peers.get(row.id()))).toList();
        });
    }

    private static Session wire(Workspace ws, SessionRow row, Map<String, SessionPeer> peers) {
        return new Session(row.id(), row.roomId(), ws.customerId(), ws.id(), row.active(), peers, row.createdAt(),
                row.updatedAt());
    }

    public boolean exists(Handle h, Workspace ws, String sessionId) {
        return store.byId(h, ws.id(), sessionId).isPresent();
    }

    public Optional<SessionRow> active(Handle h, Workspace ws, String roomId) {
        return store.active(h, ws.id(), roomId);
    }

    public SessionRow open(Handle h, Workspace ws, String roomId, Instant at) {
        SessionRow session = new SessionRow(Ids.objectId(), roomId, true, at, at);
        store.insert(h, ws.id(), session);
        return session;
    }

    /** A peer joined or left: the session's {@code updated_at} follows. */
    public void touch(Handle h, SessionRow session, Instant at) {
        store.touch(h, session.id(), at);
    }

    public void close(Handle h, SessionRow session, Instant at) {
        store.close(h, session.id(), at);
    }
}
