package dev.hundred.server.templates;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template (policy) as the wire shows it (spec §5.1): camelCase, plus the legacy {@code _id} and
 * {@code customer} keys; {@code default} appears only on the workspace's default template (an optional
 * key in the official SDK's type). Roles keep the order they were given in.
 */
@CamelCase
@JsonPropertyOrder({"id", "name", "default", "customerId", "appId", "roles", "settings", "destinations", "plugins",
        "createdAt", "updatedAt", "_id", "customer"})
public record Template(
        String id,
        String name,
        @JsonProperty("default") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean isDefault,
        String customerId,
        String appId,
        Map<String, Role> roles,
        Settings settings,
        Destinations destinations,
        Plugins plugins,
        @JsonIgnore List<RecordingConfig> recordings,
        Instant createdAt,
        Instant updatedAt) {

    @JsonProperty("_id")
    public String legacyId() {
        return id;
    }

    @JsonProperty("customer")
    public String customer() {
        return customerId;
    }

    public List<String> roleNames() {
        return new ArrayList<>(roles.keySet());
    }

    /** The role's JSON exactly as the API shows it, every field filled. */
    public Optional<JsonNode> role(String roleName) {
        return findRole(roleName).map(Json.MAPPER::valueToTree);
    }

    public Optional<Role> findRole(String roleName) {
        return Optional.ofNullable(roles.get(roleName));
    }

    /** The template's region ({@code settings.region}): {@code in}, {@code us}, {@code eu} or {@code auto}. */
    public String region() {
        return settings.region();
    }

    Template withName(String newName) {
        return new Template(id, newName, isDefault, customerId, appId, roles, settings, destinations, plugins,
                recordings, createdAt, updatedAt);
    }

    Template withRoles(Map<String, Role> newRoles) {
        return new Template(id, name, isDefault, customerId, appId, newRoles, settings, destinations, plugins,
                recordings, createdAt, updatedAt);
    }

    Template withSettings(Settings newSettings) {
        return new Template(id, name, isDefault, customerId, appId, roles, newSettings, destinations, plugins,
                recordings, createdAt, updatedAt);
    }

    Template withDestinations(Destinations newDestinations) {
        return new Template(id, name, isDefault, customerId, appId, roles, settings, newDestinations, plugins,
                recordings, createdAt, updatedAt);
    }

    Template withPlugins(Plugins newPlugins) {
        return new Template(id, name, isDefault, customerId, appId, roles, settings, destinations, newPlugins,
                recordings, createdAt, updatedAt);
    }

    Template withRecordings(List<RecordingConfig> newRecordings) {
        return new Template(id, name, isDefault, customerId, appId, roles, settings, destinations, plugins,
                newRecordings, createdAt, updatedAt);
    }

    Template updatedAt(Instant when) {
        return new Template(id, name, isDefault, customerId, appId, roles, settings, destinations, plugins,
                recordings, createdAt, when);
    }
}
