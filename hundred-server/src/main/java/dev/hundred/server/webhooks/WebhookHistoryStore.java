package dev.hundred.server.webhooks;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL over finished deliveries: the history list and what a replay picks up. */
public final class WebhookHistoryStore {

    /** A finished delivery as the history shows it. */
    record Finished(String id, String roomId, String eventId, String eventType, Instant eventAt, String body,
                    String url, String status, String errorReason) {}

    /** One attempt to deliver an event: when, how long, the receiver's status (null: no answer) and the error. */
    public record Attempt(int attempt, Instant startedAt, int durationMs, Integer statusCode, String error) {}

    /** Every attempt at an event's first delivery (finished or still retrying), in order; replays left out. */
    List<Attempt> attempts(Handle h, String workspaceId, String eventId) {
        return h.createQuery("SELECT * FROM webhook_attempts WHERE delivery_id IN"
                        + " (SELECT id FROM webhook_deliveries WHERE workspace_id = :ws AND event_id = :event AND workflow_id IS NULL"
                        + " UNION SELECT id FROM webhook_outbox WHERE workspace_id = :ws AND event_id = :event AND workflow_id IS NULL)"
                        + " ORDER BY attempt")
                .bind("ws", workspaceId).bind("event", eventId)
                .map((rs, ctx) -> new Attempt(rs.getInt("attempt"), Database.instant(rs, "started_at"),
                        rs.getInt("duration_ms"), (Integer) rs.getObject("status_code"), rs.getString("error")))
                .list();
    }

    long count(Handle h, String workspaceId, HistoryFilter f) {
        Where where = where(workspaceId, f);
        return bindNames(where.bind(h.createQuery("SELECT COUNT(*) FROM webhook_deliveries" + where.sql() + eventNames(f))), f)
                .mapTo(Long.class).one();
    }

    /** Newest first, page by page. */
    List<Finished> page(Handle h, String workspaceId, HistoryFilter f, long offset, int limit) {
        return select(h, workspaceId, f, " ORDER BY event_at DESC, seq DESC", offset, limit);
    }

    /** Oldest first: the order a replay resends in. */
    List<Finished> forReplay(Handle h, String workspaceId, HistoryFilter f, long offset, int limit) {
        return select(h, workspaceId, f, " ORDER BY event_at, seq", offset, limit);
    }

    private List<Finished> select(Handle h, String workspaceId, HistoryFilter f, String order, long offset, int limit) {
        Where where = where(workspaceId, f);
        Query query = h.createQuery("SELECT * FROM webhook_deliveries" + where.sql() + eventNames(f) + order
                + " OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY");
        return bindNames(where.bind(query), f).map(WebhookHistoryStore::row).list();
    }

    /** Only first deliveries: replays are reported by their workflow, not listed again. */
    private static Where where(String workspaceId, HistoryFilter f) {
        return new Where().and("workspace_id = :ws", "ws", workspaceId)
                .and("workflow_id IS NULL AND event_at >= :start", "start", f.start())
                .and("event_at <= :end", "end", f.end())
                .andIf(f.roomId(), "room_id = :room", "room")
                .andIf("all".equals(f.status()) ? null : f.status(), "status = :status", "status");
    }

    private static String eventNames(HistoryFilter f) {
        return f.eventNames().isEmpty() ? "" : " AND event_type IN (<names>)";
    }

    private static Query bindNames(Query query, HistoryFilter f) {
        return f.eventNames().isEmpty() ? query : query.bindList("names", f.eventNames());
    }

    private static Finished row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Finished(rs.getString("id"), rs.getString("room_id"), rs.getString("event_id"),
                rs.getString("event_type"), Database.instant(rs, "event_at"), rs.getString("body"), rs.getString("url"),
                rs.getString("status"), rs.getString("error_reason"));
    }

    /** The workspace's delivery history and its attempts (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.deleteThrough(h, "webhook_attempts", "delivery_id", "webhook_deliveries", workspaceId);
        WorkspaceRows.delete(h, "webhook_deliveries", workspaceId);
    }
}
