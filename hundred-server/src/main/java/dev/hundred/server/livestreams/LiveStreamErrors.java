package dev.hundred.server.livestreams;

import dev.hundred.server.http.ApiError;
import java.util.List;

/** Every message the live-streams feature answers with (spec §10; decisions.md, Media jobs). */
final class LiveStreamErrors {
    private LiveStreamErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("Live stream not found");
    }

    static ApiError notRunning(String status) {
        return new ApiError(400, "Invalid request", "live stream is " + status + ", not running");
    }

    static ApiError notRecorded() {
        return new ApiError(400, "Invalid request",
                "live stream is not recorded: start it with recording.hls_vod or recording.single_file_per_layer");
    }

    static ApiError unknownDestination(String name) {
        return ApiError.badBody("destination " + name + " is not an HLS destination of the room's template");
    }

    static ApiError destinationRequired(List<String> names) {
        return ApiError.badBody("destination is required: the room's template has " + names.size()
                + " HLS destinations (" + String.join(", ", names) + ")");
    }

    /** A playback URL that leads nowhere (unknown stream, wrong token) or to a stream not running now. */
    static ApiError noPlayback(String why) {
        return ApiError.notFound("Not found", why);
    }
}
