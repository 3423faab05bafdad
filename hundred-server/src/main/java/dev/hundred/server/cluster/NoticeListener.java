package dev.hundred.server.cluster;

import dev.hundred.server.store.Invalidations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's ear on PostgreSQL: one connection of its own (not the pool's) that LISTENs to
 * {@link Notices#CHANNEL} and {@link Invalidations#CHANNEL}, on a thread of its own, so notices are handed to the
 * sockets one at a time in the order the database delivers them (commit order). Per room it remembers the
 * last notice number delivered: a repeat is skipped, a gap is read from {@code peer_notices} first. When
 * the connection drops it reconnects, LISTENs again, then reads what was written meanwhile (rows of the
 * last minute it was deaf plus a margin), so a node that missed notifications catches up from the database.
 */
public final class NoticeListener implements AutoCloseable {
    /** The listening connection's application_name (pg_stat_activity), before the node id: an operator can see, or cut, it. */
    public static final String APPLICATION_NAME = "hundred-notices ";
    private static final Logger LOG = LoggerFactory.getLogger(NoticeListener.class);
    /** How far back a catch-up reads before the moment the connection was last known good. */
    private static final long CATCH_UP_MARGIN_MS = 30_000;
    /** Rows are kept this long: long enough for any catch-up; a node deaf for longer was taken for dead. */
    private static final String KEPT = "5 minutes";
    private static final long PURGE_EVERY_MS = 60_000;
    private static final long VERSION_CHECK_MS = 1_000;
    private static final long FORGET_ROOMS_AFTER_MS = 10 * 60_000;

    private final String url;
    private final Notices notices;
    private final Invalidations caches;
    /** Room id to the last notice number handed to the sockets, and when. */
    private final Map<String, long[]> delivered = new java.util.concurrent.ConcurrentHashMap<>();
    /** Longest a change waits for its notices to come back; only a listener that lost its connection is this slow. */
    private static final long AWAIT_MS = 1_000;
    private volatile boolean connected;
    /** Signalled at each delivery, for changes waiting on their notices ({@link #awaitDelivered}). */
    private final Object progress = new Object();
    private volatile boolean running;
    /** The version of each cached thing last read by {@link #checkVersions}. */
    private final Map<String, Long> versions = new java.util.HashMap<>();
    private Thread thread;
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);

    private final String nodeId;
    /** Sends this node's notifications; started and stopped with the listener. */
    private final Notifier notifier;

    public NoticeListener(String url, String nodeId, Notices notices, Invalidations caches) {
        this.url = url;
        this.nodeId = nodeId;
        this.notifier = new Notifier(url, nodeId);
        this.notices = notices;
        this.caches = caches;
    }

    /** Starts listening; returns once the first LISTEN is in place (or after 10 s of trying). */
    public synchronized void start() {
        notifier.start();
        running = true;
        thread = new Thread(this::run, "hundred-notice-listener");
        thread.setDaemon(true);
        thread.start();
        try {
            listening.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long deafSince = System.currentTimeMillis(); // notices of a change made while this node started up count too
        long lastPurge = 0;
        long lastVersionCheck = 0;
        while (running) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("ApplicationName", APPLICATION_NAME + nodeId);
            try (Connection c = DriverManager.getConnection(url, props)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + Notices.CHANNEL);
                    s.execute("LISTEN " + Invalidations.CHANNEL);
                }
                catchUp(c, deafSince);
                caches.forgetAll(); // whatever changed while deaf: caches start afresh
                listening.countDown();
                connected = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(500);
                    deafSince = System.currentTimeMillis();
                    if (got != null) {
                        for (PGNotification n : got) {
                            handle(c, n);
                        }
                    }
                    if (deafSince - lastVersionCheck >= VERSION_CHECK_MS) {
                        lastVersionCheck = deafSince;
                        checkVersions(c);
                    }
                    if (deafSince - lastPurge > PURGE_EVERY_MS) {
                        lastPurge = deafSince;
                        purge(c);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                synchronized (progress) {
                    progress.notifyAll(); // nobody waits for a deaf listener
                }
                if (running) {
                    LOG.warn("notice listener lost its connection; reconnecting", e);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // back off before reconnecting
                }
            }
        }
    }

    private void handle(Connection c, PGNotification n) throws SQLException {
        if (n.getName().equals(Invalidations.CHANNEL)) {
            caches.forget(n.getParameter());
            return;
        }
        String payload = n.getParameter();
        int first = payload.indexOf(' ');
        int second = payload.indexOf(' ', first + 1);
        String room = payload.substring(0, first);
        long seq = Long.parseLong(second < 0 ? payload.substring(first + 1) : payload.substring(first + 1, second));
        long[] last = delivered.get(room);
        if (last == null) {
            // A room new to this node. Notices are announced after their commits, so one numbered before this
            // may be announced after it: read those of the last moments first (older ones came before the
            // node listened, and its catch-up delivered them).
            readRecent(c, room, seq - 1);
            last = delivered.get(room);
        }
        if (last != null && seq <= last[0]) {
            return; // delivered already (read in a catch-up, or just above)
        }
        if (last != null && seq > last[0] + 1) {
            readRows(c, room, last[0], seq - 1); // missed: read them first, in order
        }
        if (second >= 0) {
            deliver(room, seq, payload.substring(second + 1));
        } else {
            readRows(c, room, seq - 1, seq); // too big to travel inline
        }
    }

    private void readRows(Connection c, String room, long after, long upTo) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq, body FROM peer_notices WHERE room_id = ?"
                + " AND seq > ? AND seq <= ? ORDER BY seq")) {
            q.setString(1, room);
            q.setLong(2, after);
            q.setLong(3, upTo);
            deliverAll(q, room);
        }
    }

    /** The room's notices up to {@code upTo} written in the last {@link #CATCH_UP_MARGIN_MS}, in order. */
    private void readRecent(Connection c, String room, long upTo) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT seq, body FROM peer_notices WHERE room_id = ?"
                + " AND seq <= ? AND created_at >= now() - CAST(? AS INTERVAL) ORDER BY seq")) {
            q.setString(1, room);
            q.setLong(2, upTo);
            q.setString(3, CATCH_UP_MARGIN_MS / 1000 + " seconds");
            deliverAll(q, room);
        }
    }

    /** Delivers, in the order read, the notices of {@code room} that {@code q} selects (seq, body). */
    private void deliverAll(PreparedStatement q, String room) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                deliver(room, rs.getLong("seq"), rs.getString("body"));
            }
        }
    }

    /** Everything written since a while before this node went deaf, that it has not delivered yet. */
    private void catchUp(Connection c, long deafSinceMillis) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT room_id, seq, body FROM peer_notices"
                + " WHERE created_at >= ? ORDER BY room_id, seq")) {
            q.setTimestamp(1, new Timestamp(deafSinceMillis - CATCH_UP_MARGIN_MS));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String room = rs.getString("room_id");
                    long seq = rs.getLong("seq");
                    long[] last = delivered.get(room);
                    if (last == null || seq > last[0]) {
                        deliver(room, seq, rs.getString("body"));
                    }
                }
            }
        }
    }

    private void deliver(String room, long seq, String body) {
        try {
            notices.deliver(body);
        } catch (RuntimeException e) {
            LOG.warn("could not deliver notice {} of room {}", seq, room, e);
        }
        delivered.put(room, new long[] {seq, System.currentTimeMillis()});
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Announces a committed notice to every node, this one included ({@link Notifier}). */
    void announce(String payload) {
        notifier.announce(payload);
    }

    /** Waits (at most a second, not at all while deaf) until notice {@code seq} of {@code room} was delivered here. */
    void awaitDelivered(String room, long seq) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MS);
        synchronized (progress) {
            while (connected && running) {
                long[] last = delivered.get(room);
                long left = deadline - System.nanoTime();
                if ((last != null && last[0] >= seq) || left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The fallback for a lost invalidation: the cached things' versions, read every second (none yet: 0). */
    private void checkVersions(Connection c) throws SQLException {
        Map<String, Long> now = new java.util.HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, counter FROM sequences WHERE name IN ('"
                     + String.join("', '", Invalidations.NAMES) + "')")) {
            while (rs.next()) {
                now.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (String name : Invalidations.NAMES) {
            Long before = versions.put(name, now.getOrDefault(name, 0L));
            if (before == null || !before.equals(versions.get(name))) {
                caches.forget(name);
            }
        }
    }

    private void purge(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM peer_notices WHERE created_at < now() - INTERVAL '" + KEPT + "'");
        }
        long forget = System.currentTimeMillis() - FORGET_ROOMS_AFTER_MS;
        for (Iterator<long[]> it = delivered.values().iterator(); it.hasNext(); ) {
            if (it.next()[1] < forget) {
                it.remove();
            }
        }
    }

    @Override
    public synchronized void close() {
        notifier.close(); // what this node changed last is announced before it stops listening
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
