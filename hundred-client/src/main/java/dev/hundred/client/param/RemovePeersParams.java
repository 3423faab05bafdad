package dev.hundred.client.param;

/** The body of {@code POST /active-rooms/{id}/remove-peers} (spec §7.6): a peer or a role. */
public final class RemovePeersParams extends Params {
    private RemovePeersParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RemovePeersParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code peer_id}. */
        public Builder peerId(String peerId) {
            return put("peer_id", peerId);
        }

        /** {@code role}. */
        public Builder role(String role) {
            return put("role", role);
        }

        /** {@code reason}. */
        public Builder reason(String reason) {
            return put("reason", reason);
        }

        public RemovePeersParams build() {
            return new RemovePeersParams(this);
        }
    }
}
