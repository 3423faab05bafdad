package dev.hundred.server.jobs;

import dev.hundred.server.http.ApiError;

/** Every message the job state machine answers (decisions.md, Media jobs). */
public final class JobErrors {
    private JobErrors() {}

    /** Label of a kind in messages: "recording", "live stream", "external stream". */
    public static String label(String kind) {
        return kind.replace('_', ' ');
    }

    /** A second start of a kind while one runs in the room (decisions.md, Undocumented behaviour). */
    static ApiError alreadyRunning(String kind) {
        return new ApiError(400, "Invalid request", label(kind) + " already running");
    }

    static ApiError roomDisabled() {
        return ApiError.forbidden("Room is disabled");
    }

    static ApiError notRunning(String kind, String status) {
        return new ApiError(400, "Invalid request", label(kind) + " is " + status + ", not running");
    }

    static ApiError notPaused(String kind) {
        return new ApiError(400, "Invalid request", label(kind) + " is not paused");
    }

    static ApiError alreadyPaused(String kind) {
        return new ApiError(400, "Invalid request", label(kind) + " is already paused");
    }

    static ApiError finished(String status) {
        return new ApiError(400, "Invalid request", "job is " + status + ": it has no next state");
    }

    public static ApiError jobNotFound() {
        return ApiError.notFound("Job not found");
    }
}
