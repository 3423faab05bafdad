package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * Where viewers play a live stream: the master m3u8.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Playback(String url,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
