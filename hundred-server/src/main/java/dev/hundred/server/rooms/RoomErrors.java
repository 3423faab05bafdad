package dev.hundred.server.rooms;

import dev.hundred.server.http.ApiError;

/** Every message the rooms API answers (spec §3.2), verbatim. */
final class RoomErrors {
    private RoomErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("Room not found");
    }

    static ApiError templateFieldUsed() {
        return new ApiError(400, "Invalid body param: template. Use template_id");
    }

    static ApiError regionNotSupported(String region) {
        return new ApiError(400, "Error: region not supported", "region must be one of in, us, eu, auto; got " + region);
    }

    static ApiError templateNotFound() {
        return new ApiError(400, "Error: template not found");
    }

    static ApiError durationTooShort() {
        return new ApiError(400, "Invalid body param: max_duration_seconds less than 120 seconds");
    }

    static ApiError durationTooLong() {
        return new ApiError(400, "Invalid body param: max_duration_seconds greater than 43200 seconds");
    }

    static ApiError largeRoomTooBig() {
        return ApiError.badBody("Invalid body param: room size greater than 20000");
    }

    static ApiError roomTooBig() {
        return ApiError.badBody("Invalid body param: room size greater than 2500, set large_room flag as true");
    }

    static ApiError bucketLocationMissing() {
        return new ApiError(400, "Bucket location is missing");
    }

    static ApiError invalidUpload(String detail) {
        return new ApiError(400, "Invalid upload configuration", detail);
    }

    static ApiError nameTaken(String name) {
        return ApiError.badBody("name: a room named " + name + " already exists");
    }
}
