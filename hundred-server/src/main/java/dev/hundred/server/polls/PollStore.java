package dev.hundred.server.polls;

import dev.hundred.server.http.Json;
import dev.hundred.server.store.WorkspaceRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for poll definitions: each poll is one row, its JSON (every default filled) in {@code body}. */
public final class PollStore {

    void insert(Handle h, String workspaceId, Poll poll, Instant now) {
        h.createUpdate("INSERT INTO polls (id, workspace_id, body, created_at, updated_at)"
                        + " VALUES (:id, :ws, :body, :now, :now)")
                .bind("id", poll.id()).bind("ws", workspaceId).bind("body", body(poll)).bind("now", now)
                .execute();
    }

    void update(Handle h, String workspaceId, Poll poll, Instant now) {
        h.createUpdate("UPDATE polls SET body = :body, updated_at = :now WHERE id = :id AND workspace_id = :ws")
                .bind("id", poll.id()).bind("ws", workspaceId).bind("body", body(poll)).bind("now", now)
                .execute();
    }

    Optional<Poll> byId(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT id, body FROM polls WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", id)
                .map((rs, ctx) -> Json.read(rs.getString("body"), Poll.class).withId(rs.getString("id")))
                .findOne();
    }

    /** The same, its row locked until {@code h} commits: edits of one poll (re-indexing) happen one at a time. */
    Optional<Poll> lockById(Handle h, String workspaceId, String id) {
        h.createQuery("SELECT id FROM polls WHERE workspace_id = :ws AND id = :id FOR UPDATE")
                .bind("ws", workspaceId).bind("id", id).mapTo(String.class).findOne();
        return byId(h, workspaceId, id);
    }

    /** The polls among {@code ids} that exist in the workspace, in the order of {@code ids}. */
    List<Poll> byIds(Handle h, String workspaceId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Poll> found = h.createQuery("SELECT id, body FROM polls WHERE workspace_id = :ws AND id IN (<ids>)")
                .bind("ws", workspaceId).bindList("ids", ids)
                .map((rs, ctx) -> Json.read(rs.getString("body"), Poll.class).withId(rs.getString("id")))
                .list();
        return ids.stream().distinct().flatMap(id -> found.stream().filter(p -> p.id().equals(id))).toList();
    }

    private static String body(Poll poll) {
        return Json.write(poll.withId(null));
    }

    /** Every poll of the workspace, oldest first (emulator export). */
    List<Poll> all(Handle h, String workspaceId) {
        return h.createQuery("SELECT id, body FROM polls WHERE workspace_id = :ws ORDER BY id")
                .bind("ws", workspaceId)
                .map((rs, ctx) -> Json.read(rs.getString("body"), Poll.class).withId(rs.getString("id")))
                .list();
    }

    /** Every poll of the workspace (emulator reset; runs and answers go first). */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "polls", workspaceId);
    }
}
