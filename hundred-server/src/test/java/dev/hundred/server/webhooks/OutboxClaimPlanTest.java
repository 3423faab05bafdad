package dev.hundred.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Sequences;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The claim does not slow down as one room's failing queue grows (issue 8 §2): with 3,000 rows queued
 * behind a head that waits for its retry, PostgreSQL's plan for the claim reads a handful of rows (the
 * heads), not the queue. Before the {@code head} column the claim walked every due row and rejected each
 * with a NOT EXISTS on its lane. Counted from EXPLAIN ANALYZE: rows each plan node produced or filtered.
 */
class OutboxClaimPlanTest {
    private static final int QUEUED = 3_000;

    @Test
    void the_claim_reads_the_heads_not_the_rows_behind_a_failing_one() throws Exception {
        try (Database db = Database.open(Backends.freshPostgresUrl()).awaitReady()) {
            OutboxStore store = new OutboxStore(new Sequences(db.dialect()));
            Instant now = Instant.parse("2026-12-01T12:00:00Z");
            db.tx(h -> {
                for (int i = 0; i < QUEUED; i++) {
                    queue(store, h, "failing-room", "f" + i, now);
                }
                queue(store, h, "quiet-room", "q0", now);
                // The failing room's head waits for its retry, an hour on: everything behind it waits too.
                h.createUpdate("UPDATE webhook_outbox SET due_at = :later WHERE id = 'f0'")
                        .bind("later", now.plusSeconds(3600)).execute();
                return null;
            });
            db.read(h -> h.execute("ANALYZE webhook_outbox"));

            List<OutboxRow> claimed = db.tx(h -> store.claim(h, now, now, now.plusSeconds(60), 100, List.of(), r -> true));
            assertThat(claimed).extracting(OutboxRow::id).containsExactly("q0");
            long read = db.read(h -> rowsRead(h, now));
            assertThat(read).as("rows the claim's plan read, with %d queued behind a failing head", QUEUED)
                    .isLessThan(20);
        }
    }

    private static void queue(OutboxStore store, Handle h, String room, String id, Instant now) {
        store.insert(h, new OutboxRow(id, room, store.nextSeq(h, room, now), "ws", room, id, "peer.join.success", now,
                "{}", "http://127.0.0.1:9/hook", "127.0.0.1:9", Map.of(), null, 0, now, null, now), now);
    }

    private static long rowsRead(Handle h, Instant now) throws Exception {
        String plan = h.createQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + OutboxStore.CLAIM
                        + " ORDER BY o.due_at, o.seq FETCH FIRST 100 ROWS ONLY")
                .bind("now", now).bind("wall", now).mapTo(String.class).one();
        return count(Client.JSON.readTree(plan).get(0).path("Plan"));
    }

    private static long count(JsonNode node) {
        long n = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Index Recheck").asLong();
        for (JsonNode child : node.path("Plans")) {
            n += count(child);
        }
        return n;
    }
}
