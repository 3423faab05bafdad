package dev.hundred.server.polls;

import dev.hundred.server.store.Database;
import dev.hundred.server.workspaces.Workspace;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What polls leave behind (spec §14.2): their runs ("sessions"), every answer, and the scores. Each read
 * takes an optional {@code sessionId}, for the nested paths a community client uses
 * ({@code /sessions/{session_id}/responses}, spec §14.2 "path uncertainty"). Another workspace's poll is 404.
 */
public final class PollHistoryService {
    private final Database db;
    private final PollService polls;
    private final RunStore runs = new RunStore();
    private final ResponseStore responses = new ResponseStore();

    /** A list query: {@code question} 0 means every question; {@code all} includes replaced answers. */
    public record Filter(String sessionId, boolean all, int question, String start, int limit) {}

    public PollHistoryService(Database db, PollService polls) {
        this.db = db;
        this.polls = polls;
    }

    public List<PollSession> sessions(Workspace ws, String pollId, Filter f) {
        return db.read(h -> runs.page(h, require(h, ws, pollId), f.sessionId(), f.start(), f.limit()));
    }

    public List<PollResponse> responses(Workspace ws, String pollId, Filter f) {
        return db.read(h -> responses.responses(h, require(h, ws, pollId), f.sessionId(), f.all(), f.question(),
                f.start(), f.limit()));
    }

    public PollResponse response(Workspace ws, String pollId, String sessionId, String id) {
        return db.read(h -> responses.response(h, require(h, ws, pollId), id)
                .filter(r -> sessionId == null || r.sessionId().equals(sessionId))
                .orElseThrow(PollErrors::responseNotFound));
    }

    public List<PollResult> results(Workspace ws, String pollId, Filter f) {
        return db.read(h -> responses.results(h, require(h, ws, pollId), f.sessionId(), f.question(), f.start(),
                f.limit()));
    }

    public PollResult result(Workspace ws, String pollId, String sessionId, String id) {
        return db.read(h -> responses.result(h, require(h, ws, pollId), id)
                .filter(r -> sessionId == null || r.sessionId().equals(sessionId))
                .orElseThrow(PollErrors::resultNotFound));
    }

    private String require(Handle h, Workspace ws, String pollId) {
        return polls.require(h, ws, pollId).id();
    }
}
