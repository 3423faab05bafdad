package dev.hundred.server.webhooks;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.store.Database;
import dev.hundred.server.store.Ids;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Webhook replay (spec §13.3). A replay queues, in one transaction, a new delivery for each finished
 * delivery its filters select (oldest first, {@code status} failed by default), marked
 * {@code is_replay: true}, to the room's or workspace's webhook as configured now, spaced 100 ms apart
 * (the cloud's 10 per second). Being outbox rows, replays survive a restart like any delivery; a
 * replay is running while any of its deliveries is queued, and identical filters then reuse it.
 */
public final class ReplayService {
    static final int MAX_LIMIT = 50_000;
    static final Duration SPACING = Duration.ofMillis(100);

    private final Database db;
    private final WebhookHistoryStore history;
    private final ReplayStore store;
    private final OutboxStore outbox;
    private final WebhookSettingsService settings;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public ReplayService(Database db, WebhookHistoryStore history, ReplayStore store, OutboxStore outbox,
                         WebhookSettingsService settings, Dispatcher dispatcher, Clock clock) {
        this.db = db;
        this.history = history;
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Replay.Started start(Workspace ws, ReplayBody body) {
        Instant now = clock.instant();
        String status = body.status() == null || body.status().isEmpty() ? "failed" : body.status();
        if (!HistoryFilter.STATUSES.contains(status)) {
            throw ApiError.badBody("status must be one of all, failed, success");
        }
        int limit = body.limit() == null ? MAX_LIMIT : Math.max(1, Math.min(MAX_LIMIT, body.limit()));
        int offset = body.offset() == null ? 0 : body.offset();
        if (offset < 0) {
            throw ApiError.badBody("offset must not be negative");
        }
        List<String> names = body.eventNames() == null ? List.of() : body.eventNames().stream()
                .filter(n -> n != null && !n.isEmpty()).distinct().toList();
        HistoryFilter filter = HistoryFilter.of(time(body.startTime(), "start_time"), time(body.endTime(), "end_time"),
                body.roomId(), names, status, now);
        String key = String.join("|", String.valueOf(time(body.startTime(), "start_time")),
                String.valueOf(time(body.endTime(), "end_time")), String.valueOf(filter.roomId()),
                String.join(",", new TreeSet<>(names)), Integer.toString(limit), Integer.toString(offset), status);
        Replay.Filters filters = new Replay.Filters(filter.start(), filter.end(),
                filter.roomId() == null ? "" : filter.roomId(), names, limit, offset);
        return db.tx(h -> {
            Optional<ReplayStore.Stored> running = store.running(h, ws.id(), key);
            if (running.isPresent()) {
                return new Replay.Started(running.get().id(), "already_running", "Identical replay is already in progress",
                        running.get().filters().withoutPaging());
            }
            String id = "webhook-replay-" + ws.customerId() + "-" + Ids.secret(4);
            int total = queue(h, ws, id, history.forReplay(h, ws.id(), filter, offset, limit), now);
            store.insert(h, ws.id(), new ReplayStore.Stored(id, filters, total, now), key);
            h.afterCommit(dispatcher::wake);
            return new Replay.Started(id, "started", "Webhook replay has been queued for processing",
                    filters.withoutPaging());
        });
    }

    private int queue(Handle h, Workspace ws, String workflowId, List<WebhookHistoryStore.Finished> originals, Instant now) {
        Map<String, Optional<Destination>> byRoom = new HashMap<>();
        List<OutboxRow> rows = new ArrayList<>();
        for (WebhookHistoryStore.Finished original : originals) {
            Optional<Destination> to = byRoom.computeIfAbsent(original.roomId(),
                    room -> settings.destination(h, ws.id(), room));
            String id = Ids.uuid();
            if (to.isEmpty()) {
                store.insertFailed(h, ws.id(), workflowId, original, id, "no webhook configured", now);
                continue;
            }
            Destination d = to.get();
            Instant due = now.plus(SPACING.multipliedBy(rows.size()));
            // A lane of its own: a replayed delivery that is being retried does not hold up the others.
            rows.add(new OutboxRow(id, "replay:" + id, Outbox.nextSeq(now), ws.id(), original.roomId(), original.eventId(),
                    original.eventType(), original.eventAt(), Envelope.asReplay(original.body()), d.url(), d.host(),
                    d.headers(), d.signingSecret(), 0, due, workflowId, now));
        }
        outbox.insertAll(h, rows, now);
        return originals.size();
    }

    public Replay.Status status(Workspace ws, String workflowId) {
        return db.read(h -> {
            ReplayStore.Stored replay = store.find(h, ws.id(), workflowId)
                    .orElseThrow(() -> WebhookErrors.workflowNotFound(workflowId));
            Map<String, Long> counts = store.finishedCounts(h, workflowId);
            long completed = counts.getOrDefault("success", 0L);
            long failed = counts.getOrDefault("failed", 0L);
            boolean running = completed + failed < replay.total();
            String status = running ? "Running" : failed == 0 ? "completed" : completed == 0 ? "failed"
                    : "completed_with_failures";
            Instant completedAt = running ? null : store.lastFinished(h, workflowId).orElse(replay.startedAt());
            return new Replay.Status(replay.id(), status, replay.startedAt(), completedAt, replay.filters(),
                    new Replay.Counts(replay.total(), completed, failed),
                    new Replay.Result(replay.total(), completed, failed, store.failedEvents(h, workflowId)));
        });
    }

    private static Instant time(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badBody(field + " must be an RFC 3339 timestamp");
        }
    }
}
