package dev.hundred.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The filters shared by the delivery history and replays (spec §13.2-§13.3), with their time rules:
 * start defaults to 24 h ago and must lie within the last 30 days; end defaults to now and must fall
 * after start and within 14 days of it. {@code status}: all, failed or success.
 */
record HistoryFilter(Instant start, Instant end, String roomId, List<String> eventNames, String status) {
    static final List<String> STATUSES = List.of("all", "failed", "success");
    private static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Duration MAX_SPAN = Duration.ofDays(14);

    HistoryFilter {
        eventNames = List.copyOf(eventNames);
    }

    /** Fills the defaults and checks the ranges; start and end may be null (not given). */
    static HistoryFilter of(Instant start, Instant end, String roomId, List<String> eventNames, String status, Instant now) {
        Instant from = start != null ? start : now.minus(DEFAULT_SPAN);
        Instant to = end != null ? end : now;
        if (from.isBefore(now.minus(MAX_AGE))) {
            throw WebhookErrors.startTooOld("start_time " + dev.hundred.server.http.Timestamps.format(from)
                    + " is more than 30 days ago");
        }
        if (to.isBefore(from) || to.isAfter(from.plus(MAX_SPAN))) {
            throw WebhookErrors.endOutOfRange("end_time must be after start_time and at most 14 days later");
        }
        return new HistoryFilter(from, to, roomId == null || roomId.isEmpty() ? null : roomId, eventNames, status);
    }
}
