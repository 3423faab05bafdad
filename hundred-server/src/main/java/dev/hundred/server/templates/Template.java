package dev.hundred.server.templates;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A template (policy) as the wire shows it: camelCase, plus the legacy {@code _id} and {@code customer}
 * keys (spec §5.1). Roles, settings, destinations and plugins are JSON trees whose defaults and ranges
 * {@link TemplateService} enforces; maps keep insertion order.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
@JsonPropertyOrder({"id", "name", "customerId", "appId", "roles", "settings", "destinations", "plugins",
        "createdAt", "updatedAt", "_id", "customer"})
public record Template(
        String id,
        String name,
        String customerId,
        String appId,
        ObjectNode roles,
        ObjectNode settings,
        ObjectNode destinations,
        ObjectNode plugins,
        @JsonIgnore JsonNode recordings,
        @JsonIgnore boolean isDefault,
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
        List<String> names = new ArrayList<>();
        roles.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public Optional<JsonNode> role(String roleName) {
        return Optional.ofNullable(roles.get(roleName));
    }

    /** The template's region ({@code settings.region}), {@code auto} when unset. */
    public String region() {
        return settings.path("region").asText("auto");
    }
}
