package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * A connected peer (spec §7.2, §7.3); {@code tracks} only when retrieved one by one.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Peer(String id,
                   String name,
                   String userId,
                   String metadata,
                   String role,
                   Instant joinedAt,
                   Map<String, Track> tracks,
                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
