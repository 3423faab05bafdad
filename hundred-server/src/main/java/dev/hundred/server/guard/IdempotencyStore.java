package dev.hundred.server.guard;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for idempotency keys (V13). Every change names the claim it expects, so a stale holder changes nothing. */
public final class IdempotencyStore {
    private static final String KEY = "workspace_id = :ws AND idem_key = :key";

    /** A key's row: who holds it and, once the first request finished, its answer. */
    record Row(String pathHash, String bodyHash, String claim, Instant heartbeatAt, StoredAnswer answer,
               Instant expiresAt) {
        boolean running() {
            return answer == null;
        }
    }

    /**
     * Claims the key: true if this insert made the row, false if the key exists (ON CONFLICT DO NOTHING, which
     * H2 takes in PostgreSQL mode: no failed statement, so no error line in PostgreSQL's log per repeat).
     */
    boolean insert(Handle h, Claim c, RequestFingerprint fp, String node, Instant wall, Instant now, Instant expiresAt) {
        return h.createUpdate("INSERT INTO idempotency_keys (workspace_id, idem_key, path_hash, body_hash, claim, node,"
                        + " heartbeat_at, created_at, expires_at)"
                        + " VALUES (:ws, :key, :path, :body, :claim, :node, :wall, :now, :expires) ON CONFLICT DO NOTHING")
                .bind("ws", c.workspaceId()).bind("key", c.key()).bind("path", fp.pathHash()).bind("body", fp.bodyHash())
                .bind("claim", c.token()).bind("node", node).bind("wall", wall).bind("now", now)
                .bind("expires", expiresAt).execute() == 1;
    }

    Optional<Row> find(Handle h, String workspaceId, String key) {
        return h.createQuery("SELECT * FROM idempotency_keys WHERE " + KEY)
                .bind("ws", workspaceId).bind("key", key).map(IdempotencyStore::row).findOne();
    }

    /** Stores the answer of the request holding the key; false if it no longer holds it. */
    boolean complete(Handle h, Claim c, StoredAnswer answer) {
        return h.createUpdate("UPDATE idempotency_keys SET status = :status, content_type = :type, body = :body"
                        + " WHERE " + KEY + " AND claim = :claim AND status IS NULL")
                .bind("status", answer.status()).bind("type", answer.contentType()).bind("body", answer.body())
                .bind("ws", c.workspaceId()).bind("key", c.key()).bind("claim", c.token()).execute() == 1;
    }

    /** Gives the key back (the request failed on our side): the next request with it runs. */
    void release(Handle h, Claim c) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE " + KEY + " AND claim = :claim AND status IS NULL")
                .bind("ws", c.workspaceId()).bind("key", c.key()).bind("claim", c.token()).execute();
    }

    /** Removes a finished key whose 24 hours are over, unless someone else already did. */
    void deleteExpired(Handle h, String workspaceId, String key, String claim, Instant now) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE " + KEY
                        + " AND claim = :claim AND status IS NOT NULL AND expires_at <= :now")
                .bind("ws", workspaceId).bind("key", key).bind("claim", claim).bind("now", now).execute();
    }

    /** Takes over a key whose holder stopped heartbeating; true if this request now holds it. */
    boolean takeOver(Handle h, String workspaceId, String key, String lapsedClaim, Claim next, String node, Instant wall) {
        return h.createUpdate("UPDATE idempotency_keys SET claim = :next, node = :node, heartbeat_at = :wall"
                        + " WHERE " + KEY + " AND claim = :lapsed AND status IS NULL")
                .bind("next", next.token()).bind("node", node).bind("wall", wall)
                .bind("ws", workspaceId).bind("key", key).bind("lapsed", lapsedClaim).execute() == 1;
    }

    /** This node is alive: every key it is running gets a fresh heartbeat. */
    void heartbeat(Handle h, String node, Instant wall) {
        h.createUpdate("UPDATE idempotency_keys SET heartbeat_at = :wall WHERE node = :node AND status IS NULL")
                .bind("wall", wall).bind("node", node).execute();
    }

    /** Deletes finished keys past their expiry, and claims past it whose holder is gone; answers how many. */
    int purge(Handle h, Instant now, Instant lapsedBefore) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE expires_at <= :now"
                        + " AND (status IS NOT NULL OR heartbeat_at < :lapsed)")
                .bind("now", now).bind("lapsed", lapsedBefore).execute();
    }

    /** Forgets every key of a workspace (an emulator reset). */
    void clear(Handle h, String workspaceId) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE workspace_id = :ws").bind("ws", workspaceId).execute();
    }

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        int status = rs.getInt("status");
        StoredAnswer answer = rs.wasNull() ? null : new StoredAnswer(status, rs.getString("content_type"), bytes(rs));
        return new Row(rs.getString("path_hash"), rs.getString("body_hash"), rs.getString("claim"),
                Database.instant(rs, "heartbeat_at"), answer, Database.instant(rs, "expires_at"));
    }

    private static byte[] bytes(ResultSet rs) throws SQLException {
        byte[] body = rs.getBytes("body");
        return body == null ? new byte[0] : body;
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "idempotency_keys", workspaceId);
    }
}
