package dev.hundred.server.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@code NOTIFY}s of committed notices, from one connection of its own, many per transaction.
 *
 * <p>Why not in the change's own transaction: PostgreSQL commits the transactions that notified one at a time
 * (a database-wide lock from the notify step to the end of the commit, its WAL flush included), so every
 * join, leave and message of every room on every node queued behind one lock, one disk flush each
 * (pgbench here: 4.5x fewer commits per second with a NOTIFY in each). The notice's row is still written in
 * the change's transaction, numbered per room; this sends the notifications after the commit, batched, and
 * with {@code synchronous_commit = off} (a notification lost in a crash is read back from the rows: listeners
 * fill every gap in a room's numbers from {@code peer_notices}, and catch up when they reconnect).
 *
 * <p>Order: per room, listeners deliver in number order whatever order the notifications arrive in (a number
 * past the next one makes them read the missing rows first), so two commits of one room may be announced in
 * either order.
 */
final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** Notifications per transaction at most; a batch is whatever queued while the last one was sent. */
    private static final int BATCH = 500;

    private final String url;
    private final String nodeId;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    Notifier(String url, String nodeId) {
        this.url = url;
        this.nodeId = nodeId;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "hundred-notifier");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a payload for {@link Notices#CHANNEL}; after the commit of the notice's row, never before. */
    void announce(String payload) {
        queue.add(payload);
    }

    private void run() {
        List<String> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("ApplicationName", "hundred-notifier " + nodeId);
            try (Connection c = DriverManager.getConnection(url, props)) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                }
                // A batch is one statement in autocommit (one transaction as before, but one round trip instead
                // of a BEGIN, a statement per notification and a COMMIT). pg_notify per array element, in order.
                try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify('" + Notices.CHANNEL + "', p)"
                        + " FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS x(p, i) ORDER BY i")) {
                    while (running || !queue.isEmpty() || !batch.isEmpty()) {
                        if (batch.isEmpty()) {
                            String first = queue.poll(500, TimeUnit.MILLISECONDS);
                            if (first == null) {
                                continue;
                            }
                            batch.add(first);
                            queue.drainTo(batch, BATCH - 1);
                        }
                        notify.setArray(1, c.createArrayOf("text", batch.toArray()));
                        notify.execute();
                        batch.clear(); // sent: only now, so a connection lost mid-batch sends it again
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    // The rows are written; listeners would find them at the room's next notice or when they
                    // reconnect. Sending again (a repeat is skipped by number) is quicker than either.
                    LOG.warn("notifier lost its connection; {} notifications to send again", batch.size(), e);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                } else {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends what is queued (waits up to 2 s for it), then stops. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
    }
}
