package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A template's destinations (spec §5.11): each a map keyed by destination name.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record TemplateDestinations(Map<String, JsonNode> rtmpDestinations,
                                   Map<String, JsonNode> hlsDestinations,
                                   Map<String, JsonNode> transcriptions,
                                   Map<String, JsonNode> browserRecordings,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
