package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A template role (spec §5.9). The nested parameter objects stay JSON trees: they are large and change often.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Role(String name,
                   JsonNode publishParams,
                   JsonNode subscribeParams,
                   Map<String, Boolean> permissions,
                   Integer priority,
                   Integer maxPeerCount,
                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
