package dev.hundred.server.http;

import java.util.List;

/**
 * The one exception the server throws for anything a client should see. It renders as the 100ms error
 * body {@code {"code", "message", "details"}}; features keep their own messages as named factories in
 * their {@code XErrors} class, and the ones every feature shares live here.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final List<String> details;

    public ApiError(int status, String message, List<String> details) {
        super(message, null, false, false); // no stack trace: these are answers, not bugs
        this.status = status;
        this.details = List.copyOf(details);
    }

    public ApiError(int status, String message, String... details) {
        this(status, message, List.of(details));
    }

    public int status() {
        return status;
    }

    public List<String> details() {
        return details;
    }

    public ErrorBody body() {
        return new ErrorBody(status, getMessage(), details);
    }

    /** 400 for a body that is not the JSON we expect; the specifics go in details. */
    public static ApiError badBody(String... details) {
        return new ApiError(400, "Invalid body param", details);
    }

    /** 400 for a query parameter we cannot read (decisions.md, Pagination). */
    public static ApiError badQuery(String... details) {
        return new ApiError(400, "Invalid query parameter", details);
    }

    public static ApiError tokenInvalid(String reason) {
        return new ApiError(401, "Token validation error", reason);
    }

    public static ApiError forbidden(String message, String... details) {
        return new ApiError(403, message, details);
    }

    public static ApiError notFound(String message, String... details) {
        return new ApiError(404, message, details);
    }
}
