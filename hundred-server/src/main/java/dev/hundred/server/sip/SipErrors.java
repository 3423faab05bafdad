package dev.hundred.server.sip;

import dev.hundred.server.http.ApiError;

/**
 * Every message the SIP API (spec §16) answers. The documented ones are verbatim (lowercase, Go style);
 * the ones Hundred adds follow them. The docs print some as {@code {code, message}} only; Hundred always
 * adds {@code details} (decisions.md, Wire format).
 */
final class SipErrors {
    private SipErrors() {}

    static ApiError mandatory(String field) {
        return new ApiError(400, field + " is mandatory");
    }

    static ApiError digitsMandatory() {
        return new ApiError(400, "digits are mandatory");
    }

    static ApiError invalidDigit(String detail) {
        return new ApiError(400, "invalid digit", detail);
    }

    /** A field of the wrong form or length; {@code detail} never carries a password. */
    static ApiError invalid(String field, String detail) {
        return new ApiError(400, "invalid " + field, detail);
    }

    static ApiError timedOut() {
        return new ApiError(408, "timed out");
    }

    static ApiError trunkNotFound() {
        return ApiError.notFound("trunk not found");
    }

    static ApiError roomCodeNotFound() {
        return ApiError.notFound("room code not found");
    }

    static ApiError roomCodeDisabled() {
        return ApiError.forbidden("room code is disabled");
    }

    static ApiError roomNotFound() {
        return ApiError.notFound("Room not found");
    }

    static ApiError callNotFound() {
        return ApiError.notFound("call not found");
    }

    static ApiError callNotConnected() {
        return new ApiError(400, "Invalid request", "call is not connected");
    }
}
