package dev.hundred.server.activerooms;

import dev.hundred.server.http.ApiError;

/** Every message the active-rooms API and the live plane answer. */
public final class ActiveRoomErrors {
    private ActiveRoomErrors() {}

    /** The room exists but has no live session (decisions.md, Undocumented behaviour). */
    static ApiError activeRoomNotFound() {
        return ApiError.notFound("Active room not found");
    }

    static ApiError peerNotFound() {
        return ApiError.notFound("Peer not found");
    }

    static ApiError trackNotFound() {
        return ApiError.notFound("Track not found");
    }

    static ApiError sessionNotFound() {
        return ApiError.notFound("Session not found");
    }

    /** A join the rules refuse; {@code reason} is also the webhook's error_message and the close reason. */
    public static ApiError joinRefused(String reason) {
        return new ApiError(403, "Peer join refused", reason);
    }

    static final String PUBLISH_REFUSED = "Track publish refused";

    /** A track of a kind (audio, video, screen) that the role's {@code publishParams.allowed} lacks. */
    static ApiError publishRefused(String kind, String role) {
        return new ApiError(403, PUBLISH_REFUSED, "role " + role + " may not publish " + kind);
    }

    /** The gateway keeps a socket open after this refusal, even on a join: the client may try without the track. */
    public static boolean isPublishRefusal(ApiError e) {
        return e.status() == 403 && PUBLISH_REFUSED.equals(e.getMessage());
    }

    static ApiError peerNotJoined() {
        return new ApiError(400, "Invalid request", "peer not joined");
    }

    static ApiError roleLimitReached() {
        return new ApiError(400, "Invalid request", "role limit reached");
    }

    static ApiError roleNotInTemplate(String role) {
        return ApiError.badBody("role " + role + " does not exist in the room's template");
    }
}
