package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * The short answer of actions such as send-message, remove-peers and end-room.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Message(String message,
                      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
