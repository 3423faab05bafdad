package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * A room's own webhook (spec §17.2): it wins over the workspace's for this room.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record RoomWebhook(String url,
                          Map<String, String> headers,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
