package dev.hundred.client.param;

import dev.hundred.client.model.Role;
import java.util.Map;

/** The body of {@code POST /templates/{id}/roles/{name}} (spec §5.6, §5.9); a different {@code name} renames the role. */
public final class RoleParams extends Params {
    private RoleParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every field of {@code role} (its fields unknown to this client too) except
     * {@code name}, so a role read with {@code retrieveRole} can be sent back with one thing changed:
     * {@code RoleParams.from(role).maxPeerCount(10).build()}.
     */
    public static Builder from(Role role) {
        Builder b = new Builder().publishParams(role.publishParams()).subscribeParams(role.subscribeParams())
                .permissions(role.permissions()).priority(role.priority()).maxPeerCount(role.maxPeerCount());
        if (role.extra() != null) {
            role.extra().forEach(b::putExtraParam);
        }
        return b;
    }

    /** Builds a {@link RoleParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code publishParams}: a {@link Role.PublishParams}, or a Map of the API's fields. */
        public Builder publishParams(Object publishParams) {
            return put("publishParams", publishParams);
        }

        /** {@code subscribeParams}: a {@link Role.SubscribeParams}, or a Map of the API's fields. */
        public Builder subscribeParams(Object subscribeParams) {
            return put("subscribeParams", subscribeParams);
        }

        /** {@code permissions}, only the ones given (the server keeps its defaults for the others). */
        public Builder permissions(Map<String, Boolean> permissions) {
            return put("permissions", permissions);
        }

        /** {@code permissions} as a record (null fields are not sent). */
        public Builder permissions(Role.Permissions permissions) {
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
