package dev.hundred.client.param;

/** Filters of {@code GET /room-codes/room/{id}} (spec §4.4). */
public final class RoomCodeListParams extends Params {
    private RoomCodeListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoomCodeListParams}; unset fields are not sent. */
    public static final class Builder extends Params.ListBuilder<Builder> {
        private Builder() {}

        /** {@code role}. */
        public Builder role(String role) {
            return put("role", role);
        }

        /** {@code enabled}. */
        public Builder enabled(Boolean enabled) {
            return put("enabled", enabled);
        }

        public RoomCodeListParams build() {
            return new RoomCodeListParams(this);
        }
    }
}
