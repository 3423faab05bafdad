package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * What a live stream records: a VOD and/or one file per layer.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record LiveStreamRecording(Boolean hlsVod,
                                  Boolean singleFilePerLayer,
                                  @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
