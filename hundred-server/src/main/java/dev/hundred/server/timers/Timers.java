package dev.hundred.server.timers;

import dev.hundred.server.clock.ClockService;
import dev.hundred.server.clock.HundredClock;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable timers, the one mechanism behind job phases, room and session limits, auto-stop, poll
 * durations. A timer is a row written in the transaction of the change that wants it (so it exists
 * exactly when that change committed); any node may fire it: claims take rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease on the wall clock, and the handler's change commits together
 * with the row's removal ({@link #consume}), so none fires twice and a dead node's claim lapses.
 * Due times are on the server clock: moving the emulator's clock fires what came due, in due order.
 */
public final class Timers implements ClockService.DueTimers, AutoCloseable {
    /** How long a claim holds by default: a node that dies holding a timer gives it up this long after. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 5;
    /** Lanes fired at once by the background loop. */
    static final int FIRING_THREADS = 4;
    /** Longest sleep between looks at the table: another node may have scheduled something sooner. */
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(Timers.class);
    private static final AtomicLong SEQ = new AtomicLong();
    /** Later than any due time, and within what both databases store. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final Database db;
    private final TimerStore store = new TimerStore();
    private final HundredClock clock;
    private final Map<String, TimerHandler> handlers = new ConcurrentHashMap<>();
    /** Timers a handler consumed in a transaction that committed: nothing is left to clean up after it. */
    private final java.util.Set<String> consumed = ConcurrentHashMap.newKeySet();
    /** One firing at a time on this node: the loop's and an advancing clock's, so due order holds. */
    private final ReentrantLock firing = new ReentrantLock();
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running;
    private Thread loop;
    private java.util.concurrent.ExecutorService pool;

    private final Duration lease;
    private volatile io.micrometer.core.instrument.Timer lateness;
    private volatile io.micrometer.core.instrument.Counter failures;

    public Timers(Database db, HundredClock clock) {
        this(db, clock, LEASE);
    }

    /** {@code lease}: {@link #LEASE} but in tests that kill a node holding a timer (Config's timerLease). */
    public Timers(Database db, HundredClock clock, Duration lease) {
        this.db = db;
        this.clock = clock;
        this.lease = lease;
    }

    /** Records each firing's lateness (due to start, on the server clock) and outcome into {@code registry}. */
    public void measureInto(io.micrometer.core.instrument.MeterRegistry registry) {
        this.lateness = io.micrometer.core.instrument.Timer.builder("hundred.timers.lateness")
                .description("how late durable timers start firing after they fall due").publishPercentileHistogram()
                .register(registry);
        this.failures = io.micrometer.core.instrument.Counter.builder("hundred.timers.failures")
                .description("durable timer firings that threw (retried with backoff, dropped after the last)")
                .register(registry);
    }

    /** Who fires timers of {@code kind}; set when the feature owning the kind is built. */
    public void register(String kind, TimerHandler handler) {
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("two handlers for timer kind " + kind);
        }
    }

    /**
     * Schedules (or reschedules: one timer per kind and subject) a timer on this transaction; it exists
     * once {@code h} commits. {@code payload} is JSON.
     */
    public void schedule(Handle h, String kind, String subject, String workspaceId, Instant dueAt, String payload) {
        schedule(h, kind, subject, subject, workspaceId, dueAt, payload);
    }

    /**
     * The same, in a {@code lane}: timers of one lane (the timers of one room, say) fire one after the
     * other in due order; timers of different lanes may fire at the same time on several threads.
     */
    public void schedule(Handle h, String kind, String subject, String lane, String workspaceId, Instant dueAt,
                         String payload) {
        Instant due = dueAt.truncatedTo(ChronoUnit.MICROS);
        store.put(h, Ids.uuid(), kind, subject, lane, workspaceId, due, nextSeq(), payload, clock.instant());
        h.afterCommit(this::wake);
    }

    public void schedule(Handle h, String kind, String subject, String workspaceId, Instant dueAt) {
        schedule(h, kind, subject, workspaceId, dueAt, "{}");
    }

    /** Cancels the timer of this kind and subject, if any; true when there was one. */
    public boolean cancel(Handle h, String kind, String subject) {
        return store.delete(h, kind, subject);
    }

    /** When the timer of this kind and subject is due, if there is one. */
    public Optional<Instant> dueAt(Handle h, String kind, String subject) {
        return store.dueAt(h, kind, subject);
    }

    /**
     * For a handler, inside the transaction of its change: removes the timer if this claim still holds it.
     * False means it was cancelled, rescheduled or fired elsewhere meanwhile: make no change.
     */
    public boolean consume(Handle h, Timer timer) {
        boolean mine = store.consume(h, timer);
        if (mine) {
            h.afterCommit(() -> consumed.add(timer.id()));
        }
        return mine;
    }

    private static long nextSeq() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return SEQ.updateAndGet(last -> Math.max(last + 1, micros));
    }

    // ---- firing ----------------------------------------------------------------------------------------

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        pool = java.util.concurrent.Executors.newFixedThreadPool(FIRING_THREADS, r -> {
            Thread t = new Thread(r, "hundred-timer-fire-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "hundred-timers");
        loop.setDaemon(true);
        loop.start();
    }

    public void wake() {
        wakeup.ring();
    }

    private void run() {
        while (running) {
            try {
                fireDue(true);
                await(untilNextDue());
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("timer loop failed; trying again in {} ms", POLL.toMillis(), e);
                    await(POLL);
                }
            }
        }
    }

    @Override
    public Optional<Instant> nextDue(Instant limit) {
        return db.read(h -> store.nextClaimable(h, limit, clock.wallInstant()));
    }

    /**
     * Fires every timer due now, earliest first, one after the other, batch after batch, until none is left
     * that it may claim: what the moving clock needs (strict due order).
     */
    @Override
    public void fireDue() {
        fireDue(false);
    }

    /**
     * {@code inParallel}: the lanes of a batch fire at the same time on the firing threads, each lane's
     * timers one after the other in due order (the background loop, where throughput matters).
     */
    private void fireDue(boolean inParallel) {
        firing.lock();
        try {
            while (true) {
                String token = Ids.uuid();
                Instant wall = clock.wallInstant();
                List<Timer> batch = db.tx(h -> store.claim(h, clock.instant(), wall, wall.plus(lease), token, BATCH));
                if (inParallel && batch.size() > 1) {
                    fireLanes(batch);
                } else {
                    batch.forEach(this::fire);
                }
                if (batch.size() < BATCH) {
                    return;
                }
            }
        } finally {
            firing.unlock();
        }
    }

    private void fireLanes(List<Timer> batch) {
        Map<String, List<Timer>> lanes = new java.util.LinkedHashMap<>();
        batch.forEach(t -> lanes.computeIfAbsent(t.lane(), k -> new java.util.ArrayList<>()).add(t));
        List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        lanes.values().forEach(lane -> running.add(pool.submit(() -> lane.forEach(this::fire))));
        for (java.util.concurrent.Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("a timer lane failed", e.getCause()); // fire() catches handler failures; this is a bug
            }
        }
    }

    private void fire(Timer timer) {
        TimerHandler handler = handlers.get(timer.kind());
        if (lateness != null) {
            Duration late = Duration.between(timer.dueAt(), clock.instant());
            lateness.record(late.isNegative() ? Duration.ZERO : late);
        }
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for timer kind " + timer.kind());
            }
            handler.fire(timer);
            if (!consumed.remove(timer.id())) {
                // The handler found nothing to do and did not consume it: it has fired all the same.
                db.read(h -> store.consume(h, timer));
            }
        } catch (RuntimeException e) {
            if (failures != null) {
                failures.increment();
            }
            if (timer.attempts() >= MAX_ATTEMPTS) {
                LOG.error("timer {} {} ({}) failed {} times; dropped", timer.kind(), timer.subject(), timer.id(),
                        timer.attempts(), e);
                db.tx(h -> store.consume(h, timer));
            } else {
                Duration backoff = Duration.ofSeconds(1L << timer.attempts());
                LOG.warn("timer {} {} failed (attempt {}); again in {} s", timer.kind(), timer.subject(),
                        timer.attempts(), backoff.toSeconds(), e);
                db.tx(h -> {
                    store.release(h, timer, clock.wallInstant().plus(backoff));
                    return null;
                });
            }
        }
    }

    /**
     * Until the earliest claimable timer is due on the server clock, at most {@link #POLL} (and POLL while
     * frozen). Leased timers are left out: their lease lapsing is what the poll is for.
     */
    private Duration untilNextDue() {
        Optional<Instant> next = db.read(h -> store.nextClaimable(h, FAR_FUTURE, clock.wallInstant()));
        if (next.isEmpty() || clock.frozen()) {
            return POLL;
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        return wait.compareTo(POLL) > 0 ? POLL : wait.isNegative() ? Duration.ofMillis(1) : wait;
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
        pool.shutdown();
    }
}
