package dev.hundred.server.streamkeys;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for ingests. */
public final class IngestStore {
    private static final String COLUMNS = "id, workspace_id, room_id, stream_key_id, stream_id, peer_id, status,"
            + " end_reason, error_message, started_at, last_disconnected_at, completed_at";

    void insert(Handle h, Ingest i) {
        h.createUpdate("INSERT INTO ingests (" + COLUMNS + ") VALUES (:id, :ws, :room, :key, :stream, :peer, :status,"
                        + " :reason, :error, :startedAt, :lastDisconnectedAt, :completedAt)")
                .bind("id", i.id()).bind("ws", i.workspaceId()).bind("room", i.roomId()).bind("key", i.streamKeyId())
                .bind("stream", i.streamId()).bind("peer", i.peerId()).bind("status", i.status())
                .bind("reason", i.endReason()).bind("error", i.errorMessage()).bind("startedAt", i.startedAt())
                .bind("lastDisconnectedAt", i.lastDisconnectedAt()).bind("completedAt", i.completedAt())
                .execute();
    }

    /** The key's live ingest (at most one: started under the room's row lock). */
    Optional<Ingest> liveOfKey(Handle h, String streamKeyId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM ingests WHERE stream_key_id = :key AND status = 'live'")
                .bind("key", streamKeyId).map(IngestStore::row).findFirst();
    }

    Optional<Ingest> liveOfPeer(Handle h, String peerId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM ingests WHERE peer_id = :peer AND status = 'live'")
                .bind("peer", peerId).map(IngestStore::row).findFirst();
    }

    /** Ends a live ingest; false when it was not live any more. */
    boolean finish(Handle h, Ingest done) {
        return h.createUpdate("UPDATE ingests SET status = :status, end_reason = :reason, error_message = :error,"
                        + " last_disconnected_at = :at, completed_at = :at WHERE id = :id AND status = 'live'")
                .bind("status", done.status()).bind("reason", done.endReason()).bind("error", done.errorMessage())
                .bind("at", done.completedAt()).bind("id", done.id())
                .execute() == 1;
    }

    private static Ingest row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Ingest(rs.getString("id"), rs.getString("workspace_id"), rs.getString("room_id"),
                rs.getString("stream_key_id"), rs.getString("stream_id"), rs.getString("peer_id"),
                rs.getString("status"), rs.getString("end_reason"), rs.getString("error_message"),
                Database.instant(rs, "started_at"), Database.instant(rs, "last_disconnected_at"),
                Database.instant(rs, "completed_at"));
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "ingests", workspaceId);
    }
}
