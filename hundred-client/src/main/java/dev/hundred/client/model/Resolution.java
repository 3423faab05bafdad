package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * A width and height in pixels.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Resolution(Integer width,
                         Integer height,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
