package dev.hundred.server.emulator;

import dev.hundred.server.store.WorkspaceRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** SQL for the event inbox: its events, and the counter that numbers them. */
public final class InboxStore {
    /** An event of the inbox: its id, place and envelope. */
    record Stored(String id, long seq, String body) {}

    void insert(Handle h, String id, String workspaceId, long arrival, String roomId, String type, String body,
                Instant recordedAt) {
        h.createUpdate("INSERT INTO emulator_events (id, workspace_id, seq, arrival, room_id, event_type, body, recorded_at)"
                        + " VALUES (:id, :ws, NULL, :arrival, :room, :type, :body, :at)")
                .bind("id", id).bind("ws", workspaceId).bind("arrival", arrival).bind("room", roomId).bind("type", type)
                .bind("body", body).bind("at", recordedAt).execute();
    }

    boolean hasUnnumbered(Handle h, String workspaceId) {
        return h.createQuery("SELECT 1 FROM emulator_events WHERE workspace_id = :ws AND seq IS NULL FETCH FIRST 1 ROWS ONLY")
                .bind("ws", workspaceId).mapTo(Integer.class).findOne().isPresent();
    }

    /** The workspace's counter, locked until the transaction ends; empty when it has none yet. */
    Optional<Long> lockCounter(Handle h, String workspaceId) {
        return h.createQuery("SELECT last_seq FROM emulator_event_counters WHERE workspace_id = :ws FOR UPDATE")
                .bind("ws", workspaceId).mapTo(Long.class).findOne();
    }

    boolean hasCounter(Handle h, String workspaceId) {
        return h.createQuery("SELECT 1 FROM emulator_event_counters WHERE workspace_id = :ws").bind("ws", workspaceId)
                .mapTo(Integer.class).findOne().isPresent();
    }

    /** A first counter; a concurrent first one breaks the primary key (the caller takes it as made). */
    void insertCounter(Handle h, String workspaceId) {
        h.createUpdate("INSERT INTO emulator_event_counters (workspace_id, last_seq) VALUES (:ws, 0)")
                .bind("ws", workspaceId).execute();
    }

    void setCounter(Handle h, String workspaceId, long last) {
        h.createUpdate("UPDATE emulator_event_counters SET last_seq = :last WHERE workspace_id = :ws")
                .bind("last", last).bind("ws", workspaceId).execute();
    }

    /** Up to {@code limit} committed events not numbered yet, in the order they were written. */
    List<String> unnumbered(Handle h, String workspaceId, int limit) {
        return h.createQuery("SELECT id FROM emulator_events WHERE workspace_id = :ws AND seq IS NULL ORDER BY arrival, id"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .bind("ws", workspaceId).mapTo(String.class).list();
    }

    void number(Handle h, List<String> ids, long firstSeq) {
        PreparedBatch batch = h.prepareBatch("UPDATE emulator_events SET seq = :seq WHERE id = :id");
        long seq = firstSeq;
        for (String id : ids) {
            batch.bind("seq", seq++).bind("id", id).add();
        }
        batch.execute();
    }

    /**
     * What {@link #numberInOne} did: the counter's new value and how many events it numbered (none: last 0), and
     * whether the workspace has a counter row at all.
     */
    record Numbered(long last, int count, boolean counterExists) {}

    /**
     * PostgreSQL only (data-changing WITHs), in autocommit: {@link #lockCounter}, {@link #unnumbered},
     * {@link #number} and {@link #setCounter} as one statement, one transaction. Its snapshot is taken before
     * it waits for any lock, so it cannot rely on the counter's lock to see what the lock's last holder
     * numbered; it locks the events it numbers instead, first, in the order it numbers them: an event another
     * numbering holds is waited for and, numbered by then, left out (PostgreSQL checks {@code seq IS NULL}
     * again on the newest row), and the counter, locked last, is read as its last holder left it. Every
     * numbering locks events before the counter, each in (arrival, id) order, so two never wait for each other
     * in a circle. Events committed after the snapshot are left to the next numbering (their own commit's).
     */
    Numbered numberInOne(Handle h, String workspaceId, int limit, int keep) {
        return h.createQuery("WITH e AS (SELECT id, arrival FROM emulator_events WHERE workspace_id = :ws AND seq IS NULL"
                        + " ORDER BY arrival, id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE),"
                        + " k AS (SELECT COUNT(*) AS n FROM e),"
                        + " c AS (UPDATE emulator_event_counters SET last_seq = last_seq + (SELECT n FROM k)"
                        + " WHERE workspace_id = :ws AND EXISTS (SELECT 1 FROM e) RETURNING last_seq),"
                        + " o AS (SELECT id, ROW_NUMBER() OVER (ORDER BY arrival, id) AS n FROM e),"
                        + " u AS (UPDATE emulator_events x SET seq = c.last_seq - (SELECT n FROM k) + o.n FROM o, c"
                        + " WHERE x.id = o.id RETURNING x.seq),"
                        // The newest `keep` kept in the same commit as the numbering: a reader that waited for this
                        // numbering, or came after it, never sees more (a separate DELETE after it left a moment
                        // where a reader did: InboxRetentionTest on PostgreSQL). It sees the rows numbered before
                        // this statement; the ones it numbers are all above the cut (limit < keep).
                        + " d AS (DELETE FROM emulator_events WHERE workspace_id = :ws"
                        + " AND seq <= (SELECT last_seq FROM c) - :keep)"
                        + " SELECT COALESCE((SELECT last_seq FROM c), 0) AS last, (SELECT COUNT(*) FROM u) AS numbered,"
                        + " EXISTS (SELECT 1 FROM emulator_event_counters WHERE workspace_id = :ws) AS counter_exists")
                .bind("ws", workspaceId).bind("keep", keep)
                .map((rs, ctx) -> new Numbered(rs.getLong("last"), rs.getInt("numbered"),
                        rs.getBoolean("counter_exists"))).one();
    }

    Optional<Long> seqOf(Handle h, String workspaceId, String id) {
        return h.createQuery("SELECT seq FROM emulator_events WHERE workspace_id = :ws AND id = :id AND seq IS NOT NULL")
                .bind("ws", workspaceId).bind("id", id).mapTo(Long.class).findOne();
    }

    /** Numbered events after {@code afterSeq}, recorded since {@code since}, matching the filters, in order. */
    List<Stored> after(Handle h, String workspaceId, long afterSeq, Instant since, List<String> types, String roomId,
                       int limit) {
        String sql = "SELECT id, seq, body FROM emulator_events WHERE workspace_id = :ws AND seq > :after"
                + " AND recorded_at >= :since"
                + (types.isEmpty() ? "" : " AND event_type IN (<types>)")
                + (roomId == null ? "" : " AND room_id = :room")
                + " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY";
        Query query = h.createQuery(sql).bind("ws", workspaceId).bind("after", afterSeq).bind("since", since);
        if (!types.isEmpty()) {
            query.bindList("types", types);
        }
        if (roomId != null) {
            query.bind("room", roomId);
        }
        return query.map((rs, ctx) -> new Stored(rs.getString("id"), rs.getLong("seq"), rs.getString("body"))).list();
    }

    /** Keeps the newest {@code keep} events of the workspace. */
    void keepNewest(Handle h, String workspaceId, long lastSeq, int keep) {
        h.createUpdate("DELETE FROM emulator_events WHERE workspace_id = :ws AND seq <= :cut")
                .bind("ws", workspaceId).bind("cut", lastSeq - keep).execute();
    }

    int purgeBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM emulator_events WHERE recorded_at < :cutoff").bind("cutoff", cutoff).execute();
    }

    /**
     * The workspace's inbox (emulator reset). Its counter stays: nodes remember that it exists, and numbers
     * that go on from where they were keep every open long poll's place valid.
     */
    public void deleteWorkspace(Handle h, String workspaceId) {
        WorkspaceRows.delete(h, "emulator_events", workspaceId);
    }
}
