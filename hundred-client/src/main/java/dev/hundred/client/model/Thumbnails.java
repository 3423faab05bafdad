package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Thumbnails of a recording (spec §5.8, §5.11): size, the offsets (seconds) they are taken at, and frames/s.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Thumbnails(Boolean enabled,
                         Integer width,
                         Integer height,
                         List<Integer> offsets,
                         Integer fps,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
