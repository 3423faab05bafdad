package dev.hundred.server.polls;

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

/** SQL for poll runs ({@code poll_runs}), and their list as {@code /sessions} shows it, with the counts. */
public final class RunStore {
    private static final String COLUMNS = "id, workspace_id, poll_id, room_id, session_id, started_by, started_at,"
            + " stopped_at, stop_reason";

    void insert(Handle h, PollRun run) {
        h.createUpdate("INSERT INTO poll_runs (" + COLUMNS + ") VALUES (:id, :ws, :pollId, :roomId, :sessionId,"
                        + " :startedBy, :startedAt, NULL, NULL)")
                .bind("id", run.id()).bind("ws", run.workspaceId()).bind("pollId", run.pollId())
                .bind("roomId", run.roomId()).bind("sessionId", run.sessionId()).bind("startedBy", run.startedBy())
                .bind("startedAt", run.startedAt())
                .execute();
    }

    void stop(Handle h, String id, Instant at, String reason) {
        h.createUpdate("UPDATE poll_runs SET stopped_at = :at, stop_reason = :reason WHERE id = :id AND stopped_at IS NULL")
                .bind("id", id).bind("at", at).bind("reason", reason).execute();
    }

    Optional<PollRun> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM poll_runs WHERE id = :id")
                .bind("id", id).map(RunStore::row).findOne();
    }

    /** The run of this poll in this session, if it ran there. */
    Optional<PollRun> inSession(Handle h, String pollId, String sessionId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM poll_runs WHERE poll_id = :pollId AND session_id = :sessionId")
                .bind("pollId", pollId).bind("sessionId", sessionId).map(RunStore::row).findOne();
    }

    /** The polls running in a session, oldest start first. */
    List<PollRun> runningInSession(Handle h, String sessionId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM poll_runs WHERE session_id = :sessionId AND stopped_at IS NULL"
                        + " ORDER BY id")
                .bind("sessionId", sessionId).map(RunStore::row).list();
    }

    /** Runs of a poll, newest first; {@code start} exclusive; {@code sessionId} optional. */
    List<PollSession> page(Handle h, String pollId, String sessionId, String start, int limit) {
        Where where = new Where().and("r.poll_id = :pollId", "pollId", pollId)
                .andIf(sessionId, "r.session_id = :sessionId", "sessionId")
                .andIf(start, "r.id < :start", "start");
        return where.bind(h.createQuery("SELECT r.id, r.poll_id, r.session_id, r.started_at, r.stopped_at,"
                        + " (SELECT COUNT(*) FROM poll_responses x WHERE x.run_id = r.id) AS total_responses,"
                        + " (SELECT COUNT(DISTINCT x.participant) FROM poll_responses x WHERE x.run_id = r.id)"
                        + " AS unique_participants FROM poll_runs r" + where.sql() + " ORDER BY r.id DESC LIMIT :limit"))
                .bind("limit", limit)
                .map((rs, ctx) -> new PollSession(rs.getString("id"), rs.getString("poll_id"),
                        rs.getString("session_id"), Database.instant(rs, "started_at"),
                        Database.instant(rs, "stopped_at"), rs.getInt("total_responses"),
                        rs.getInt("unique_participants")))
                .list();
    }

    private static PollRun row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PollRun(rs.getString("id"), rs.getString("workspace_id"), rs.getString("poll_id"),
                rs.getString("room_id"), rs.getString("session_id"), rs.getString("started_by"),
                Database.instant(rs, "started_at"), Database.instant(rs, "stopped_at"), rs.getString("stop_reason"));
    }

    /** Every run of the workspace's polls (emulator reset; answers go first, with ResponseStore). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "poll_runs", workspaceId);
    }
}
