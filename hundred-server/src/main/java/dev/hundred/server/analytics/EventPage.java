package dev.hundred.server.analytics;

import java.util.List;

/**
 * The events envelope (overview.mdx): {@code limit} is the number of events in this response (as the docs
 * define it, not the limit asked for), {@code total} every event of the query's snapshot, {@code next}
 * the cursor of the following page or "" when there is none. {@code events} is [] when empty.
 */
public record EventPage(int limit, int total, String next, List<AnalyticsEvent> events) {}
