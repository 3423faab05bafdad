package dev.hundred.server.analytics;

import java.time.Instant;

/** An event as stored: the envelope's fields, the filter columns and the data object as JSON. */
record EventRow(String id, String workspaceId, String roomId, String type, String sessionId, String peerId,
                String userId, String beamId, Instant at, String data) {

    AnalyticsEvent wire() {
        return new AnalyticsEvent(AnalyticsEvent.VERSION, id, at, type, data);
    }
}
