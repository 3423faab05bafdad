package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A peer's quality time series (spec §13.4).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record PeerStats(String peerId,
                        String sessionId,
                        String roomId,
                        JsonNode publisher,
                        JsonNode subscriber,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
