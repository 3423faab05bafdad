package dev.hundred.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.store.Database;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL numbers the inbox in one statement that cannot lean on the counter's lock to see what the lock's
 * last holder numbered (its snapshot is older than its wait: InboxStore#numberInOne). The race it must survive,
 * made to happen: a numbering waits for another one still open, then leaves out what that one numbered and
 * goes on from its last number, without a gap or a number given twice.
 */
class InboxNumberingTest {
    private final InboxStore store = new InboxStore();

    @Test
    void a_numbering_that_waited_for_another_numbers_only_what_that_one_left() throws Exception {
        Client api = workspaceWithThreeEvents();
        Database db = api.server().database();
        String ws = api.workspace().id();
        try (Handle first = db.open()) {
            first.begin();
            assertThat(store.numberInOne(first, ws, 500, 10_000)).isEqualTo(new InboxStore.Numbered(3, 3, true));
            db.tx(h -> {
                insert(h, ws, 4, 5); // committed while the first numbering is still open
                return null;
            });
            CompletableFuture<InboxStore.Numbered> second = new CompletableFuture<>();
            Thread waiting = new Thread(() -> {
                try {
                    second.complete(db.read(h -> store.numberInOne(h, ws, 500, 10_000)));
                } catch (RuntimeException e) {
                    second.completeExceptionally(e);
                }
            });
            waiting.start();
            awaitWaitingOnALock(db);
            first.commit();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(new InboxStore.Numbered(5, 2, true));
        }
        List<String> numbered = db.read(h -> h.createQuery("SELECT id || '=' || seq FROM emulator_events"
                + " WHERE workspace_id = :ws ORDER BY arrival").bind("ws", ws).mapTo(String.class).list());
        assertThat(numbered).containsExactly(ws + "-1=1", ws + "-2=2", ws + "-3=3", ws + "-4=4", ws + "-5=5");
    }

    /**
     * The newest events are kept in the numbering's own commit, so that no reader sees more than that in between
     * (a DELETE of its own after the numbering left a moment where a reader did: InboxRetentionTest, PostgreSQL).
     */
    @Test
    void a_numbering_keeps_the_newest_in_the_same_statement() {
        Client api = workspaceWithThreeEvents();
        Database db = api.server().database();
        String ws = api.workspace().id();
        InboxStore.Numbered first = db.read(h -> store.numberInOne(h, ws, 500, 2));
        assertThat(first).isEqualTo(new InboxStore.Numbered(3, 3, true));
        db.tx(h -> {
            insert(h, ws, 4, 5);
            return null;
        });
        InboxStore.Numbered second = db.read(h -> store.numberInOne(h, ws, 500, 2));
        assertThat(second).isEqualTo(new InboxStore.Numbered(5, 2, true));
        List<String> kept = db.read(h -> h.createQuery("SELECT id || '=' || seq FROM emulator_events"
                + " WHERE workspace_id = :ws ORDER BY arrival").bind("ws", ws).mapTo(String.class).list());
        assertThat(kept).containsExactly(ws + "-4=4", ws + "-5=5");
    }

    /** A new workspace on PostgreSQL with its counter and three committed, unnumbered events (1, 2, 3). */
    private Client workspaceWithThreeEvents() {
        Client api = Client.forNewWorkspace(Backends.server(Backends.POSTGRES));
        String ws = api.workspace().id();
        api.server().database().tx(h -> {
            store.insertCounter(h, ws);
            insert(h, ws, 1, 3);
            return null;
        });
        return api;
    }

    private void insert(Handle h, String ws, int from, int to) {
        for (int n = from; n <= to; n++) {
            store.insert(h, ws + "-" + n, ws, n, "room", "test.numbered", "{}", Instant.now());
        }
    }

    /** Until a numbering of this database waits on a row lock (the first one's events). */
    private static void awaitWaitingOnALock(Database db) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.read(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND query LIKE 'WITH e AS (SELECT id, arrival FROM emulator_events%'")
                .mapTo(Integer.class).one()) == 0) {
            assertThat(System.nanoTime()).as("a numbering waiting on a lock within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
