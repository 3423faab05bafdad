package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * The answer of the room-code exchange ({@code POST https://auth.100ms.live/v2/token}, spec §2.3): an app token.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record AuthToken(String token,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
