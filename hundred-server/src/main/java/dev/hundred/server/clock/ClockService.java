package dev.hundred.server.clock;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the server clock for the emulator ({@code /emulator/v1/clock}): forward by some seconds, to an
 * instant, frozen or running. Never backwards. Moving it forward fires every durable timer that came due
 * on the way, in due order and with the clock at each timer's due time, before the call returns (so a
 * recording advanced past its phases completes with the times it would have had). The state is a row
 * of the database; every node re-reads it each second, so all agree.
 */
public final class ClockService implements AutoCloseable {
    /** Ten years: far enough for any test, near enough that no instant overflows. */
    static final double MAX_ADVANCE_SECONDS = 10 * 365.25 * 24 * 3600;
    private static final Duration REFRESH = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClockService.class);

    /** What fires the timers that come due while the clock moves (the jobs feature's timer runner). */
    public interface DueTimers {
        /** The earliest due time, at or before {@code limit}, of a timer this node could claim now. */
        Optional<Instant> nextDue(Instant limit);

        /** Fires every timer due now, in due order. */
        void fireDue();
    }

    private final Database db;
    private final ClockStore store = new ClockStore();
    private final HundredClock clock;
    private DueTimers timers;
    private final java.util.List<Runnable> onMove = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService refresher;
    /**
     * Held while a reading is taken and applied, by the refresher and by moves alike: otherwise a refresh
     * that read the row just before a move committed would apply that older reading after it, and this
     * node's clock would step back (up to a second) until the next refresh.
     */
    private final Object readingLock = new Object();

    public ClockService(Database db, HundredClock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Set once the timers exist (they read this clock, so they are made after it). */
    public void fireWith(DueTimers dueTimers) {
        this.timers = dueTimers;
    }

    /** Called after the clock moved forward here, so what waits on it (webhook retries) looks again. */
    public void onMove(Runnable listener) {
        onMove.add(listener);
    }

    /** Reads the shared state, then keeps re-reading it: another node may have moved the clock. */
    public synchronized void start() {
        refresh();
        if (refresher == null) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hundred-clock");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        synchronized (readingLock) {
            clock.apply(db.read(h -> store.read(h, false)));
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debug("could not re-read the clock; keeping the last reading", e);
        }
    }

    public ClockState state() {
        return new ClockState(clock.instant(), clock.frozen());
    }

    /** Applies a {@code POST /emulator/v1/clock} body: freeze first, then move, then unfreeze. */
    public ClockState change(ClockBody body) {
        Instant target = target(body);
        if (Boolean.TRUE.equals(body.frozen())) {
            freeze(true);
        }
        if (target != null) {
            moveTo(target);
        }
        if (Boolean.FALSE.equals(body.frozen())) {
            freeze(false);
        }
        return state();
    }

    private Instant target(ClockBody body) {
        if (body.advanceSeconds() == null && body.set() == null && body.frozen() == null) {
            throw ApiError.badBody("one of advance_seconds, set or frozen is required");
        }
        if (body.advanceSeconds() != null && body.set() != null) {
            throw ApiError.badBody("advance_seconds and set cannot be used together");
        }
        Instant now = clock.instant();
        if (body.advanceSeconds() != null) {
            double seconds = body.advanceSeconds();
            if (!(seconds >= 0) || seconds > MAX_ADVANCE_SECONDS) {
                throw ApiError.badBody("advance_seconds must be between 0 and " + (long) MAX_ADVANCE_SECONDS
                        + ": the clock never goes backwards");
            }
            return now.plus(Math.round(seconds * 1_000_000), ChronoUnit.MICROS);
        }
        if (body.set() != null) {
            Instant set;
            try {
                set = Timestamps.parse(body.set()).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                throw ApiError.badBody("set must be an RFC 3339 timestamp");
            }
            if (set.isBefore(now)) {
                throw ApiError.badBody("set must not be before now (" + Timestamps.format(now)
                        + "): the clock never goes backwards");
            }
            if (set.isAfter(now.plusSeconds((long) MAX_ADVANCE_SECONDS))) {
                throw ApiError.badBody("set must be within ten years of now");
            }
            return set;
        }
        return null;
    }

    /**
     * Moves the clock to {@code target}, stopping at each due timer on the way to fire it (and whatever
     * it schedules that is due by then), then fires what is due at the target itself.
     */
    public void moveTo(Instant target) {
        if (timers != null) {
            for (int step = 0; step < 1_000_000; step++) {
                Optional<Instant> next = timers.nextDue(target);
                if (next.isEmpty()) {
                    break;
                }
                forwardTo(next.get());
                timers.fireDue();
            }
        }
        forwardTo(target);
        if (timers != null) {
            timers.fireDue();
        }
        onMove.forEach(Runnable::run);
    }

    /** Sets the clock to {@code target} unless it already reads later; the row lock serialises nodes. */
    private void forwardTo(Instant target) {
        synchronized (readingLock) {
            forwardToLocked(target);
        }
    }

    private void forwardToLocked(Instant target) {
        HundredClock.Reading next = db.tx(h -> {
            HundredClock.Reading current = store.read(h, true);
            clock.apply(current);
            if (!clock.instant().isBefore(target)) {
                return current;
            }
            HundredClock.Reading moved = current.frozen() ? new HundredClock.Reading(current.offsetMicros(), target)
                    : new HundredClock.Reading(clock.offsetFor(target), null);
            store.write(h, moved, clock.wallInstant());
            return moved;
        });
        clock.apply(next);
    }

    private void freeze(boolean frozen) {
        synchronized (readingLock) {
            freezeLocked(frozen);
        }
    }

    private void freezeLocked(boolean frozen) {
        HundredClock.Reading next = db.tx(h -> {
            HundredClock.Reading current = store.read(h, true);
            clock.apply(current);
            if (current.frozen() == frozen) {
                return current;
            }
            Instant now = clock.instant();
            // Freezing keeps the offset and stops at now; unfreezing continues from the frozen instant.
            HundredClock.Reading changed = frozen ? new HundredClock.Reading(current.offsetMicros(), now)
                    : new HundredClock.Reading(clock.offsetFor(now), null);
            store.write(h, changed, clock.wallInstant());
            return changed;
        });
        clock.apply(next);
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }
}
