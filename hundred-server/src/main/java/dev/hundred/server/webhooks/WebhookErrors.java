package dev.hundred.server.webhooks;

import dev.hundred.server.http.ApiError;

/** Every message the webhook endpoints answer; the analytics ones are verbatim from spec §13.2-§13.3. */
final class WebhookErrors {
    private WebhookErrors() {}

    static ApiError startTooOld(String field) {
        return new ApiError(400, "start_time must be within the last 30 days", field);
    }

    static ApiError endOutOfRange(String field) {
        return new ApiError(400, "end_time must be within 14 days after start_time", field);
    }

    static ApiError workflowNotFound(String id) {
        return ApiError.notFound("workflow not found", "no replay workflow " + id);
    }

    static ApiError badSetting(String detail) {
        return ApiError.badBody(detail);
    }
}
