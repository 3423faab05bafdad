package dev.hundred.server.streamkeys;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for stream keys. A key is unique across workspaces: an RTMP connection names it without one. */
public final class StreamKeyStore {
    private static final String COLUMNS = "id, workspace_id, room_id, stream_key, active, created_at, updated_at";

    void insert(Handle h, KeyRow k) {
        h.createUpdate("INSERT INTO stream_keys (" + COLUMNS + ") VALUES (:id, :ws, :room, :key, :active, :createdAt,"
                        + " :updatedAt)")
                .bind("id", k.id()).bind("ws", k.workspaceId()).bind("room", k.roomId()).bind("key", k.key())
                .bind("active", k.active()).bind("createdAt", k.createdAt()).bind("updatedAt", k.updatedAt())
                .execute();
    }

    /** The room's active key (there is at most one: created under the room's row lock). */
    Optional<KeyRow> activeInRoom(Handle h, String workspaceId, String roomId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stream_keys WHERE workspace_id = :ws AND room_id = :room"
                        + " AND active = TRUE ORDER BY id DESC")
                .bind("ws", workspaceId).bind("room", roomId).map(StreamKeyStore::row).findFirst();
    }

    Optional<KeyRow> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stream_keys WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map(StreamKeyStore::row).findOne();
    }

    /** The key anywhere, active or not. */
    Optional<KeyRow> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stream_keys WHERE stream_key = :key")
                .bind("key", key).map(StreamKeyStore::row).findOne();
    }

    void deactivate(Handle h, String id, Instant at) {
        h.createUpdate("UPDATE stream_keys SET active = FALSE, updated_at = :at WHERE id = :id")
                .bind("at", at).bind("id", id).execute();
    }

    private static KeyRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new KeyRow(rs.getString("id"), rs.getString("workspace_id"), rs.getString("room_id"),
                rs.getString("stream_key"), rs.getBoolean("active"), Database.instant(rs, "created_at"),
                Database.instant(rs, "updated_at"));
    }

    /** Every key of the workspace, oldest first, disabled ones included (emulator export). */
    List<KeyRow> all(Handle h, String workspaceId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stream_keys WHERE workspace_id = :ws ORDER BY id")
                .bind("ws", workspaceId).map(StreamKeyStore::row).list();
    }

    /** Every key of the workspace (emulator reset; ingests go first). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "stream_keys", workspaceId);
    }
}
