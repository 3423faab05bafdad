package dev.hundred.server.analytics;

import java.util.List;

/**
 * What GET /v2/analytics/events asks for, with the types already resolved (the default, {@code error=true},
 * repeats removed). {@link #key()} is the query in one canonical string: a cursor serves only its query.
 */
record EventFilter(String roomId, List<String> types, String sessionId, String peerId, String userId,
                   String beamId) {

    String key() {
        return String.join("\n", "room_id=" + roomId, "type=" + String.join(",", types),
                "session_id=" + nullToEmpty(sessionId), "peer_id=" + nullToEmpty(peerId),
                "user_id=" + nullToEmpty(userId), "beam_id=" + nullToEmpty(beamId));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
