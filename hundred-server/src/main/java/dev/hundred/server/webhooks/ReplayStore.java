package dev.hundred.server.webhooks;

import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for replay workflows; their deliveries are outbox rows and finished deliveries with a workflow_id. */
public final class ReplayStore {

    /** A replay as stored. */
    record Stored(String id, Replay.Filters filters, int total, Instant startedAt) {}

    void insert(Handle h, String workspaceId, Stored replay, String filterKey) {
        h.createUpdate("INSERT INTO webhook_replays (id, workspace_id, filter_key, filters, total, started_at)"
                        + " VALUES (:id, :ws, :key, :filters, :total, :startedAt)")
                .bind("id", replay.id()).bind("ws", workspaceId).bind("key", filterKey)
                .bind("filters", Json.write(replay.filters())).bind("total", replay.total())
                .bind("startedAt", replay.startedAt()).execute();
    }

    Optional<Stored> find(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT * FROM webhook_replays WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getString("id"), Json.read(rs.getString("filters"), Replay.Filters.class),
                        rs.getInt("total"), Database.instant(rs, "started_at")))
                .findOne();
    }

    /** The newest replay with these filters that still has deliveries queued. */
    Optional<Stored> running(Handle h, String workspaceId, String filterKey) {
        return h.createQuery("SELECT r.id FROM webhook_replays r WHERE r.workspace_id = :ws AND r.filter_key = :key"
                        + " AND EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.workflow_id = r.id)"
                        + " ORDER BY r.started_at DESC FETCH FIRST 1 ROWS ONLY")
                .bind("ws", workspaceId).bind("key", filterKey).mapTo(String.class).findOne()
                .flatMap(id -> find(h, workspaceId, id));
    }

    /** Finished deliveries of the workflow by status (success, failed). */
    Map<String, Long> finishedCounts(Handle h, String workflowId) {
        Map<String, Long> counts = new java.util.HashMap<>();
        h.createQuery("SELECT status, COUNT(*) AS n FROM webhook_deliveries WHERE workflow_id = :id GROUP BY status")
                .bind("id", workflowId)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<String> failedEvents(Handle h, String workflowId) {
        return h.createQuery("SELECT event_id FROM webhook_deliveries WHERE workflow_id = :id AND status = 'failed'"
                        + " ORDER BY event_at, seq")
                .bind("id", workflowId).mapTo(String.class).list();
    }

    Optional<Instant> lastFinished(Handle h, String workflowId) {
        return h.createQuery("SELECT MAX(finished_at) AS t FROM webhook_deliveries WHERE workflow_id = :id")
                .bind("id", workflowId).map((rs, ctx) -> Database.instant(rs, "t")).findOne();
    }

    /** A replayed delivery that could not be queued (no webhook configured now): failed at once. */
    void insertFailed(Handle h, String workspaceId, String workflowId, WebhookHistoryStore.Finished original,
                      String id, String error, Instant now) {
        h.createUpdate("INSERT INTO webhook_deliveries (id, seq, workspace_id, room_id, event_id, event_type, event_at, body,"
                        + " url, status, error_reason, attempts, workflow_id, finished_at) VALUES (:id, :seq, :ws, :room, :eventId,"
                        + " :type, :eventAt, :body, '', 'failed', :error, 0, :workflow, :now)")
                .bind("id", id).bind("seq", Outbox.nextSeq(now)).bind("ws", workspaceId).bind("room", original.roomId()).bind("eventId", original.eventId())
                .bind("type", original.eventType()).bind("eventAt", original.eventAt())
                .bind("body", Envelope.asReplay(original.body())).bind("error", error).bind("workflow", workflowId)
                .bind("now", now).execute();
    }

    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "webhook_replays", workspaceId);
    }
}
