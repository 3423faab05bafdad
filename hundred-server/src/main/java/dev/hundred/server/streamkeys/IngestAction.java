package dev.hundred.server.streamkeys;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Text;
import java.util.List;

/**
 * The emulator's ingest body: {@code action} start, stop or fail. A start may force one of the documented
 * start failures ({@code error_message}) and name the peer's {@code role}; a stop may give another
 * documented end {@code reason}; a fail its {@code error_message} (default {@code internal error}).
 */
public record IngestAction(String action, String reason, String errorMessage, String role) {
    static final String START = "start";
    static final String STOP = "stop";
    static final String FAIL = "fail";
    /** ingest.end.success reasons (webhook.md). */
    static final List<String> END_REASONS = List.of("publish error", "reconnection window expired", "stream closed",
            "internal error");
    /** ingest.start.failure messages (webhook.md). */
    static final List<String> START_FAILURES = List.of("stream key disabled", "internal error", "no hls destinations",
            "remote session active", "already connected", "beam start error");
    static final String STREAM_CLOSED = "stream closed";
    static final String INTERNAL_ERROR = "internal error";
    static final int MAX_TEXT = 255;

    /** Checks the fields of this action; answers the action. */
    String checked() {
        if (action == null || !List.of(START, STOP, FAIL).contains(action)) {
            throw ApiError.badBody("action must be start, stop or fail");
        }
        switch (action) {
            case START -> {
                if (errorMessage != null && !START_FAILURES.contains(errorMessage)) {
                    throw ApiError.badBody("error_message must be one of " + String.join(", ", START_FAILURES));
                }
                line("role", role);
            }
            case STOP -> {
                if (reason != null && !END_REASONS.contains(reason)) {
                    throw ApiError.badBody("reason must be one of " + String.join(", ", END_REASONS));
                }
            }
            default -> line("error_message", errorMessage);
        }
        return action;
    }

    private static void line(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty() || value.length() > MAX_TEXT || Text.hasControlCharacters(value)) {
            throw ApiError.badBody(field + " must be 1 to " + MAX_TEXT + " characters without control characters");
        }
    }
}
