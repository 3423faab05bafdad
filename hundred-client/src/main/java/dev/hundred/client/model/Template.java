package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * A template (policy), in camelCase as the API writes it (spec §5.1). The deprecated {@code _id} and {@code customer} are in {@link #extra()}.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Template(String id,
                       String name,
                       String customerId,
                       Map<String, Role> roles,
                       TemplateSettings settings,
                       TemplateDestinations destinations,
                       TemplatePlugins plugins,
                       String appId,
                       @JsonProperty("default") Boolean isDefault,
                       Instant createdAt,
                       Instant updatedAt,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
