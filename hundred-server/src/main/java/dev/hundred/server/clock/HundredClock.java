package dev.hundred.server.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock everything time-based reads: token exp/nbf, timestamps, durations, webhook retries,
 * timers, presigned-URL expiry. It is the wall clock plus an offset, or frozen at an instant, as the
 * emulator sets it ({@link ClockService}); the offset lives in the database so every node agrees.
 * It ticks in microseconds, what both databases keep, so what we answer equals what is read back later.
 */
public final class HundredClock extends Clock {
    private final Clock wall;
    private volatile Reading reading = Reading.NONE;

    /** The wall clock moved by {@code offsetMicros}, or, when {@code frozenAt} is set, standing still there. */
    record Reading(long offsetMicros, Instant frozenAt) {
        static final Reading NONE = new Reading(0, null);

        boolean frozen() {
            return frozenAt != null;
        }
    }

    public HundredClock(Clock wall) {
        this.wall = wall;
    }

    @Override
    public Instant instant() {
        Reading r = reading;
        if (r.frozenAt() != null) {
            return r.frozenAt();
        }
        return wall.instant().truncatedTo(ChronoUnit.MICROS).plus(r.offsetMicros(), ChronoUnit.MICROS);
    }

    /** The machine's own time, for what is about nodes being alive (leases), not about the emulated world. */
    public Instant wallInstant() {
        return wall.instant();
    }

    public boolean frozen() {
        return reading.frozen();
    }

    Reading reading() {
        return reading;
    }

    void apply(Reading next) {
        reading = next;
    }

    /** The offset that makes the (unfrozen) clock read {@code target} now. */
    long offsetFor(Instant target) {
        return ChronoUnit.MICROS.between(wall.instant().truncatedTo(ChronoUnit.MICROS), target);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock is UTC");
    }
}
