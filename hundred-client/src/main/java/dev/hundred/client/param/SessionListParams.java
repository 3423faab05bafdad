package dev.hundred.client.param;

import java.time.Instant;

/** Filters of {@code GET /sessions} (spec §6.3). */
public final class SessionListParams extends Params {
    private SessionListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SessionListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        /** {@code room_id}. */
        public Builder roomId(String roomId) {
            return put("room_id", roomId);
        }

        /** {@code active}. */
        public Builder active(Boolean active) {
            return put("active", active);
        }

        /** {@code after}. */
        public Builder after(Instant after) {
            return put("after", after);
        }

        /** {@code before}. */
        public Builder before(Instant before) {
            return put("before", before);
        }

        public SessionListParams build() {
            return new SessionListParams(this);
        }
    }
}
