package dev.hundred.server.sessions;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for sessions, and the read side of their peers' history (the live plane writes the peers). */
public final class SessionStore {
    private static final String COLUMNS = "id, room_id, active, created_at, updated_at";

    public void insert(Handle h, String workspaceId, SessionRow s) {
        h.createUpdate("INSERT INTO sessions (id, workspace_id, room_id, active, created_at, updated_at)"
                        + " VALUES (:id, :ws, :roomId, :active, :createdAt, :updatedAt)")
                .bind("id", s.id()).bind("ws", workspaceId).bind("roomId", s.roomId()).bind("active", s.active())
                .bind("createdAt", s.createdAt()).bind("updatedAt", s.updatedAt())
                .execute();
    }

    public void touch(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE sessions SET updated_at = :at WHERE id = :id").bind("at", at).bind("id", id).execute();
    }

    public void close(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE sessions SET active = FALSE, updated_at = :at, ended_at = :at WHERE id = :id")
                .bind("at", at).bind("id", id).execute();
    }

    public Optional<SessionRow> active(Handle h, String workspaceId, String roomId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sessions"
                        + " WHERE workspace_id = :ws AND room_id = :roomId AND active = TRUE")
                .bind("ws", workspaceId).bind("roomId", roomId).map(SessionStore::row).findFirst();
    }

    public Optional<SessionRow> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sessions WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map(SessionStore::row).findOne();
    }

    /** Newest first; {@code start} is exclusive. */
    public List<SessionRow> page(Handle h, String workspaceId, SessionFilter f) {
        Where where = new Where().and("workspace_id = :ws", "ws", workspaceId)
                .andIf(f.active(), "active = :active", "active")
                .andIf(f.roomId(), "room_id = :roomId", "roomId")
                .andIf(f.after(), "created_at >= :after", "after")
                .andIf(f.before(), "created_at <= :before", "before")
                .andIf(f.id(), "id = :id", "id")
                .andIf(f.start(), "id < :start", "start");
        return where.bind(h.createQuery("SELECT " + COLUMNS + " FROM sessions" + where.sql()
                        + " ORDER BY id DESC LIMIT :limit"))
                .bind("limit", f.limit()).map(SessionStore::row).list();
    }

    /** The peers of each session, keyed by session id, then by peer id in join order. */
    public Map<String, Map<String, SessionPeer>> peersOf(Handle h, List<String> sessionIds) {
        Map<String, Map<String, SessionPeer>> bySession = new LinkedHashMap<>();
        sessionIds.forEach(id -> bySession.put(id, new LinkedHashMap<>()));
        if (sessionIds.isEmpty()) {
            return bySession;
        }
        h.createQuery("SELECT id, session_id, name, role, user_id, joined_at, left_at FROM session_peers"
                        + " WHERE session_id IN (<ids>) ORDER BY joined_at, id")
                .bindList("ids", sessionIds)
                .map(SessionStore::peer)
                .forEach(p -> bySession.get(p.sessionId()).put(p.id(), p));
        return bySession;
    }

    private static SessionRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SessionRow(rs.getString("id"), rs.getString("room_id"), rs.getBoolean("active"),
                Database.instant(rs, "created_at"), Database.instant(rs, "updated_at"));
    }

    private static SessionPeer peer(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SessionPeer(rs.getString("id"), rs.getString("session_id"), rs.getString("name"),
                rs.getString("role"), rs.getString("user_id"), Database.instant(rs, "joined_at"),
                Database.instant(rs, "left_at"));
    }

    /** Every session of the workspace (emulator reset; their peers go first, with LiveStore). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "sessions", workspaceId);
    }
}
