package dev.hundred.server.streamkeys;

import dev.hundred.server.http.ApiError;

/** Every message the stream-key API (spec §12) and its emulator controls answer. */
final class StreamKeyErrors {
    private StreamKeyErrors() {}

    static ApiError roomNotFound() {
        return ApiError.notFound("Room not found");
    }

    static ApiError roomDisabled() {
        return ApiError.forbidden("Room is disabled (not active)");
    }

    static ApiError activeKeyExists() {
        return new ApiError(400, "Active key already exists");
    }

    static ApiError noActiveKey() {
        return ApiError.notFound("No active key found");
    }

    static ApiError keyNotFound() {
        return ApiError.notFound("Key not found");
    }

    static ApiError notIngesting() {
        return new ApiError(400, "Invalid request", "no ingest is live on this stream key");
    }
}
