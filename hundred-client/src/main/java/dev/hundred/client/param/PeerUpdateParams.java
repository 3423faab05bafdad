package dev.hundred.client.param;

/** The body of {@code POST /active-rooms/{id}/peers/{peer_id}} (spec §7.4). */
public final class PeerUpdateParams extends Params {
    private PeerUpdateParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PeerUpdateParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code role}. */
        public Builder role(String role) {
            return put("role", role);
        }

        /** {@code metadata}. */
        public Builder metadata(String metadata) {
            return put("metadata", metadata);
        }

        public PeerUpdateParams build() {
            return new PeerUpdateParams(this);
        }
    }
}
