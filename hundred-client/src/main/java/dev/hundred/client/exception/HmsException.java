package dev.hundred.client.exception;

import java.util.List;

/**
 * The root of every error the client throws (unchecked). An API error carries the HTTP status, the body's
 * {@code code}, {@code message} and {@code details}, and the request id when the server sent one; its
 * {@link #getMessage()} says all of it, so a log line is enough on its own. Subclasses by status:
 * {@link InvalidRequestException} 400 (and other 4xx without a class of their own),
 * {@link AuthenticationException} 401, {@link PermissionException} 403, {@link NotFoundException} 404,
 * {@link RateLimitException} 429, {@link ApiException} 5xx; {@link ApiConnectionException} when no
 * answer came.
 */
public class HmsException extends RuntimeException {
    private final int status;
    private final Integer code;
    private final String apiMessage;
    private final List<String> details;
    private final String requestId;

    public HmsException(int status, Integer code, String apiMessage, List<String> details, String requestId, Throwable cause) {
        super(describe(status, code, apiMessage, details, requestId), cause);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.requestId = requestId;
    }

    /** Turns an error answer into the exception of its status. */
    public static HmsException of(int status, Integer code, String message, List<String> details, String requestId) {
        return switch (status) {
            case 400 -> new InvalidRequestException(status, code, message, details, requestId);
            case 401 -> new AuthenticationException(code, message, details, requestId);
            case 403 -> new PermissionException(code, message, details, requestId);
            case 404 -> new NotFoundException(code, message, details, requestId);
            case 429 -> new RateLimitException(code, message, details, requestId);
            default -> status >= 500 ? new ApiException(status, code, message, details, requestId)
                    : status >= 400 ? new InvalidRequestException(status, code, message, details, requestId)
                    : new HmsException(status, code, message, details, requestId, null);
        };
    }

    private static String describe(int status, Integer code, String message, List<String> details, String requestId) {
        StringBuilder s = new StringBuilder();
        s.append(status > 0 ? "HTTP " + status : "no response");
        if (message != null) {
            s.append(": ").append(message);
        }
        if (details != null && !details.isEmpty()) {
            s.append(' ').append(details);
        }
        if (code != null && code != status) {
            s.append(" (code ").append(code).append(')');
        }
        if (requestId != null) {
            s.append(" (request ").append(requestId).append(')');
        }
        return s.toString();
    }

    /** The HTTP status, 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The body's {@code code} (it mirrors the status), or null when the body had none. */
    public Integer code() {
        return code;
    }

    /** The body's {@code message}, e.g. {@code Room not found}. */
    public String apiMessage() {
        return apiMessage;
    }

    /** The body's {@code details}, empty when absent. */
    public List<String> details() {
        return details;
    }

    /** The server's request id (header {@code X-Request-Id}), or null. */
    public String requestId() {
        return requestId;
    }
}
