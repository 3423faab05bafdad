package dev.hundred.server.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.events.RoomEvent;
import dev.hundred.server.http.Json;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.SqlDialect;
import dev.hundred.server.webhooks.Envelope;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event inbox: every {@link RoomEvent} (every webhook event) a workspace emitted, whether or not a
 * webhook is configured, written on the change's own transaction (a rolled-back change leaves none) with
 * the envelope a receiver gets and the same {@code id}.
 *
 * <p>Order: an event gets its place ({@code seq}) only once it has committed, under a lock on the
 * workspace's counter row, from this node's inbox worker right after the commit or from whoever reads
 * first. So the inbox is in commit order, and an event that commits after a reader's {@code after} comes
 * after it, never before (events numbered together keep the order they were written in).
 *
 * <p>Long polls hold no request thread and no database connection while they wait: each is a future that
 * the worker completes once a matching event is numbered (right after a commit on this node, or within
 * {@link #POLL_MILLIS} for a commit on another node) or when its wait ends. Kept: {@link #KEEP_HOURS} h
 * of the server clock, and the newest {@link #KEEP_PER_WORKSPACE} events of each workspace.
 */
public final class EventInbox implements AutoCloseable {
    static final int KEEP_HOURS = 24;
    static final int KEEP_PER_WORKSPACE = 10_000;
    static final long POLL_MILLIS = 200;
    private static final Duration KEEP = Duration.ofHours(KEEP_HOURS);
    private static final long PURGE_EVERY_NANOS = 60_000_000_000L;
    private static final int MAX_KEY = 255;
    private static final int NUMBER_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(EventInbox.class);

    /** A long poll: its query with {@code after} resolved to a place, and the answer to complete. */
    private record Waiter(Workspace ws, InboxQuery query, long afterSeq, CompletableFuture<InboxPage> answer) {}

    private final Database db;
    private final Clock clock;
    private final InboxStore store = new InboxStore();
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "hundred-inbox");
        thread.setDaemon(true);
        return thread;
    });
    /** Workspaces with commits the worker has not numbered yet. */
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /** Open long polls by workspace id; the worker's alone. */
    private final Map<String, List<Waiter>> waiters = new HashMap<>();
    private final AtomicLong arrivals = new AtomicLong();
    /** Workspaces whose counter row this node knows exists. */
    private final Set<String> counted = ConcurrentHashMap.newKeySet();
    private long lastPurge = System.nanoTime() - PURGE_EVERY_NANOS;

    /** Hundred subscribes {@link #record} to the RoomEvents when the emulator is on. */
    public EventInbox(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        worker.setRemoveOnCancelPolicy(true);
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts the worker's poll (commits of other nodes, waits that end, the purge). */
    public void start() {
        worker.scheduleWithFixedDelay(this::tick, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The RoomEvent subscriber. */
    public void record(Handle h, RoomEvent event) {
        String ws = event.workspace().id();
        Instant at = event.at().truncatedTo(ChronoUnit.MICROS); // as the webhook outbox keeps it
        String room = event.roomId() == null ? "" : event.roomId();
        store.insert(h, event.id(), ws, nextArrival(), room.length() <= MAX_KEY ? room : room.substring(0, MAX_KEY),
                event.type(), Envelope.of(event.id(), event, at), clock.instant());
        h.afterCommit(() -> committed(ws));
    }

    /** The order events are written in on this node: microseconds, strictly increasing. */
    private long nextArrival() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        return arrivals.updateAndGet(last -> Math.max(last + 1, micros));
    }

    /** On the committing thread, after its commit: must neither block nor throw. */
    private void committed(String workspaceId) {
        committed.add(workspaceId);
        if (drainQueued.compareAndSet(false, true)) {
            submit(this::drain);
        }
    }

    /**
     * The events after {@code query.after()}; when there are none yet and {@code wait} is not zero, a future
     * that completes with the first ones to commit, or with none once {@code wait} has passed (real time, not
     * the server clock).
     */
    public CompletableFuture<InboxPage> await(Workspace ws, InboxQuery query, Duration wait) {
        long afterSeq = resolve(ws, query);
        InboxPage now = fetch(ws, query, afterSeq);
        if (!now.events().isEmpty() || wait.isZero()) {
            return CompletableFuture.completedFuture(now);
        }
        Waiter waiter = new Waiter(ws, query, afterSeq, new CompletableFuture<>());
        try {
            worker.execute(() -> {
                waiters.computeIfAbsent(ws.id(), id -> new ArrayList<>()).add(waiter);
                answerWaiters(ws.id()); // an event may have committed since the look above
            });
            ScheduledFuture<?> deadline = worker.schedule(() -> expire(waiter), wait.toMillis(), TimeUnit.MILLISECONDS);
            waiter.answer().whenComplete((page, error) -> deadline.cancel(false));
        } catch (RejectedExecutionException closing) {
            waiter.answer().complete(now);
        }
        return waiter.answer();
    }

    /** The place of {@code after} (0 without one); 400 when it is not an event of the workspace's inbox. */
    private long resolve(Workspace ws, InboxQuery query) {
        numberIfNeeded(ws.id());
        if (query.after() == null) {
            return 0;
        }
        return db.read(h -> store.seqOf(h, ws.id(), query.after()))
                .orElseThrow(() -> EmulatorErrors.unknownAfter(query.after()));
    }

    private InboxPage fetch(Workspace ws, InboxQuery query, long afterSeq) {
        Instant since = clock.instant().minus(KEEP);
        List<InboxStore.Stored> rows = db.read(h -> store.after(h, ws.id(), afterSeq, since, query.types(),
                query.roomId(), query.limit()));
        List<JsonNode> events = rows.stream().map(row -> Json.read(row.body(), JsonNode.class)).toList();
        String last = rows.isEmpty() ? (query.after() == null ? "" : query.after()) : rows.get(rows.size() - 1).id();
        return new InboxPage(events, last);
    }

    private void numberIfNeeded(String workspaceId) {
        if (db.read(h -> store.hasUnnumbered(h, workspaceId))) {
            number(workspaceId);
        }
    }

    /**
     * Gives committed, unnumbered events of the workspace their places, and keeps the newest of them. In
     * batches of {@link #NUMBER_BATCH}, each its own transaction, so that the counter's lock is never held
     * long (a reader waits on it).
     */
    private void number(String workspaceId) {
        ensureCounter(workspaceId);
        while (numberBatch(workspaceId) == NUMBER_BATCH) {
            // more to number
        }
    }

    private int numberBatch(String workspaceId) {
        if (db.dialect() == SqlDialect.POSTGRES) {
            // One statement in autocommit instead of a transaction of a lock, a read, updates and the counter's
            // update (after every commit with events: InboxStore#numberInOne says why it is the same).
            // The statement keeps the newest KEEP_PER_WORKSPACE too, in the same commit.
            InboxStore.Numbered done = db.read(h -> store.numberInOne(h, workspaceId, NUMBER_BATCH, KEEP_PER_WORKSPACE));
            if (!done.counterExists()) {
                counted.remove(workspaceId); // removed since (a workspace reset): made again next time
            }
            return done.count();
        }
        return db.tx(h -> {
            Optional<Long> counter = store.lockCounter(h, workspaceId);
            if (counter.isEmpty()) { // removed since (a workspace reset): made again next time
                counted.remove(workspaceId);
                return 0;
            }
            List<String> ids = store.unnumbered(h, workspaceId, NUMBER_BATCH);
            if (ids.isEmpty()) {
                return 0;
            }
            long last = counter.get() + ids.size();
            store.number(h, ids, counter.get() + 1);
            store.setCounter(h, workspaceId, last);
            if (last > KEEP_PER_WORKSPACE) {
                store.keepNewest(h, workspaceId, last, KEEP_PER_WORKSPACE);
            }
            return ids.size();
        });
    }

    /** The workspace's counter row exists: made in a transaction of its own, whoever makes it first. */
    private void ensureCounter(String workspaceId) {
        if (counted.contains(workspaceId)) {
            return;
        }
        if (!db.read(h -> store.hasCounter(h, workspaceId))) {
            try {
                db.tx(h -> {
                    store.insertCounter(h, workspaceId);
                    return null;
                });
            } catch (JdbiException e) {
                if (!SqlDialect.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        counted.add(workspaceId);
    }

    // ---- the worker's own work ----

    private void drain() {
        drainQueued.set(false);
        for (Iterator<String> it = committed.iterator(); it.hasNext(); ) {
            String workspaceId = it.next();
            it.remove();
            try {
                number(workspaceId);
                answerWaiters(workspaceId);
            } catch (RuntimeException e) {
                LOG.warn("event inbox: numbering the events of workspace {} failed (the next read retries)", workspaceId, e);
            }
        }
    }

    private void tick() {
        try {
            for (String workspaceId : List.copyOf(waiters.keySet())) {
                numberIfNeeded(workspaceId);
                answerWaiters(workspaceId);
            }
            long now = System.nanoTime(); // how often to purge is about this process, not the emulated time
            if (now - lastPurge >= PURGE_EVERY_NANOS) {
                lastPurge = now;
                db.read(h -> store.purgeBefore(h, clock.instant().minus(KEEP)));
            }
        } catch (RuntimeException e) {
            LOG.warn("event inbox: poll failed (retried in {} ms)", POLL_MILLIS, e);
        }
    }

    private void answerWaiters(String workspaceId) {
        List<Waiter> open = waiters.get(workspaceId);
        if (open == null) {
            return;
        }
        for (Iterator<Waiter> it = open.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.answer().isDone()) {
                it.remove();
                continue;
            }
            try {
                InboxPage page = fetch(waiter.ws(), waiter.query(), waiter.afterSeq());
                if (!page.events().isEmpty()) {
                    waiter.answer().complete(page);
                    it.remove();
                }
            } catch (RuntimeException e) {
                waiter.answer().completeExceptionally(e);
                it.remove();
            }
        }
        if (open.isEmpty()) {
            waiters.remove(workspaceId);
        }
    }

    private void expire(Waiter waiter) {
        List<Waiter> open = waiters.get(waiter.ws().id());
        if (open != null) {
            open.remove(waiter);
            if (open.isEmpty()) {
                waiters.remove(waiter.ws().id());
            }
        }
        String last = waiter.query().after() == null ? "" : waiter.query().after();
        waiter.answer().complete(new InboxPage(List.of(), last));
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException closing) {
            // stopping: the next read numbers what is left
        }
    }

    /** How many long polls of the workspace are waiting on this node (for tests that must know one is). */
    public int openPolls(String workspaceId) {
        try {
            return worker.submit(() -> {
                List<Waiter> open = waiters.get(workspaceId);
                return open == null ? 0 : (int) open.stream().filter(w -> !w.answer().isDone()).count();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (java.util.concurrent.ExecutionException | RejectedExecutionException e) {
            return 0;
        }
    }

    /** Answers every open long poll (with no events) and stops the worker. */
    @Override
    public void close() {
        try {
            worker.execute(() -> {
                waiters.values().forEach(open -> open.forEach(w -> w.answer().complete(new InboxPage(List.of(),
                        w.query().after() == null ? "" : w.query().after()))));
                waiters.clear();
            });
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
