package dev.hundred.server.guard;

import dev.hundred.server.clock.HundredClock;
import dev.hundred.server.http.Routes;
import dev.hundred.server.store.Database;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency keys and rate limits on {@code /v2}, assembled (docs/idempotency-and-rate-limits.md).
 * {@code Hundred} builds one, puts its routes before every feature's, starts and closes it.
 */
public final class Guards implements AutoCloseable {
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(Guards.class);

    private final IdempotencyService idempotency;
    private final GuardRoutes routes;
    private ScheduledExecutorService scheduler;

    /** {@code rateLimit} null: no rate limit (the default). */
    public Guards(Database db, HundredClock clock, RateLimit rateLimit) {
        this.idempotency = new IdempotencyService(db, clock);
        this.routes = new GuardRoutes(rateLimit == null ? null : new RateLimiter(rateLimit, clock), idempotency);
    }

    public Routes routes() {
        return routes;
    }

    /** Heartbeats this node's running keys, and purges expired ones now and then. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hundred-guards");
            t.setDaemon(true);
            return t;
        });
        long beat = IdempotencyService.HEARTBEAT.toMillis();
        scheduler.scheduleWithFixedDelay(() -> quietly("heartbeat", idempotency::heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        long purge = PURGE_EVERY.toMillis();
        scheduler.scheduleWithFixedDelay(() -> quietly("purge", this::purgeExpired), purge, purge, TimeUnit.MILLISECONDS);
    }

    /** Deletes the keys whose 24 hours are over (also called when the emulator moves the clock). */
    public void purgeExpired() {
        idempotency.purgeExpired();
    }

    /** Forgets a workspace's keys, on the caller's transaction (for an emulator reset). */
    public void clearWorkspace(Handle h, String workspaceId) {
        idempotency.clear(h, workspaceId);
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("idempotency {} failed; trying again later", what, e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
