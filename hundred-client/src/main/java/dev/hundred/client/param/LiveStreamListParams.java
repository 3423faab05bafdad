package dev.hundred.client.param;

/** Filters of {@code GET /live-streams} (spec §10.2). */
public final class LiveStreamListParams extends Params {
    private LiveStreamListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LiveStreamListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        /** {@code room_id}. */
        public Builder roomId(String roomId) {
            return put("room_id", roomId);
        }

        /** {@code session_id}. */
        public Builder sessionId(String sessionId) {
            return put("session_id", sessionId);
        }

        /** {@code status}. */
        public Builder status(String status) {
            return put("status", status);
        }

        public LiveStreamListParams build() {
            return new LiveStreamListParams(this);
        }
    }
}
