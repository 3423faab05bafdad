package dev.hundred.client.param;

/** The body of {@code POST /active-rooms/{id}/send-message} (spec §7.5): to one peer, one role, or everybody. */
public final class SendMessageParams extends Params {
    private SendMessageParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SendMessageParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code message}. */
        public Builder message(String message) {
            return put("message", message);
        }

        /** {@code peer_id}. */
        public Builder peerId(String peerId) {
            return put("peer_id", peerId);
        }

        /** {@code role}. */
        public Builder role(String role) {
            return put("role", role);
        }

        /** {@code type}. */
        public Builder type(String type) {
            return put("type", type);
        }

        public SendMessageParams build() {
            return new SendMessageParams(this);
        }
    }
}
