package dev.hundred.client.param;

/** Filters of {@code GET /active-rooms/{id}/peers} (spec §7.2). */
public final class PeerListParams extends Params {
    private PeerListParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PeerListParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code user_id}. */
        public Builder userId(String userId) {
            return put("user_id", userId);
        }

        /** {@code role}. */
        public Builder role(String role) {
            return put("role", role);
        }

        public PeerListParams build() {
            return new PeerListParams(this);
        }
    }
}
