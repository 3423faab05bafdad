package dev.hundred.server.emulator;

import dev.hundred.server.http.ApiError;
import java.util.List;

/** Every message of the emulator's faults, journal and inbox (docs/emulator.md). */
final class EmulatorErrors {
    private EmulatorErrors() {}

    static ApiError faultNotFound(String id) {
        return ApiError.notFound("Fault not found", "no fault " + id);
    }

    static ApiError badFault(String detail) {
        return ApiError.badBody(detail);
    }

    static ApiError tooManyFaults(int max) {
        return ApiError.badBody("a workspace has at most " + max + " faults; delete some first");
    }

    static ApiError badFaultHeader(String reason) {
        return new ApiError(400, "Invalid header", FaultHeader.NAME + ": " + reason);
    }

    /** The answer of an injected fault, in the 100ms error shape. */
    static ApiError injected(Injection injection) {
        return new ApiError(injection.status(), injection.message(), List.of("injected fault " + injection.source()));
    }

    static ApiError unknownAfter(String after) {
        return ApiError.badQuery("after is not an event of this workspace's inbox: " + after
                + " (the inbox keeps " + EventInbox.KEEP_HOURS + " h and at most " + EventInbox.KEEP_PER_WORKSPACE
                + " events)");
    }
}
