package dev.hundred.server.guard;

import dev.hundred.server.clock.HundredClock;
import dev.hundred.server.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency keys: the first request with a key claims it by inserting its row (the primary key lets only
 * one insert win, whatever the node), runs, and stores its answer; a later request with the key and the
 * same request gets that answer, one with another request a 422, and one that arrives while the first
 * still runs waits for its answer. The holder's node heartbeats its claims; a claim whose node has been
 * silent for {@link #LAPSE} (it died) may be taken over, so a crash does not lock a key for a day.
 *
 * <p>Keys live 24 hours on the server clock (a test moves it to see one expire); heartbeats and waiting
 * are on the wall clock (they are about processes, not the emulated world).
 */
final class IdempotencyService {
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration LAPSE = Duration.ofSeconds(30);
    /** How long a request waits for the first one with its key before it answers 409. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final long FIRST_POLL_MILLIS = 5;
    private static final long LAST_POLL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyService.class);

    /** What {@link #begin} decided: run the request (holding the key), or give the first answer again. */
    sealed interface Begun permits Run, Replay {}

    record Run(Claim claim) implements Begun {}

    record Replay(StoredAnswer answer) implements Begun {}

    private final Database db;
    private final IdempotencyStore store = new IdempotencyStore();
    private final HundredClock clock;
    /** This process, as it signs its claims; heartbeats are per node. */
    private final String node = UUID.randomUUID().toString();
    /** The claims running here, completed when they finish: a waiter on this node wakes at once. */
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    private final Duration maxWait;

    IdempotencyService(Database db, HundredClock clock) {
        this(db, clock, MAX_WAIT);
    }

    /** {@code maxWait} shorter than {@link #MAX_WAIT} only for the test of the 409. */
    IdempotencyService(Database db, HundredClock clock, Duration maxWait) {
        this.db = db;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    /** Claims {@code key} for this request, or answers what the first request with it answered. */
    Begun begin(String workspaceId, String key, RequestFingerprint fp) {
        Instant deadline = clock.wallInstant().plus(maxWait);
        long pollMillis = FIRST_POLL_MILLIS;
        while (true) {
            Claim claim = new Claim(workspaceId, key, UUID.randomUUID().toString());
            if (tryInsert(claim, fp)) {
                return new Run(claim);
            }
            Optional<IdempotencyStore.Row> found = db.read(h -> store.find(h, workspaceId, key));
            if (found.isEmpty()) {
                continue; // the holder gave it back (its request failed on our side) or it expired: claim again
            }
            IdempotencyStore.Row row = found.get();
            Instant now = clock.instant();
            if (!row.running() && !row.expiresAt().isAfter(now)) {
                db.read(h -> {
                    store.deleteExpired(h, workspaceId, key, row.claim(), now);
                    return null;
                });
                continue;
            }
            checkSameRequest(row, fp);
            if (!row.running()) {
                return new Replay(row.answer());
            }
            Instant wall = clock.wallInstant();
            if (row.heartbeatAt().plus(LAPSE).isBefore(wall)) {
                LOG.warn("idempotency key of workspace {}: its holder stopped heartbeating at {}; taking it over",
                        workspaceId, row.heartbeatAt());
                if (db.read(h -> store.takeOver(h, workspaceId, key, row.claim(), claim, node, wall))) {
                    running.put(claim.local(), new CompletableFuture<>());
                    return new Run(claim);
                }
                continue;
            }
            if (wall.isAfter(deadline)) {
                throw GuardErrors.keyInUse(maxWait.toSeconds());
            }
            await(claim.local(), pollMillis);
            pollMillis = Math.min(LAST_POLL_MILLIS, pollMillis * 2);
        }
    }

    private boolean tryInsert(Claim claim, RequestFingerprint fp) {
        Instant now = clock.instant();
        if (!db.read(h -> store.insert(h, claim, fp, node, clock.wallInstant(), now, now.plus(RETENTION)))) {
            return false;
        }
        // Only the holder registers (a key has one holder at a time); a waiter that looks before this polls.
        running.put(claim.local(), new CompletableFuture<>());
        return true;
    }

    private static void checkSameRequest(IdempotencyStore.Row row, RequestFingerprint fp) {
        if (!row.pathHash().equals(fp.pathHash())) {
            throw GuardErrors.keyReused(IdempotencyKey.HEADER + " was first used on another path");
        }
        if (!row.bodyHash().equals(fp.bodyHash())) {
            throw GuardErrors.keyReused(IdempotencyKey.HEADER + " was first used with another request body");
        }
    }

    /** Waits until the holder on this node finishes, or a poll interval passes (the holder may be elsewhere). */
    private void await(String local, long millis) {
        CompletableFuture<Void> done = running.get(local);
        try {
            if (done != null) {
                done.get(millis, TimeUnit.MILLISECONDS);
            } else {
                Thread.sleep(millis);
            }
        } catch (TimeoutException | ExecutionException e) {
            // look again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an idempotency key", e);
        }
    }

    /** The request holding {@code claim} answered: keep its answer (2xx, 4xx) or give the key back (5xx, 429). */
    void finish(Claim claim, StoredAnswer answer) {
        try {
            if (!answer.keep()) {
                db.read(h -> {
                    store.release(h, claim);
                    return null;
                });
            } else if (!db.read(h -> store.complete(h, claim, answer))) {
                LOG.warn("idempotency key of workspace {} was taken over while its request ran; its answer is not kept",
                        claim.workspaceId());
            }
        } catch (RuntimeException e) {
            LOG.error("could not store the answer for an idempotency key of workspace {}", claim.workspaceId(), e);
            try {
                db.read(h -> {
                    store.release(h, claim);
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.error("could not give the key back either; it lapses once this node stops heartbeating it", again);
            }
        } finally {
            CompletableFuture<Void> done = running.remove(claim.local());
            if (done != null) {
                done.complete(null);
            }
        }
    }

    /** Keeps this node's running claims alive (from {@link Guards}'s scheduler). */
    void heartbeat() {
        if (!running.isEmpty()) {
            db.read(h -> {
                store.heartbeat(h, node, clock.wallInstant());
                return null;
            });
        }
    }

    /** Deletes what has expired on the server clock; answers how many keys went. */
    int purgeExpired() {
        return db.read(h -> store.purge(h, clock.instant(), clock.wallInstant().minus(LAPSE)));
    }

    void clear(org.jdbi.v3.core.Handle h, String workspaceId) {
        store.clear(h, workspaceId);
    }
}
