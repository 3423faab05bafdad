package dev.hundred.client.param;

import java.time.Instant;

/** Filters of {@code GET /rooms} (spec §3.4); {@code enabled} defaults to true on the server. */
public final class RoomListParams extends Params {
    private RoomListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoomListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        /** {@code enabled}. */
        public Builder enabled(Boolean enabled) {
            return put("enabled", enabled);
        }

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code template_id}. */
        public Builder templateId(String templateId) {
            return put("template_id", templateId);
        }

        /** {@code after}. */
        public Builder after(Instant after) {
            return put("after", after);
        }

        /** {@code before}. */
        public Builder before(Instant before) {
            return put("before", before);
        }

        public RoomListParams build() {
            return new RoomListParams(this);
        }
    }
}
