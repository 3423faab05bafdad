package dev.hundred.client.param;

import java.util.List;

/** Filters of {@code GET /analytics/events} (spec §13.1): {@code room_id} required; {@code type} repeatable. */
public final class AnalyticsEventListParams extends Params {
    private AnalyticsEventListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AnalyticsEventListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        /** {@code room_id}. */
        public Builder roomId(String roomId) {
            return put("room_id", roomId);
        }

        /** {@code type}. */
        public Builder type(List<String> type) {
            return put("type", type);
        }

        /** {@code session_id}. */
        public Builder sessionId(String sessionId) {
            return put("session_id", sessionId);
        }

        /** {@code peer_id}. */
        public Builder peerId(String peerId) {
            return put("peer_id", peerId);
        }

        /** {@code user_id}. */
        public Builder userId(String userId) {
            return put("user_id", userId);
        }

        /** {@code beam_id}. */
        public Builder beamId(String beamId) {
            return put("beam_id", beamId);
        }

        /** {@code error}. */
        public Builder error(Boolean error) {
            return put("error", error);
        }

        public AnalyticsEventListParams build() {
            return new AnalyticsEventListParams(this);
        }
    }
}
