package dev.hundred.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.store.Database;
import dev.hundred.server.support.Backends;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Notices are announced after their commits (cluster/Notifier), so a room's notices may be announced out of
 * order, by one node or by two. A listener still hands them to the sockets in number order, the first time
 * it hears of a room as well as later, and never twice. Real PostgreSQL, the real listener; the rows and
 * NOTIFYs are written here as two nodes' commits would write them.
 */
class NoticeOrderTest {

    @Test
    void notices_announced_out_of_order_are_delivered_in_number_order_once() throws Exception {
        String url = Backends.freshPostgresUrl();
        Database schema = Database.open(url).awaitReady(); // the schema, and the caches the listener would drop
        schema.close();
        List<String> delivered = new CopyOnWriteArrayList<>();
        Notices notices = new Notices(true, (to, message, code, reason) -> delivered.add(message));
        NoticeListener listener = new NoticeListener(url, "test-node", notices, schema.invalidations());
        listener.start();
        try (Connection c = DriverManager.getConnection(url)) {
            insert(c, "room-new", 1);
            insert(c, "room-new", 2);
            notify(c, "room-new 2 " + body(2));  // the second commit's announcement first,
            notify(c, "room-new 1 " + body(1));  // then the first's
            await(delivered, 2);
            assertThat(delivered).containsExactly("{\"n\":1}", "{\"n\":2}");

            insert(c, "room-new", 3);
            insert(c, "room-new", 4);
            notify(c, "room-new 4");             // a pointer (too big to travel inline), ahead of 3
            notify(c, "room-new 3 " + body(3));
            await(delivered, 4);
            notify(c, "room-new 4 " + body(4));  // a repeat
            insert(c, "room-new", 5);
            notify(c, "room-new 5 " + body(5));
            await(delivered, 5);
            assertThat(delivered).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
        } finally {
            listener.close();
        }
    }

    private static String body(int n) {
        return "{\"to\":[\"p\"],\"close\":0,\"reason\":null,\"message\":{\"n\":" + n + "}}";
    }

    private static void insert(Connection c, String room, int seq) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO peer_notices (room_id, seq, body, created_at) VALUES (?, ?, ?, now())")) {
            s.setString(1, room);
            s.setLong(2, seq);
            s.setString(3, body(seq));
            s.executeUpdate();
        }
    }

    private static void notify(Connection c, String payload) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + Notices.CHANNEL + "', ?)")) {
            s.setString(1, payload);
            s.execute();
        }
    }

    private static void await(List<String> delivered, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + count + " notices; delivered: " + delivered);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // a poll, not a wait for time to pass
        }
    }
}
