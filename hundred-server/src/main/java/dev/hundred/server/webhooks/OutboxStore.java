package dev.hundred.server.webhooks;

import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import dev.hundred.server.store.Sequences;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the outbox, the finished deliveries and their attempts. A lane's rows go out one at a time in
 * seq order: only the row that heads its lane ({@code head}) is claimable, and finishing it makes the next
 * one head, with the lane's counter locked (as a change queuing into the lane holds it) so that a row
 * queued meanwhile and the row finishing never both think the other is the head.
 */
public final class OutboxStore {
    /** The claim's SQL, for the test that reads its plan. */
    static final String CLAIM = "SELECT o.* FROM webhook_outbox o WHERE o.head = TRUE AND o.due_at <= :now"
            + " AND (o.lease_until IS NULL OR o.lease_until < :wall)";
    private final Sequences sequences;

    OutboxStore(Sequences sequences) {
        this.sequences = sequences;
    }

    /** The order of a new row in its lane: taken under the lane's lock, at least the event's microseconds. */
    long nextSeq(Handle h, String lane, Instant now) {
        return sequences.next(h, counter(lane), java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, now));
    }

    private static String counter(String lane) {
        return "webhook:" + lane;
    }

    private static final String COLUMNS = "id, lane, seq, workspace_id, room_id, event_id, event_type, event_at, body,"
            + " url, host, headers, signing_secret, attempts, due_at, workflow_id, created_at";
    private static final String VALUES = ":id, :lane, :seq, :workspaceId, :roomId, :eventId, :eventType, :eventAt, :body,"
            + " :url, :host, :headersJson, :signingSecret, :attempts, :dueAt, :workflowId, :createdAt";

    /** Queues a row behind those of its lane ({@link #nextSeq} taken first, in this transaction). */
    void insert(Handle h, OutboxRow row, Instant now) {
        bind(h.createUpdate("INSERT INTO webhook_outbox (" + COLUMNS + ", head) VALUES (" + VALUES + ","
                + " NOT EXISTS (SELECT 1 FROM webhook_outbox p WHERE p.lane = :lane))"), row, now).execute();
    }

    /** Rows of lanes of their own (replays): each heads its lane. */

    void insertAll(Handle h, List<OutboxRow> rows, Instant now) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO webhook_outbox (" + COLUMNS + ") VALUES (" + VALUES + ")");
        for (OutboxRow row : rows) {
            bind(batch, row, now).add();
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
    }

    private static <S extends SqlStatement<S>> S bind(S statement, OutboxRow row, Instant now) {
        return statement.bind("id", row.id()).bind("lane", row.lane()).bind("seq", row.seq())
                .bind("workspaceId", row.workspaceId()).bind("roomId", row.roomId()).bind("eventId", row.eventId())
                .bind("eventType", row.eventType()).bind("eventAt", row.eventAt()).bind("body", row.body())
                .bind("url", row.url()).bind("host", row.host()).bind("headersJson", Json.write(row.headers()))
                .bind("signingSecret", row.signingSecret()).bind("attempts", row.attempts()).bind("dueAt", row.dueAt())
                .bind("workflowId", row.workflowId()).bind("createdAt", now);
    }

    /**
     * Claims up to {@code limit} due rows that head their lane (no earlier row of the lane is still
     * queued, so a room's events leave in order), skipping rows another claimer holds, and leases them
     * until {@code leaseUntil}: a node that dies mid-attempt gives its rows back when the lease ends.
     * Receivers in {@code busyHosts} are left out; {@code admit} may refuse more (it sees rows in order).
     */
    List<OutboxRow> claim(Handle h, Instant now, Instant wall, Instant leaseUntil, int limit, Collection<String> busyHosts,
                          Predicate<OutboxRow> admit) {
        String notBusy = busyHosts.isEmpty() ? "" : " AND o.host NOT IN (<busy>)";
        var query = h.createQuery(CLAIM + notBusy
                        + " ORDER BY o.due_at, o.seq FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .bind("now", now).bind("wall", wall);
        if (!busyHosts.isEmpty()) {
            query.bindList("busy", List.copyOf(busyHosts));
        }
        // Rows not admitted (their receiver reached its cap within this batch) stay due, unleased.
        List<OutboxRow> rows = query.map(OutboxStore::row).list().stream().filter(admit).toList();
        if (rows.isEmpty()) {
            return rows;
        }
        h.createUpdate("UPDATE webhook_outbox SET lease_until = :lease, attempts = attempts + 1 WHERE id IN (<ids>)")
                .bind("lease", leaseUntil).bindList("ids", rows.stream().map(OutboxRow::id).toList()).execute();
        return rows.stream().map(r -> new OutboxRow(r.id(), r.lane(), r.seq(), r.workspaceId(), r.roomId(), r.eventId(),
                r.eventType(), r.eventAt(), r.body(), r.url(), r.host(), r.headers(), r.signingSecret(),
                r.attempts() + 1, r.dueAt(), r.workflowId(), r.queuedAt())).toList();
    }

    /** The earliest due time (or lease end) later than {@code after}; empty when there is none. */
    java.util.Optional<Instant> nextDueAfter(Handle h, Instant after) {
        return h.createQuery("SELECT MIN(due_at) AS due FROM webhook_outbox WHERE due_at > :after").bind("after", after)
                .map((rs, ctx) -> Database.instant(rs, "due")).findOne();
    }

    /** Puts a failed attempt's row back for its next try; false when the lease was lost meanwhile. */
    boolean retryAt(Handle h, OutboxRow row, Instant due) {
        return h.createUpdate("UPDATE webhook_outbox SET due_at = :due, lease_until = NULL WHERE id = :id"
                        + " AND attempts = :attempts")
                .bind("due", due).bind("id", row.id()).bind("attempts", row.attempts()).execute() == 1;
    }

    /** Moves the row to the finished deliveries; false when the lease was lost meanwhile. */
    boolean finish(Handle h, OutboxRow row, boolean success, String error, Instant now) {
        sequences.lock(h, counter(row.lane())); // none for a replay's lane of its own
        int deleted = h.createUpdate("DELETE FROM webhook_outbox WHERE id = :id AND attempts = :attempts")
                .bind("id", row.id()).bind("attempts", row.attempts()).execute();
        if (deleted == 0) {
            return false;
        }
        h.createUpdate("UPDATE webhook_outbox SET head = TRUE WHERE id = (SELECT id FROM webhook_outbox"
                        + " WHERE lane = :lane ORDER BY seq FETCH FIRST 1 ROW ONLY)")
                .bind("lane", row.lane()).execute();
        h.createUpdate("INSERT INTO webhook_deliveries (id, seq, workspace_id, room_id, event_id, event_type, event_at, body,"
                        + " url, status, error_reason, attempts, workflow_id, finished_at) VALUES (:id, :seq, :workspaceId, :roomId,"
                        + " :eventId, :eventType, :eventAt, :body, :url, :status, :error, :attempts, :workflowId, :now)")
                .bind("id", row.id()).bind("seq", row.seq()).bind("workspaceId", row.workspaceId()).bind("roomId", row.roomId())
                .bind("eventId", row.eventId()).bind("eventType", row.eventType()).bind("eventAt", row.eventAt())
                .bind("body", row.body()).bind("url", row.url()).bind("attempts", row.attempts())
                .bind("workflowId", row.workflowId())
                .bind("status", success ? "success" : "failed").bind("error", error).bind("now", now)
                .execute();
        return true;
    }

    void recordAttempt(Handle h, OutboxRow row, Instant startedAt, long durationMs, Integer statusCode, String error) {
        h.createUpdate("INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)"
                        + " VALUES (:id, :attempt, :startedAt, :duration, :status, :error)")
                .bind("id", row.id()).bind("attempt", row.attempts()).bind("startedAt", startedAt)
                .bind("duration", (int) Math.min(Integer.MAX_VALUE, durationMs))
                .bind("status", statusCode).bind("error", error).execute();
    }

    /** History is kept as long as the cloud lets it be queried (30 days, spec §1.8). */
    void purgeBefore(Handle h, Instant cutoff) {
        h.createUpdate("DELETE FROM webhook_attempts WHERE delivery_id IN"
                + " (SELECT id FROM webhook_deliveries WHERE finished_at < :cutoff)").bind("cutoff", cutoff).execute();
        h.createUpdate("DELETE FROM webhook_deliveries WHERE finished_at < :cutoff").bind("cutoff", cutoff).execute();
    }

    private static OutboxRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxRow(rs.getString("id"), rs.getString("lane"), rs.getLong("seq"), rs.getString("workspace_id"),
                rs.getString("room_id"), rs.getString("event_id"), rs.getString("event_type"),
                Database.instant(rs, "event_at"), rs.getString("body"), rs.getString("url"), rs.getString("host"),
                WebhookSettingsStore.readHeaders(rs.getString("headers")), rs.getString("signing_secret"),
                rs.getInt("attempts"), Database.instant(rs, "due_at"), rs.getString("workflow_id"),
                Database.instant(rs, "created_at"));
    }

    /** The workspace's queued deliveries (emulator reset): what was not sent yet never will be. */
    public static void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.deleteThrough(h, "webhook_attempts", "delivery_id", "webhook_outbox", workspaceId);
        WorkspaceRows.delete(h, "webhook_outbox", workspaceId);
    }
}
