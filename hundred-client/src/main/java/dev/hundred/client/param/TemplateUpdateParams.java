package dev.hundred.client.param;

import dev.hundred.client.model.Template;
import java.util.Map;

/** The body of {@code POST /templates/{id}} (spec §5.5): a full replacement; {@code roles} and {@code settings} required. */
public final class TemplateUpdateParams extends Params {
    private TemplateUpdateParams(Builder builder) {
        super(builder);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding {@code template}'s name, roles, settings, destinations and plugins, for the
     * read-modify-write the API asks for (every field is replaced): {@code TemplateUpdateParams.from(t).name("x").build()}.
     */
    public static Builder from(Template template) {
        return new Builder().name(template.name()).roles(template.roles()).settings(template.settings())
                .destinations(template.destinations()).plugins(template.plugins());
    }

    /** Builds a {@link TemplateUpdateParams}; unset fields are not sent. */
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

        public TemplateUpdateParams build() {
            return new TemplateUpdateParams(this);
        }
    }
}
