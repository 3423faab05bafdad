package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * An option of a question; {@code index} is 1-based.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PollOption(Integer index,
                         String text,
                         Integer weight,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
