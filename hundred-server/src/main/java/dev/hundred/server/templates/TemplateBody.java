package dev.hundred.server.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of create (spec §5.2, everything optional) and full update (§5.5, roles and settings
 * required). Null means "not sent". {@code default: true} makes the template the workspace's default.
 */
@CamelCase
public record TemplateBody(
        String name,
        @JsonProperty("default") Boolean makeDefault,
        Map<String, Role> roles,
        Settings settings,
        Destinations destinations,
        Plugins plugins) {}
