package dev.hundred.client.param;

/** The body of {@code POST /active-rooms/{id}/end-room} (spec §7.7); {@code lock} also disables the room. */
public final class EndRoomParams extends Params {
    private EndRoomParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link EndRoomParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code reason}. */
        public Builder reason(String reason) {
            return put("reason", reason);
        }

        /** {@code lock}. */
        public Builder lock(Boolean lock) {
            return put("lock", lock);
        }

        public EndRoomParams build() {
            return new EndRoomParams(this);
        }
    }
}
