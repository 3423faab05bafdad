package dev.hundred.server.emulator;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for fault rules. */
public final class FaultStore {
    private static final String COLUMNS = "id, workspace_id, method, path, status, message, delay_ms, times, remaining,"
            + " probability, seed, injected, created_at";

    void insert(Handle h, String workspaceId, Fault f) {
        h.createUpdate("INSERT INTO emulator_faults (" + COLUMNS + ") VALUES (:id, :ws, :method, :path, :status, :message,"
                        + " :delayMs, :times, :remaining, :probability, :seed, :injected, :createdAt)")
                .bind("id", f.id()).bind("ws", workspaceId).bind("method", f.method()).bind("path", f.path())
                .bind("status", f.status()).bind("message", f.message()).bind("delayMs", f.delayMs())
                .bind("times", f.times()).bind("remaining", f.remaining()).bind("probability", f.probability())
                .bind("seed", f.seed()).bind("injected", f.injected()).bind("createdAt", f.createdAt())
                .execute();
    }

    /** The workspace's rules, oldest first. */
    List<Fault> list(Handle h, String workspaceId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM emulator_faults WHERE workspace_id = :ws ORDER BY id")
                .bind("ws", workspaceId).map(FaultStore::row).list();
    }

    int count(Handle h, String workspaceId) {
        return h.createQuery("SELECT COUNT(*) FROM emulator_faults WHERE workspace_id = :ws").bind("ws", workspaceId)
                .mapTo(Integer.class).one();
    }

    Optional<Fault> find(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM emulator_faults WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).map(FaultStore::row).findOne();
    }

    /**
     * Takes one injection of the rule: one statement, so that concurrent requests on any node take at most
     * {@code times} between them. False when the rule is spent or gone.
     */
    boolean claim(Handle h, String workspaceId, String id) {
        return h.createUpdate("UPDATE emulator_faults SET injected = injected + 1,"
                        + " remaining = CASE WHEN remaining IS NULL THEN NULL ELSE remaining - 1 END"
                        + " WHERE id = :id AND workspace_id = :ws AND (remaining IS NULL OR remaining > 0)")
                .bind("id", id).bind("ws", workspaceId).execute() == 1;
    }

    boolean delete(Handle h, String workspaceId, String id) {
        return h.createUpdate("DELETE FROM emulator_faults WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id).execute() == 1;
    }

    int deleteAll(Handle h, String workspaceId) {
        return h.createUpdate("DELETE FROM emulator_faults WHERE workspace_id = :ws").bind("ws", workspaceId).execute();
    }

    private static Fault row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Fault(rs.getString("id"), rs.getString("method"), rs.getString("path"), integer(rs, "status"),
                rs.getString("message"), rs.getInt("delay_ms"), integer(rs, "times"), integer(rs, "remaining"),
                rs.getDouble("probability"), rs.getObject("seed") == null ? null : rs.getLong("seed"),
                rs.getLong("injected"), Database.instant(rs, "created_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "emulator_faults", workspaceId);
    }
}
