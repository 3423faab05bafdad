package dev.hundred.client.param;

import java.time.Instant;
import java.util.List;

/** The body of {@code POST /analytics/webhooks/replay} (spec §13.3); {@code status} defaults to failed. */
public final class WebhookReplayParams extends Params {
    private WebhookReplayParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WebhookReplayParams}; unset fields are not sent. */
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

        /** {@code event_names}. */
        public Builder eventNames(List<String> eventNames) {
            return put("event_names", eventNames);
        }

        /** {@code limit}. */
        public Builder limit(Integer limit) {
            return put("limit", limit);
        }

        /** {@code offset}. */
        public Builder offset(Integer offset) {
            return put("offset", offset);
        }

        /** {@code status}. */
        public Builder status(String status) {
            return put("status", status);
        }

        public WebhookReplayParams build() {
            return new WebhookReplayParams(this);
        }
    }
}
