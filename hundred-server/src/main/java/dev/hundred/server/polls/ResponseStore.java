package dev.hundred.server.polls;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Where;
import dev.hundred.server.store.WorkspaceRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for the answers ({@code poll_responses}: every answer, a replaced one marked {@code superseded}) and
 * the scores ({@code poll_results}: one row per run, participant and question, updated in place).
 */
public final class ResponseStore {
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() {};
    private static final String RESPONSE_COLUMNS = "id, poll_id, run_id, session_id, question_index, participant,"
            + " peer_id, user_id, skipped, option_index, option_list, answer_text, duration_ms, original_response,"
            + " retries, sent_at";
    private static final String RESULT_COLUMNS = "id, poll_id, run_id, session_id, question_index, participant,"
            + " peer_id, user_id, duration_ms, score";

    void insert(Handle h, String workspaceId, PollResponse r) {
        h.createUpdate("INSERT INTO poll_responses (workspace_id, superseded, " + RESPONSE_COLUMNS + ") VALUES (:ws,"
                        + " FALSE, :id, :pollId, :runId, :sessionId, :question, :participant, :peerId, :userId,"
                        + " :skipped, :option, :options, :text, :duration, :original, :retries, :sentAt)")
                .bind("ws", workspaceId).bind("id", r.id()).bind("pollId", r.pollId()).bind("runId", r.runId())
                .bind("sessionId", r.sessionId()).bind("question", r.question()).bind("participant", r.participant())
                .bind("peerId", r.peerId()).bind("userId", r.userId()).bind("skipped", r.skipped())
                .bind("option", r.option()).bind("options", r.options() == null ? null : Json.write(r.options()))
                .bind("text", r.text()).bind("duration", r.duration()).bind("original", r.originalResponse())
                .bind("retries", r.retries()).bind("sentAt", r.sentAt())
                .execute();
    }

    /** The participant's current answer to a question in a run. */
    Optional<PollResponse> latest(Handle h, String runId, String participant, int question) {
        return h.createQuery("SELECT " + RESPONSE_COLUMNS + " FROM poll_responses WHERE run_id = :runId"
                        + " AND participant = :participant AND question_index = :question AND superseded = FALSE")
                .bind("runId", runId).bind("participant", participant).bind("question", question)
                .map(ResponseStore::response).findFirst();
    }

    void supersede(Handle h, String id) {
        h.createUpdate("UPDATE poll_responses SET superseded = TRUE WHERE id = :id").bind("id", id).execute();
    }

    Optional<PollResponse> response(Handle h, String pollId, String id) {
        return h.createQuery("SELECT " + RESPONSE_COLUMNS + " FROM poll_responses WHERE poll_id = :pollId AND id = :id")
                .bind("pollId", pollId).bind("id", id).map(ResponseStore::response).findOne();
    }

    /** Newest first; superseded answers only with {@code all}; {@code question} 0 means every question. */
    List<PollResponse> responses(Handle h, String pollId, String sessionId, boolean all, int question, String start,
                                 int limit) {
        Where where = new Where().and("poll_id = :pollId", "pollId", pollId)
                .andIf(sessionId, "session_id = :sessionId", "sessionId")
                .andIf(all ? null : Boolean.FALSE, "superseded = :superseded", "superseded")
                .andIf(question > 0 ? question : null, "question_index = :question", "question")
                .andIf(start, "id < :start", "start");
        return where.bind(h.createQuery("SELECT " + RESPONSE_COLUMNS + " FROM poll_responses" + where.sql()
                        + " ORDER BY id DESC LIMIT :limit"))
                .bind("limit", limit).map(ResponseStore::response).list();
    }

    Optional<PollResult> result(Handle h, String runId, String participant, int question) {
        return h.createQuery("SELECT " + RESULT_COLUMNS + " FROM poll_results WHERE run_id = :runId"
                        + " AND participant = :participant AND question_index = :question")
                .bind("runId", runId).bind("participant", participant).bind("question", question)
                .map(ResponseStore::result).findOne();
    }

    Optional<PollResult> result(Handle h, String pollId, String id) {
        return h.createQuery("SELECT " + RESULT_COLUMNS + " FROM poll_results WHERE poll_id = :pollId AND id = :id")
                .bind("pollId", pollId).bind("id", id).map(ResponseStore::result).findOne();
    }

    void insertResult(Handle h, String workspaceId, PollResult r) {
        h.createUpdate("INSERT INTO poll_results (workspace_id, " + RESULT_COLUMNS + ") VALUES (:ws, :id, :pollId,"
                        + " :runId, :sessionId, :question, :participant, :peerId, :userId, :duration, :score)")
                .bind("ws", workspaceId).bind("id", r.id()).bind("pollId", r.pollId()).bind("runId", r.runId())
                .bind("sessionId", r.sessionId()).bind("question", r.question()).bind("participant", r.participant())
                .bind("peerId", r.peerId()).bind("userId", r.userId()).bind("duration", r.duration())
                .bind("score", r.score())
                .execute();
    }

    /** A changed answer: the score, its duration and who answered (in peerid mode the same; in userid mode a newer peer). */
    void updateResult(Handle h, PollResult r) {
        h.createUpdate("UPDATE poll_results SET peer_id = :peerId, user_id = :userId, duration_ms = :duration,"
                        + " score = :score WHERE id = :id")
                .bind("id", r.id()).bind("peerId", r.peerId()).bind("userId", r.userId())
                .bind("duration", r.duration()).bind("score", r.score())
                .execute();
    }

    List<PollResult> results(Handle h, String pollId, String sessionId, int question, String start, int limit) {
        Where where = new Where().and("poll_id = :pollId", "pollId", pollId)
                .andIf(sessionId, "session_id = :sessionId", "sessionId")
                .andIf(question > 0 ? question : null, "question_index = :question", "question")
                .andIf(start, "id < :start", "start");
        return where.bind(h.createQuery("SELECT " + RESULT_COLUMNS + " FROM poll_results" + where.sql()
                        + " ORDER BY id DESC LIMIT :limit"))
                .bind("limit", limit).map(ResponseStore::result).list();
    }

    private static PollResponse response(ResultSet rs, StatementContext ctx) throws SQLException {
        int option = rs.getInt("option_index");
        boolean noOption = rs.wasNull();
        String options = rs.getString("option_list");
        return new PollResponse(rs.getString("id"), rs.getString("poll_id"), rs.getString("session_id"),
                rs.getLong("duration_ms"), rs.getInt("question_index"), rs.getBoolean("skipped"),
                noOption ? null : option, options == null ? null : readInts(options),
                rs.getString("answer_text"), !rs.getString("original_response").isEmpty(),
                rs.getString("original_response"), rs.getInt("retries"), Database.instant(rs, "sent_at"),
                rs.getString("peer_id"), rs.getString("user_id"), rs.getString("run_id"), rs.getString("participant"));
    }

    private static PollResult result(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PollResult(rs.getString("id"), rs.getString("poll_id"), rs.getString("session_id"),
                rs.getInt("question_index"), rs.getLong("duration_ms"), rs.getString("peer_id"),
                rs.getString("user_id"), rs.getInt("score"), rs.getString("run_id"), rs.getString("participant"));
    }

    private static List<Integer> readInts(String json) {
        try {
            return Json.MAPPER.readValue(json, INTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored options are not a JSON array", e);
        }
    }

    /** Every answer and score of the workspace's poll runs (emulator reset). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "poll_results", workspaceId);
        WorkspaceRows.delete(h, "poll_responses", workspaceId);
    }
}
