package dev.hundred.client.param;

import java.util.Map;

/** The body of {@code POST /templates} (spec §5.2). Roles may be empty objects: the server fills in defaults. */
public final class TemplateCreateParams extends Params {
    private TemplateCreateParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TemplateCreateParams}; unset fields are not sent. */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {}

        /** {@code name}. */
        public Builder name(String name) {
            return put("name", name);
        }

        /** {@code roles}. */
        public Builder roles(Map<String, ?> roles) {
            return put("roles", roles);
        }

        /** {@code settings}. */
        public Builder settings(Object settings) {
            return put("settings", settings);
        }

        /** {@code destinations}. */
        public Builder destinations(Object destinations) {
            return put("destinations", destinations);
        }

        /** {@code plugins}. */
        public Builder plugins(Object plugins) {
            return put("plugins", plugins);
        }

        public TemplateCreateParams build() {
            return new TemplateCreateParams(this);
        }
    }
}
