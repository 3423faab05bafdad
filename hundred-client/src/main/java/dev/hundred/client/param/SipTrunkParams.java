package dev.hundred.client.param;

/** A SIP outbound trunk (spec §16). */
public final class SipTrunkParams extends Params {
    private SipTrunkParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SipTrunkParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code username}. */
        public Builder username(String username) {
            return put("username", username);
        }

        /** {@code password}. */
        public Builder password(String password) {
            return put("password", password);
        }

        /** {@code address}. */
        public Builder address(String address) {
            return put("address", address);
        }

        /** {@code from}. */
        public Builder from(String from) {
            return put("from", from);
        }

        public SipTrunkParams build() {
            return new SipTrunkParams(this);
        }
    }
}
