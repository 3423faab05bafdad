package dev.hundred.client.param;

import java.util.Map;

/** An outbound SIP call (spec §16): {@code to}, {@code room_code} and {@code trunk_id} required. */
public final class SipCallParams extends Params {
    private SipCallParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SipCallParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code to}. */
        public Builder to(String to) {
            return put("to", to);
        }

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code user_id}. */
        public Builder userId(String userId) {
            return put("user_id", userId);
        }

        /** {@code room_code}. */
        public Builder roomCode(String roomCode) {
            return put("room_code", roomCode);
        }

        /** {@code trunk_id}. */
        public Builder trunkId(String trunkId) {
            return put("trunk_id", trunkId);
        }

        /** {@code video}. */
        public Builder video(Boolean video) {
            return put("video", video);
        }

        /** {@code headers}. */
        public Builder headers(Map<String, String> headers) {
            return put("headers", headers);
        }

        public SipCallParams build() {
            return new SipCallParams(this);
        }
    }
}
