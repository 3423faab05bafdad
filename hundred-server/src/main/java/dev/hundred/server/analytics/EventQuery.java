package dev.hundred.server.analytics;

import java.util.List;

/**
 * GET /v2/analytics/events as asked: {@code types} as sent (empty: every supported type), {@code error}
 * true to keep only the error events, {@code start} a previous response's {@code next} or null.
 */
record EventQuery(String roomId, List<String> types, boolean error, String sessionId, String peerId,
                  String userId, String beamId, int limit, String start) {}
