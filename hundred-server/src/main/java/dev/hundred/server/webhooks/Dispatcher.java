package dev.hundred.server.webhooks;

import dev.hundred.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the deliveries the outbox holds. One thread claims due rows (woken right after a commit that
 * queued some, when an attempt ends, when a retry falls due, and every {@link #POLL} in case another
 * node or a crash left rows), sends them asynchronously, and records each outcome in a transaction of
 * its own: delivered, retry later (spec §17.1: +1 s, +3 s, +10 s by default) or failed for good.
 * Concurrency is bounded in total and per receiver; order is kept per room by the claim query.
 */
public final class Dispatcher implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final Duration HISTORY_KEPT = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Database db;
    private final OutboxStore store;
    private final WebhookOptions options;
    private final Clock clock;
    private final Sender sender;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService outcomes;
    private ScheduledExecutorService timers;
    private Instant nextPurge = Instant.EPOCH;
    private Instant lastClaim = Instant.EPOCH;

    public Dispatcher(Database db, OutboxStore store, WebhookOptions options, Clock clock) {
        this.db = db;
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.sender = new Sender(options.timeout(), clock);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        outcomes = Executors.newFixedThreadPool(4, daemon("webhook-outcome"));
        timers = Executors.newSingleThreadScheduledExecutor(daemon("webhook-timer"));
        loop = daemon("webhook-dispatcher").newThread(this::run);
        loop.start();
    }

    /** Something may be due now: claim without waiting for the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                purgeOldHistory();
                int free = options.maxInFlight() - inFlight.get();
                if (free <= 0) {
                    await(POLL); // an ending attempt wakes us
                    continue;
                }
                if (claimAndSend(free)) {
                    continue; // there may be more due right now
                }
                await(untilNextDue());
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("webhook dispatch failed; trying again in {} ms", POLL.toMillis(), e);
                    await(POLL);
                }
            }
        }
    }

    /** Claims and sends; answers true when there may be more to claim right now. */
    private boolean claimAndSend(int limit) {
        Instant now = clock.instant();
        lastClaim = now;
        Set<String> busy = perHost.entrySet().stream().filter(e -> e.getValue().get() >= options.perReceiver())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<String, Integer> admitted = new HashMap<>();
        boolean[] refused = {false};
        Predicate<OutboxRow> underCap = row -> {
            AtomicInteger open = perHost.get(row.host());
            int inBatch = admitted.getOrDefault(row.host(), 0);
            if ((open == null ? 0 : open.get()) + inBatch >= options.perReceiver()) {
                refused[0] = true;
                return false;
            }
            admitted.put(row.host(), inBatch + 1);
            return true;
        };
        List<OutboxRow> rows = db.tx(h -> {
            admitted.clear();
            refused[0] = false;
            return store.claim(h, now, now.plus(options.timeout()).plus(LEASE_MARGIN), limit, busy, underCap);
        });
        for (OutboxRow row : rows) {
            inFlight.incrementAndGet();
            perHost.computeIfAbsent(row.host(), k -> new AtomicInteger()).incrementAndGet();
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            sender.send(row).whenCompleteAsync((outcome, failure) -> {
                try {
                    Sender.Outcome result = failure != null ? new Sender.Outcome(null, failure.toString()) : outcome;
                    record(row, started, (System.nanoTime() - startNanos) / 1_000_000, result);
                } finally {
                    inFlight.decrementAndGet();
                    perHost.get(row.host()).decrementAndGet();
                    wake();
                }
            }, outcomes);
        }
        return refused[0] || rows.size() == limit;
    }

    private void record(OutboxRow row, Instant started, long durationMs, Sender.Outcome outcome) {
        if (!running) {
            return; // shutting down: the lease brings the row back after restart
        }
        try {
            Instant now = clock.instant();
            Instant retryAt = outcome.delivered() || row.attempts() >= options.maxAttempts()
                    ? null : now.plus(options.retries().get(row.attempts() - 1));
            db.tx(h -> {
                store.recordAttempt(h, row, started, durationMs, outcome.statusCode(), outcome.error());
                if (retryAt == null) {
                    store.finish(h, row, outcome.delivered(), outcome.error(), now);
                } else {
                    store.retryAt(h, row, retryAt);
                }
                return null;
            });
            if (retryAt != null) {
                timers.schedule(this::wake, Math.max(0, Duration.between(clock.instant(), retryAt).toMillis()),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record webhook attempt {} of {}; its lease brings it back", row.attempts(), row.id(), e);
        }
    }

    /**
     * Sleep until the next row falls due after the last claim (replays are spaced 100 ms apart, retries
     * wait seconds), at most {@link #POLL}. Rows already due but not claimable wait for an attempt to
     * end, which wakes the loop.
     */
    private Duration untilNextDue() {
        Duration wait = db.read(h -> store.nextDueAfter(h, lastClaim)).map(due -> Duration.between(clock.instant(), due))
                .orElse(POLL);
        return wait.compareTo(POLL) > 0 ? POLL : wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
    }

    private void purgeOldHistory() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        db.tx(h -> {
            store.purgeBefore(h, now.minus(HISTORY_KEPT));
            return null;
        });
    }

    private void await(Duration max) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(max.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        outcomes.shutdown();
        try {
            outcomes.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
