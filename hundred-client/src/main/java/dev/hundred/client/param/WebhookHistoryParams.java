package dev.hundred.client.param;

import java.time.Instant;
import java.util.List;

/** Filters of {@code GET /analytics/webhooks} (spec §13.2); page-numbered. */
public final class WebhookHistoryParams extends Params {
    private WebhookHistoryParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WebhookHistoryParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code start_time}. */
        public Builder startTime(Instant startTime) {
            return put("start_time", startTime);
        }

        /** {@code end_time}. */
        public Builder endTime(Instant endTime) {
            return put("end_time", endTime);
        }

        /** {@code room_id}. */
        public Builder roomId(String roomId) {
            return put("room_id", roomId);
        }

        /** {@code status}. */
        public Builder status(String status) {
            return put("status", status);
        }

        /** {@code event_names}. */
        public Builder eventNames(List<String> eventNames) {
            return put("event_names", eventNames);
        }

        /** {@code limit}. */
        public Builder limit(Integer limit) {
            return put("limit", limit);
        }

        /** {@code page}. */
        public Builder page(Integer page) {
            return put("page", page);
        }

        public WebhookHistoryParams build() {
            return new WebhookHistoryParams(this);
        }
    }
}
