package dev.hundred.client.param;

import java.util.Map;

/** The body of {@code POST /templates/{id}/roles/{name}} (spec §5.6, §5.9); a different {@code name} renames the role. */
public final class RoleParams extends Params {
    private RoleParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoleParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code publishParams}. */
        public Builder publishParams(Object publishParams) {
            return put("publishParams", publishParams);
        }

        /** {@code subscribeParams}. */
        public Builder subscribeParams(Object subscribeParams) {
            return put("subscribeParams", subscribeParams);
        }

        /** {@code permissions}. */
        public Builder permissions(Map<String, Boolean> permissions) {
            return put("permissions", permissions);
        }

        /** {@code priority}. */
        public Builder priority(Integer priority) {
            return put("priority", priority);
        }

        /** {@code maxPeerCount}. */
        public Builder maxPeerCount(Integer maxPeerCount) {
            return put("maxPeerCount", maxPeerCount);
        }

        public RoleParams build() {
            return new RoleParams(this);
        }
    }
}
