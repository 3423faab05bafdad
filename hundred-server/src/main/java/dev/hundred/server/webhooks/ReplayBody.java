package dev.hundred.server.webhooks;

import java.util.List;

/** The body of {@code POST /v2/analytics/webhooks/replay} (spec §13.3); every field is optional. */
public record ReplayBody(String startTime, String endTime, String roomId, List<String> eventNames, Integer limit,
                         Integer offset, String status) {}
