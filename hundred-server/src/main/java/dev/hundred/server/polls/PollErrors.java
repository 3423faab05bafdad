package dev.hundred.server.polls;

import dev.hundred.server.http.ApiError;

/**
 * Every message the polls API, the emulator's poll controls and the gateway's poll messages answer. The
 * docs list none for polls (spec §14); these follow decisions.md: a short message, specifics in details.
 */
final class PollErrors {
    private PollErrors() {}

    static ApiError pollNotFound() {
        return ApiError.notFound("Poll not found");
    }

    static ApiError questionNotFound(int index, int count) {
        return ApiError.notFound("Question not found", "the poll has " + count + " questions; question "
                + index + " does not exist");
    }

    static ApiError questionCannotBeAdded(int index, int count) {
        return ApiError.notFound("Question not found", "the poll has " + count + " questions; a new question takes index "
                + (count + 1) + ", not " + index);
    }

    static ApiError optionNotFound(int index, int count) {
        return ApiError.notFound("Option not found", "the question has " + count + " options; option "
                + index + " does not exist");
    }

    static ApiError optionCannotBeAdded(int index, int count) {
        return ApiError.notFound("Option not found", "the question has " + count + " options; a new option takes index "
                + (count + 1) + ", not " + index);
    }

    static ApiError textQuestionHasNoOptions(String type) {
        return new ApiError(400, "Invalid request", type + " questions have no options");
    }

    /** Same message as the active-rooms API's for a room nobody is in (decisions.md, Undocumented behaviour). */
    static ApiError activeRoomNotFound() {
        return ApiError.notFound("Active room not found");
    }

    static ApiError peerNotFound() {
        return ApiError.notFound("Peer not found");
    }

    static ApiError responseNotFound() {
        return ApiError.notFound("Response not found");
    }

    static ApiError resultNotFound() {
        return ApiError.notFound("Result not found");
    }

    /** A path index ({@code question_id}, {@code option_id}) that is not a positive integer. */
    static ApiError badIndex(String name) {
        return new ApiError(400, "Invalid path parameter", name + " must be a positive integer (indexes start at 1)");
    }

    /** A question or option rewrite whose body names another index than its path. */
    static ApiError indexMismatch(String field, int given, int path) {
        return ApiError.badBody(field + " is " + given + " but the path names " + path);
    }

    static ApiError alreadyRunning() {
        return new ApiError(400, "Invalid request", "poll already running in this session");
    }

    static ApiError alreadyRan() {
        return new ApiError(400, "Invalid request", "poll already ran in this session");
    }

    static ApiError notRunning() {
        return new ApiError(400, "Invalid request", "poll not running in this session");
    }

    static ApiError answeredOnce(int question) {
        return new ApiError(400, "Invalid request", "question " + question + " can be answered once");
    }

    static ApiError notSkippable(int question) {
        return ApiError.badBody("question " + question + " cannot be skipped");
    }

    static ApiError forbidden(String role, String permission) {
        return ApiError.forbidden("Permission denied", "role " + role + " lacks " + permission);
    }
}
