package dev.hundred.server.timers;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for durable timers. */
public final class TimerStore {
    private static final String CLAIMABLE = "due_at <= :now AND (lease_until IS NULL OR lease_until < :wall)";

    /** One timer per (kind, subject): scheduling again replaces it. */
    void put(Handle h, String id, String kind, String subject, String lane, String workspaceId, Instant dueAt, long seq,
             String payload, Instant now) {
        h.createUpdate("DELETE FROM timers WHERE kind = :kind AND subject = :subject")
                .bind("kind", kind).bind("subject", subject).execute();
        h.createUpdate("INSERT INTO timers (id, kind, subject, lane, workspace_id, due_at, seq, payload, attempts, created_at)"
                        + " VALUES (:id, :kind, :subject, :lane, :ws, :due, :seq, :payload, 0, :now)")
                .bind("id", id).bind("kind", kind).bind("subject", subject).bind("lane", lane).bind("ws", workspaceId)
                .bind("due", dueAt)
                .bind("seq", seq).bind("payload", payload).bind("now", now).execute();
    }

    boolean delete(Handle h, String kind, String subject) {
        return h.createUpdate("DELETE FROM timers WHERE kind = :kind AND subject = :subject")
                .bind("kind", kind).bind("subject", subject).execute() > 0;
    }

    Optional<Instant> dueAt(Handle h, String kind, String subject) {
        return h.createQuery("SELECT due_at FROM timers WHERE kind = :kind AND subject = :subject")
                .bind("kind", kind).bind("subject", subject).map((rs, ctx) -> Database.instant(rs, "due_at")).findOne();
    }

    /**
     * Claims up to {@code limit} timers due at {@code now} (server clock) that nobody holds, earliest first,
     * skipping rows another node is claiming, and leases them until {@code leaseUntil} (wall clock).
     */
    List<Timer> claim(Handle h, Instant now, Instant wall, Instant leaseUntil, String token, int limit) {
        List<Timer> due = h.createQuery("SELECT * FROM timers WHERE " + CLAIMABLE
                        + " ORDER BY due_at, seq FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .bind("now", now).bind("wall", wall).map(TimerStore::row).list();
        if (due.isEmpty()) {
            return due;
        }
        h.createUpdate("UPDATE timers SET lease_until = :lease, lease_token = :token, attempts = attempts + 1"
                        + " WHERE id IN (<ids>)")
                .bind("lease", leaseUntil).bind("token", token).bindList("ids", due.stream().map(Timer::id).toList())
                .execute();
        return due.stream().map(t -> new Timer(t.id(), t.kind(), t.subject(), t.lane(), t.workspaceId(), t.dueAt(),
                t.payload(), token, t.attempts() + 1)).toList();
    }

    /** Removes a claimed timer if this claim still holds it: true means the caller's change may go ahead. */
    boolean consume(Handle h, Timer t) {
        return h.createUpdate("DELETE FROM timers WHERE id = :id AND lease_token = :token")
                .bind("id", t.id()).bind("token", t.leaseToken()).execute() == 1;
    }

    /** Gives a claimed timer back, to be claimed again once {@code retryAt} (wall clock) has passed. */
    void release(Handle h, Timer t, Instant retryAt) {
        h.createUpdate("UPDATE timers SET lease_until = :retry, lease_token = NULL WHERE id = :id AND lease_token = :token")
                .bind("retry", retryAt).bind("id", t.id()).bind("token", t.leaseToken()).execute();
    }

    /** The earliest due time at or before {@code limit} of a timer that could be claimed now. */
    Optional<Instant> nextClaimable(Handle h, Instant limit, Instant wall) {
        return h.createQuery("SELECT MIN(due_at) AS due FROM timers WHERE due_at <= :limit"
                        + " AND (lease_until IS NULL OR lease_until < :wall)")
                .bind("limit", limit).bind("wall", wall).map((rs, ctx) -> Database.instant(rs, "due")).findOne();
    }

    private static Timer row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Timer(rs.getString("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("lane"),
                rs.getString("workspace_id"), Database.instant(rs, "due_at"), rs.getString("payload"),
                rs.getString("lease_token"), rs.getInt("attempts"));
    }

    /** Every timer of the workspace (emulator reset); one a node holds right now finds its subject gone. */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "timers", workspaceId);
    }
}
