package dev.hundred.server.cluster;

import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's identity and lease (docs/cluster.md). Every start makes a new node id; the name
 * ({@code --node-name}, by default host:port) is what stays the same when one node restarts. A node
 * renews its lease every third of it; a node that misses its renewals is taken for dead, and the gateway
 * peers whose sockets it held are ended by the others, with reason {@code websocket closed}.
 * Leases are on the machines' clocks, so nodes' clocks must agree to well within a lease.
 */
public final class Nodes implements AutoCloseable {
    /** How long a node counts as alive after its last renewal; a dead node's peers end this long after. */
    public static final Duration LEASE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(Nodes.class);

    /** What is done with the gateway peers of nodes that are gone (the live plane ends them). */
    public interface Sweeper {
        /** Ends the connected gateway peers held by these nodes; answers how many. */
        int endPeersOf(List<String> nodeIds);

        /** Ends the connected gateway peers of a server from before nodes had ids (at start-up). */
        int endPeersOfNoNode();
    }

    private final Database db;
    private final Clock wall;
    private final Duration lease;
    private final NodeStore store = new NodeStore();
    private final String id = Ids.objectId();
    private ScheduledExecutorService loop;

    public Nodes(Database db, Clock wall, Duration lease) {
        this.db = db;
        this.wall = wall;
        this.lease = lease;
    }

    /** This run's id, recorded on each gateway peer this node holds. */
    public String id() {
        return id;
    }

    /**
     * Registers this node under {@code name}, ends the gateway peers left by earlier runs of it (a restart
     * after a crash: their sockets went with that process) and starts renewing and sweeping.
     */
    public synchronized void start(String name, Sweeper sweeper) {
        Instant now = wall.instant();
        List<String> earlier = db.tx(h -> {
            store.insert(h, id, name, now, now.plus(lease));
            return store.others(h, name, id);
        });
        int legacy = sweeper.endPeersOfNoNode();
        if (legacy > 0) {
            LOG.info("ended {} gateway peers of a server that stopped before nodes had ids", legacy);
        }
        if (!earlier.isEmpty()) {
            int ended = sweeper.endPeersOf(earlier);
            db.tx(h -> {
                store.delete(h, earlier);
                return null;
            });
            LOG.info("node {} ({}): ended {} gateway peers of its earlier runs", name, id, ended);
        }
        long every = Math.max(100, lease.toMillis() / 3);
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hundred-node-lease");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(() -> beat(name, sweeper), 0, every, TimeUnit.MILLISECONDS);
    }

    private void beat(String name, Sweeper sweeper) {
        try {
            Instant now = wall.instant();
            boolean renewed = db.tx(h -> store.renew(h, id, now.plus(lease)));
            if (!renewed) {
                // Taken for dead (stalled past its lease): its peers were ended; carry on as a node again.
                LOG.warn("node {} ({}) lost its lease; registering again", name, id);
                db.tx(h -> {
                    store.insert(h, id, name, now, now.plus(lease));
                    return null;
                });
            }
            List<String> lapsed = db.read(h -> store.lapsed(h, now));
            if (!lapsed.isEmpty()) {
                int ended = sweeper.endPeersOf(lapsed);
                if (ended > 0) {
                    LOG.info("ended {} gateway peers of nodes whose lease lapsed: {}", ended, lapsed);
                }
            }
            db.tx(h -> {
                store.deleteLapsed(h, now.minus(lease.multipliedBy(4)));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("node lease renewal or sweep failed; trying again", e);
        }
    }

    /** Stops renewing and gives the lease up, so that the others end at once what this node leaves behind. */
    @Override
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        loop = null;
        try {
            db.tx(h -> {
                store.expire(h, id, wall.instant().minusMillis(1));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("could not give the node lease up; it lapses by itself", e);
        }
    }
}
