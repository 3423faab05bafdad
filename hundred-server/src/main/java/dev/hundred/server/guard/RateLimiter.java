package dev.hundred.server.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per workspace, in this node's memory (N nodes allow N times the rate). The bucket holds
 * up to {@code requests} tokens, refills continuously on the server clock (a frozen clock refills nothing,
 * and the emulator's advance refills exactly: tests count answers instead of timing them), and every request
 * takes one.
 *
 * <p>Arithmetic in whole units, no floating point: a token is {@code per} (in nanoseconds) units and each
 * nanosecond adds {@code requests} units, so {@code requests} tokens fill in exactly {@code per}.
 */
final class RateLimiter {
    private final RateLimit limit;
    private final Clock clock;
    private final long unitsPerToken;
    private final long capacity;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        long units;
        Instant refilledAt;

        Bucket(long units, Instant refilledAt) {
            this.units = units;
            this.refilledAt = refilledAt;
        }
    }

    RateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.unitsPerToken = limit.per().toNanos();
        this.capacity = unitsPerToken * limit.requests();
    }

    RateLimit limit() {
        return limit;
    }

    /** Takes a token for a request of {@code workspaceId}: 0 if it may go ahead, else the whole seconds (at least 1) until one is there. */
    long take(String workspaceId) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(workspaceId, id -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.units >= unitsPerToken) {
                bucket.units -= unitsPerToken;
                return 0;
            }
            long missingUnits = unitsPerToken - bucket.units;
            long nanos = (missingUnits + limit.requests() - 1) / limit.requests();
            long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
            return Math.max(1, seconds);
        }
    }

    private void refill(Bucket bucket, Instant now) {
        Duration since = Duration.between(bucket.refilledAt, now);
        if (since.isNegative() || since.isZero()) {
            return; // the clock never goes back (ClockService); a request of the same instant adds nothing
        }
        // One whole period refills the bucket from empty: capping there keeps the product in a long.
        long elapsed = since.compareTo(limit.per()) >= 0 ? unitsPerToken : since.toNanos();
        bucket.units = Math.min(capacity, bucket.units + elapsed * limit.requests());
        bucket.refilledAt = now;
    }
}
