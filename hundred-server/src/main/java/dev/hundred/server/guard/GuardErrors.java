package dev.hundred.server.guard;

import dev.hundred.server.http.ApiError;

/** Every message of idempotency keys and rate limits (docs/idempotency-and-rate-limits.md). */
final class GuardErrors {
    private GuardErrors() {}

    /** 400: the Idempotency-Key header is not a key we can keep. */
    static ApiError badKey(String detail) {
        return new ApiError(400, "Invalid header", detail);
    }

    /** 422: the key was first used with another request. */
    static ApiError keyReused(String detail) {
        return new ApiError(422, "Idempotency key reused", detail);
    }

    /** 409: the first request with the key is still running after we waited for it. */
    static ApiError keyInUse(long waitedSeconds) {
        return new ApiError(409, "Idempotency key in use",
                "a request with this Idempotency-Key is still running after " + waitedSeconds + " seconds of waiting; retry later");
    }

    /** 429 in the words of the analytics webhook endpoints (spec §13.2, §13.3). */
    static ApiError rateLimited(long retryAfterSeconds, RateLimit limit) {
        return new ApiError(429, "rate limit exceeded, retry after " + retryAfterSeconds + " seconds",
                "at most " + limit + " requests per workspace (--rate-limit)");
    }
}
