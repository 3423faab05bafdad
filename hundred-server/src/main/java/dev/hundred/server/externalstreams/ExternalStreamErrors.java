package dev.hundred.server.externalstreams;

import dev.hundred.server.http.ApiError;
import java.util.List;

/** Every message the external-streams feature answers with (spec §11; decisions.md, Media jobs). */
final class ExternalStreamErrors {
    private ExternalStreamErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("External stream not found");
    }

    static ApiError unknownDestination(String name) {
        return ApiError.badBody("destination " + name + " is not an RTMP destination of the room's template");
    }

    static ApiError destinationRequired(List<String> names) {
        return ApiError.badBody("destination is required: the room's template has " + names.size()
                + " RTMP destinations (" + String.join(", ", names) + ")");
    }
}
