package dev.hundred.server.webhooks;

import dev.hundred.server.store.Database;
import dev.hundred.server.timers.Wakeup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
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
    private static final int MAX_RECORD_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Database db;
    private final OutboxStore store;
    private final WebhookOptions options;
    private final Clock clock;
    /** The machine's clock, for leases: they are about this node being alive, not about emulated time. */
    private final Clock wall;
    private final Sender sender;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
    private final Wakeup wakeup = new Wakeup();
    private volatile io.micrometer.core.instrument.MeterRegistry metrics;
    private volatile boolean running;
    private Thread loop;
    private final BlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
    private Thread recorder;
    private ScheduledExecutorService timers;
    private Instant nextPurge = Instant.EPOCH;
    private Instant lastClaim = Instant.EPOCH;

    public Dispatcher(Database db, OutboxStore store, WebhookOptions options, Clock clock, Clock wall) {
        this.db = db;
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.wall = wall;
        this.sender = new Sender(options.timeout(), options.targets(), clock);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        timers = Executors.newSingleThreadScheduledExecutor(daemon("webhook-timer"));
        loop = daemon("webhook-dispatcher").newThread(this::run);
        recorder = daemon("webhook-recorder").newThread(this::recordLoop);
        loop.start();
        recorder.start();
    }

    /** Something may be due now: claim without waiting for the next poll. */
    public void wake() {
        wakeup.ring();
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
            Instant wallNow = wall.instant();
            return store.claim(h, now, wallNow, wallNow.plus(options.timeout()).plus(LEASE_MARGIN), limit, busy, underCap);
        });
        for (OutboxRow row : rows) {
            inFlight.incrementAndGet();
            perHost.computeIfAbsent(row.host(), k -> new AtomicInteger()).incrementAndGet();
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            sender.send(row).whenComplete((outcome, failure) -> finished.add(new Attempt(row, started,
                    (System.nanoTime() - startNanos) / 1_000_000,
                    failure != null ? new Sender.Outcome(null, failure.toString()) : outcome)));
        }
        return refused[0] || rows.size() == limit;
    }

    /** One attempt that ended, waiting to be recorded. */
    private record Attempt(OutboxRow row, Instant started, long durationMs, Sender.Outcome outcome) {}

    /**
     * Records ended attempts, as many as have piled up in one transaction (one commit per batch, not per
     * delivery, is what lets a node deliver thousands per second), then frees their slots.
     */
    private void recordLoop() {
        List<Attempt> batch = new ArrayList<>();
        while (running) {
            try {
                // Polled, not interrupted, on close: an interrupt in the middle of H2's file I/O closes the database.
                Attempt first = finished.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return; // unrecorded attempts come back when their lease ends
            }
            finished.drainTo(batch, MAX_RECORD_BATCH - 1);
            record(batch);
            for (Attempt attempt : batch) {
                inFlight.updateAndGet(n -> Math.max(0, n - 1));
                AtomicInteger open = perHost.get(attempt.row().host());
                if (open != null) {
                    open.updateAndGet(n -> Math.max(0, n - 1));
                }
            }
            batch.clear();
            wake();
        }
    }

    void measureInto(io.micrometer.core.instrument.MeterRegistry registry) {
        this.metrics = registry;
    }

    /** An attempt recorded: delivered, to be retried, or given up on (failed). */
    private void measure(Attempt a, String outcome) {
        io.micrometer.core.instrument.MeterRegistry registry = metrics;
        if (registry != null) {
            io.micrometer.core.instrument.Timer.builder("hundred.webhooks.attempts")
                    .description("webhook delivery attempts by outcome: delivered, retrying, failed")
                    .tag("outcome", outcome).publishPercentileHistogram().register(registry)
                    .record(a.durationMs(), TimeUnit.MILLISECONDS);
        }
    }

    private void record(List<Attempt> batch) {
        Instant now = clock.instant();
        List<Instant> retries = new ArrayList<>();
        List<String> outcomes = new ArrayList<>(); // one per attempt of byLane, measured once committed
        try {
            // Finishing locks each lane's counter: in lane order, so two nodes recording at once never deadlock.
            List<Attempt> byLane = batch.stream().sorted(java.util.Comparator.comparing(a -> a.row().lane())).toList();
            db.tx(h -> {
                retries.clear();
                outcomes.clear();
                for (Attempt a : byLane) {
                    OutboxRow row = a.row();
                    Instant retryAt = a.outcome().delivered() ? null
                            : options.nextAttempt(row.attempts(), row.queuedAt(), now).orElse(null);
                    outcomes.add(a.outcome().delivered() ? "delivered" : retryAt != null ? "retrying" : "failed");
                    store.recordAttempt(h, row, a.started(), a.durationMs(), a.outcome().statusCode(), a.outcome().error());
                    if (retryAt == null) {
                        store.finish(h, row, a.outcome().delivered(), a.outcome().error(), now);
                    } else {
                        store.retryAt(h, row, retryAt);
                        retries.add(retryAt);
                    }
                }
                return null;
            });
            for (int i = 0; i < byLane.size(); i++) {
                measure(byLane.get(i), outcomes.get(i));
            }
            for (Instant retryAt : retries) {
                timers.schedule(this::wake, Math.max(0, Duration.between(clock.instant(), retryAt).toMillis()),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("could not record {} webhook attempts; their leases bring them back", batch.size(), e);
            }
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
        if (!wakeup.await(max)) {
            running = false;
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
        try {
            recorder.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        finished.clear(); // not recorded: their leases bring them back after a restart
        inFlight.set(0);
        perHost.clear();
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
