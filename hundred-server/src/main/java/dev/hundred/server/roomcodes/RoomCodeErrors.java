package dev.hundred.server.roomcodes;

import dev.hundred.server.http.ApiError;

/** Every message the room-code API and the code-to-token exchange answer (spec §4, §2.3). */
final class RoomCodeErrors {
    private RoomCodeErrors() {}

    static ApiError roomDisabled() {
        return ApiError.forbidden("Room is disabled");
    }

    static ApiError roleNotFound(String role) {
        return ApiError.notFound("Role not found", "role " + role + " is not in the room's template");
    }

    static ApiError codeNotFound() {
        return ApiError.notFound("Code not found");
    }

    static ApiError cannotEnable(String why) {
        return ApiError.forbidden("Code can not be enabled (role/room does not exist)", why);
    }

    /** The update endpoint's own wording: "parameter", not the "param" of every other endpoint (spec §4.5). */
    static ApiError badUpdateBody(String detail) {
        return new ApiError(400, "Invalid body parameter", detail);
    }

    static ApiError limitReached() {
        return new ApiError(400, "Room code limit reached",
                "a room can have at most " + RoomCodeService.MAX_CODES_PER_ROOM + " room codes");
    }

    static ApiError codeDisabled() {
        return ApiError.forbidden("Code is disabled");
    }

    static ApiError roleGone(String role) {
        return ApiError.forbidden("Code is disabled", "role " + role + " is not in the room's template");
    }
}
