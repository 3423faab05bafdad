package dev.hundred.server.recordings;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for speaking turns (V7). */
public final class SpeechStore {
    void insert(Handle h, String workspaceId, SpeechTurn t) {
        h.createUpdate("INSERT INTO speech_turns (id, workspace_id, room_id, session_id, peer_id, peer_name, spoken_text,"
                        + " started_at, duration_micros) VALUES (:id, :ws, :room, :session, :peer, :name, :text, :at, :micros)")
                .bind("id", t.id()).bind("ws", workspaceId).bind("room", t.roomId()).bind("session", t.sessionId())
                .bind("peer", t.peerId()).bind("name", t.peerName()).bind("text", t.text()).bind("at", t.startedAt())
                .bind("micros", t.duration().toNanos() / 1000).execute();
    }

    /** The session's turns that began in {@code [from, to]}, in the order they began. */
    List<SpeechTurn> during(Handle h, String workspaceId, String sessionId, Instant from, Instant to) {
        return h.createQuery("SELECT * FROM speech_turns WHERE workspace_id = :ws AND session_id = :session"
                        + " AND started_at >= :from AND started_at <= :to ORDER BY started_at, id")
                .bind("ws", workspaceId).bind("session", sessionId).bind("from", from).bind("to", to)
                .map(SpeechStore::row).list();
    }

    private static SpeechTurn row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SpeechTurn(rs.getString("id"), rs.getString("room_id"), rs.getString("session_id"),
                rs.getString("peer_id"), rs.getString("peer_name"), rs.getString("spoken_text"),
                Database.instant(rs, "started_at"), Duration.ofNanos(rs.getLong("duration_micros") * 1000));
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "speech_turns", workspaceId);
    }
}
