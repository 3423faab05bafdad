package dev.hundred.server.analytics;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for analytics events, the snapshots their cursors page through, and emulator-set peer stats. */
public final class AnalyticsStore {
    private static final String EVENT_COLUMNS = "e.id, e.workspace_id, e.room_id, e.event_type, e.session_id,"
            + " e.peer_id, e.user_id, e.beam_id, e.occurred_at, e.data";

    void insert(Handle h, EventRow e) {
        h.createUpdate("INSERT INTO analytics_events (id, workspace_id, room_id, event_type, session_id, peer_id,"
                        + " user_id, beam_id, occurred_at, data) VALUES (:id, :ws, :room, :type, :session, :peer,"
                        + " :user, :beam, :at, :data)")
                .bind("id", e.id()).bind("ws", e.workspaceId()).bind("room", e.roomId()).bind("type", e.type())
                .bind("session", e.sessionId()).bind("peer", e.peerId()).bind("user", e.userId())
                .bind("beam", e.beamId()).bind("at", e.at()).bind("data", e.data())
                .execute();
    }

    /** The first {@code limit} events of the query, oldest first, from {@code since} on. */
    List<EventRow> first(Handle h, String workspaceId, EventFilter f, Instant since, int limit) {
        Where where = where(workspaceId, f, since);
        return where.bind(h.createQuery("SELECT " + EVENT_COLUMNS + " FROM analytics_events e" + where.sql()
                        + " AND e.event_type IN (<types>) ORDER BY e.occurred_at, e.seq LIMIT :limit"))
                .bindList("types", f.types()).bind("limit", limit).map(AnalyticsStore::row).list();
    }

    /** Copies the query's events, in order, into a new snapshot; answers how many there are. */
    int snapshot(Handle h, String cursorId, String workspaceId, EventFilter f, Instant since) {
        Where where = where(workspaceId, f, since);
        return where.bind(h.createUpdate("INSERT INTO analytics_cursor_events (cursor_id, pos, event_id)"
                        + " SELECT :cursor, ROW_NUMBER() OVER (ORDER BY e.occurred_at, e.seq), e.id"
                        + " FROM analytics_events e" + where.sql() + " AND e.event_type IN (<types>)"))
                .bindList("types", f.types()).bind("cursor", cursorId).execute();
    }

    private static Where where(String workspaceId, EventFilter f, Instant since) {
        return new Where().and("e.workspace_id = :ws", "ws", workspaceId)
                .and("e.room_id = :room", "room", f.roomId())
                .and("e.occurred_at >= :since", "since", since)
                .andIf(f.sessionId(), "e.session_id = :session", "session")
                .andIf(f.peerId(), "e.peer_id = :peer", "peer")
                .andIf(f.userId(), "e.user_id = :user", "user")
                .andIf(f.beamId(), "e.beam_id = :beam", "beam");
    }

    /** The snapshot's events after position {@code offset}, at most {@code limit} of them. */
    List<EventRow> page(Handle h, String cursorId, int offset, int limit) {
        return h.createQuery("SELECT " + EVENT_COLUMNS + " FROM analytics_cursor_events c"
                        + " JOIN analytics_events e ON e.id = c.event_id"
                        + " WHERE c.cursor_id = :cursor AND c.pos > :offset ORDER BY c.pos LIMIT :limit")
                .bind("cursor", cursorId).bind("offset", offset).bind("limit", limit)
                .map(AnalyticsStore::row).list();
    }

    void insertCursor(Handle h, Cursor c) {
        h.createUpdate("INSERT INTO analytics_cursors (id, workspace_id, query_key, total, signing_key, created_at,"
                        + " expires_at) VALUES (:id, :ws, :query, :total, :key, :created, :expires)")
                .bind("id", c.id()).bind("ws", c.workspaceId()).bind("query", c.queryKey()).bind("total", c.total())
                .bind("key", c.signingKey()).bind("created", c.createdAt()).bind("expires", c.expiresAt())
                .execute();
    }

    Optional<Cursor> cursor(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT id, workspace_id, query_key, total, signing_key, created_at, expires_at"
                        + " FROM analytics_cursors WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id)
                .map((rs, ctx) -> new Cursor(rs.getString("id"), rs.getString("workspace_id"),
                        rs.getString("query_key"), rs.getInt("total"), rs.getString("signing_key"),
                        Database.instant(rs, "created_at"), Database.instant(rs, "expires_at")))
                .findOne();
    }

    /**
     * Drops the positions of snapshots that expired, and the snapshots themselves {@code keep} after that
     * (until then an old cursor is answered "expired" rather than "unknown").
     */
    void forgetExpired(Handle h, Instant now, Instant forgetBefore) {
        h.createUpdate("DELETE FROM analytics_cursor_events WHERE cursor_id IN"
                        + " (SELECT id FROM analytics_cursors WHERE expires_at <= :now)")
                .bind("now", now).execute();
        h.createUpdate("DELETE FROM analytics_cursors WHERE expires_at <= :before")
                .bind("before", forgetBefore).execute();
    }

    /** Every track event of a session, oldest first: the history peer stats are derived from. */
    List<EventRow> trackEventsOfSession(Handle h, String workspaceId, String sessionId) {
        return h.createQuery("SELECT " + EVENT_COLUMNS + " FROM analytics_events e"
                        + " WHERE e.workspace_id = :ws AND e.session_id = :session AND e.event_type IN (<types>)"
                        + " ORDER BY e.occurred_at, e.seq")
                .bind("ws", workspaceId).bind("session", sessionId)
                .bindList("types", List.of(EventTypes.TRACK_ADD, EventTypes.TRACK_UPDATE, EventTypes.TRACK_REMOVE))
                .map(AnalyticsStore::row).list();
    }

    Optional<String> statsOverride(Handle h, String workspaceId, String sessionId, String peerId) {
        return h.createQuery("SELECT body FROM analytics_peer_stats"
                        + " WHERE workspace_id = :ws AND session_id = :session AND peer_id = :peer")
                .bind("ws", workspaceId).bind("session", sessionId).bind("peer", peerId)
                .mapTo(String.class).findOne();
    }

    /**
     * Replaces the peer's stats, or inserts them; two puts at once can both find no row, and the second insert
     * is then a unique violation the caller retries (it will update).
     */
    void putStatsOverride(Handle h, String workspaceId, String sessionId, String peerId, String body, Instant at) {
        int updated = h.createUpdate("UPDATE analytics_peer_stats SET body = :body, updated_at = :at"
                        + " WHERE workspace_id = :ws AND session_id = :session AND peer_id = :peer")
                .bind("session", sessionId).bind("peer", peerId).bind("ws", workspaceId).bind("body", body)
                .bind("at", at).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO analytics_peer_stats (session_id, peer_id, workspace_id, body, updated_at)"
                            + " VALUES (:session, :peer, :ws, :body, :at)")
                    .bind("session", sessionId).bind("peer", peerId).bind("ws", workspaceId).bind("body", body)
                    .bind("at", at).execute();
        }
    }

    void deleteStatsOverride(Handle h, String workspaceId, String sessionId, String peerId) {
        h.createUpdate("DELETE FROM analytics_peer_stats"
                        + " WHERE workspace_id = :ws AND session_id = :session AND peer_id = :peer")
                .bind("ws", workspaceId).bind("session", sessionId).bind("peer", peerId).execute();
    }

    private static EventRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new EventRow(rs.getString("id"), rs.getString("workspace_id"), rs.getString("room_id"),
                rs.getString("event_type"), rs.getString("session_id"), rs.getString("peer_id"),
                rs.getString("user_id"), rs.getString("beam_id"), Database.instant(rs, "occurred_at"),
                rs.getString("data"));
    }

    /** Every event, cursor and peer stat of the workspace (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.deleteThrough(h, "analytics_cursor_events", "cursor_id", "analytics_cursors", workspaceId);
        WorkspaceRows.delete(h, "analytics_cursors", workspaceId);
        WorkspaceRows.delete(h, "analytics_events", workspaceId);
        WorkspaceRows.delete(h, "analytics_peer_stats", workspaceId);
    }
}
