package dev.hundred.server.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.hundred.server.templates.Destinations;
import dev.hundred.server.templates.Plugins;
import dev.hundred.server.templates.RecordingConfig;
import dev.hundred.server.templates.Role;
import dev.hundred.server.templates.Settings;
import dev.hundred.server.templates.Template;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A template in a {@link Snapshot}: the API's template (camelCase) without the workspace's own ids
 * ({@code customerId}, {@code appId}), so it can go to another workspace, plus its recording configs.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "default", "roles", "settings", "destinations", "plugins", "recordings", "createdAt",
        "updatedAt"})
public record TemplateEntry(
        String id,
        String name,
        @JsonProperty("default") Boolean isDefault,
        Map<String, Role> roles,
        Settings settings,
        Destinations destinations,
        Plugins plugins,
        List<RecordingConfig> recordings,
        Instant createdAt,
        Instant updatedAt) {

    static TemplateEntry of(Template t) {
        return new TemplateEntry(t.id(), t.name(), t.isDefault(), t.roles(), t.settings(), t.destinations(),
                t.plugins(), t.recordings(), t.createdAt(), t.updatedAt());
    }

    Template template() {
        return new Template(id, name, Boolean.TRUE.equals(isDefault), null, null, roles, settings, destinations, plugins,
                recordings == null ? List.of() : recordings, createdAt, updatedAt);
    }
}
