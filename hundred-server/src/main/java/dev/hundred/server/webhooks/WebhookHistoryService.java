package dev.hundred.server.webhooks;

import dev.hundred.server.store.Database;
import dev.hundred.server.workspaces.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The delivery history (spec §13.2): every delivery that finished, delivered or failed after its last
 * retry, newest first, with page-number pagination. Deliveries still being retried are not listed yet.
 */
public final class WebhookHistoryService {
    /** The cloud's internal names for the two outcomes (the docs' example shows the failed one). */
    static final String DELIVERED = "reporter.webhook.delivery.success";
    static final String FAILED = "reporter.webhook.delivery.failed";

    private final Database db;
    private final WebhookHistoryStore store;
    private final Clock clock;

    public WebhookHistoryService(Database db, WebhookHistoryStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /** {@code start}/{@code end} null mean the defaults; {@code page} counts from 1. */
    public HistoryPage list(Workspace ws, Instant start, Instant end, String roomId, List<String> eventNames,
                            String status, int limit, int page) {
        HistoryFilter filter = HistoryFilter.of(start, end, roomId, eventNames, status, clock.instant());
        long offset = (long) (page - 1) * limit;
        return db.read(h -> {
            long total = store.count(h, ws.id(), filter);
            List<HistoryPage.Event> events = store.page(h, ws.id(), filter, offset, limit).stream()
                    .map(WebhookHistoryService::event).toList();
            long pages = (total + limit - 1) / limit;
            return new HistoryPage(events, new HistoryPage.Pagination(page, limit, pages, total, page < pages, page > 1),
                    new HistoryPage.Summary(total));
        });
    }

    /** The attempts at an event's delivery (the history shows only the outcome; the dashboard shows these). */
    public List<WebhookHistoryStore.Attempt> attempts(Workspace ws, String eventId) {
        return db.read(h -> store.attempts(h, ws.id(), eventId));
    }

    private static HistoryPage.Event event(WebhookHistoryStore.Finished d) {
        boolean delivered = "success".equals(d.status());
        return new HistoryPage.Event(d.eventId(), delivered ? DELIVERED : FAILED, d.roomId(), d.eventAt(),
                new HistoryPage.Payload(Envelope.data(d.body()), d.url(), d.eventType(),
                        delivered ? null : d.errorReason()));
    }
}
