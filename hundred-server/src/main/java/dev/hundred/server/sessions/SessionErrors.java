package dev.hundred.server.sessions;

import dev.hundred.server.http.ApiError;

/** Every message the sessions API answers. */
final class SessionErrors {
    private SessionErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("Session not found");
    }
}
