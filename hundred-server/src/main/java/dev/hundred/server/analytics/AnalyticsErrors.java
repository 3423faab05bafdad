package dev.hundred.server.analytics;

import dev.hundred.server.http.ApiError;

/**
 * Every message the analytics events and peer-stats APIs answer. The docs list none for these endpoints,
 * so they take the shared ones ({@code Invalid query parameter}, {@code Room not found}, ...) with the
 * specifics in details (decisions.md, Wire format).
 */
final class AnalyticsErrors {
    private AnalyticsErrors() {}

    static ApiError required(String param) {
        return ApiError.badQuery(param + " is required");
    }

    static ApiError unknownType(String type) {
        String shown = type.length() > 64 ? type.substring(0, 64) + "..." : type;
        return ApiError.badQuery("type " + shown + " is not supported; supported types: "
                + String.join(", ", EventTypes.ALL));
    }

    static ApiError cursorInvalid() {
        return ApiError.badQuery("start is not a cursor this server gave for this workspace (pass the next of"
                + " a previous response, unchanged)");
    }

    static ApiError cursorExpired() {
        return ApiError.badQuery("start has expired: a cursor lasts 24 hours from the first query; query again"
                + " without start");
    }

    static ApiError cursorOfAnotherQuery() {
        return ApiError.badQuery("start belongs to another query: send the same room_id, type, session_id,"
                + " peer_id, user_id, beam_id and error as the first request");
    }

    static ApiError roomNotFound() {
        return ApiError.notFound("Room not found");
    }

    static ApiError peerNotFound() {
        return ApiError.notFound("Peer not found");
    }

    /** Quality stats exist only once the session has ended (peer-quality-stats.mdx). */
    static ApiError statsNotReady(String sessionId) {
        return ApiError.notFound("Peer stats not found", "session " + sessionId
                + " is still live: quality stats are available after the session ends");
    }

    static ApiError badPath(String detail) {
        return new ApiError(400, "Invalid path parameter", detail);
    }

    static ApiError badBody(String detail) {
        return ApiError.badBody(detail);
    }
}
