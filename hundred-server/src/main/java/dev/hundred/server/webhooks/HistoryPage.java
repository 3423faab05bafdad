package dev.hundred.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /v2/analytics/webhooks} (spec §13.2), exactly. */
public record HistoryPage(List<Event> events, Pagination pagination, Summary summary) {

    /** One finished delivery. {@code event_name} says how it ended; the webhook's own type is in the payload. */
    public record Event(String eventId, String eventName, String roomId, Instant eventTimestamp, Payload payload) {}

    /** {@code error_reason} only on failed deliveries (the docs' note). */
    public record Payload(Object eventData, String webhookUrl, String originalEventName,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String errorReason) {}

    public record Pagination(int currentPage, int pageSize, long totalPages, long totalItems, boolean hasNext,
                             boolean hasPrev) {}

    public record Summary(long totalEvents) {}
}
