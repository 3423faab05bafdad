package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * A template's recording configuration (spec §5.8).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record RecordingConfig(String name,
                              String role,
                              Integer maxDuration,
                              Integer presignDuration,
                              JsonNode thumbnails,
                              JsonNode compositeRecording,
                              JsonNode trackRecording,
                              JsonNode streamRecording,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
