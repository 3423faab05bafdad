package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * An answer that is only an id (SIP trunks and calls).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record IdResult(String id,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
