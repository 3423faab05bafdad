package dev.hundred.server.activerooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A connected peer as the active-rooms API shows it (spec §7.2, §7.3): the list has no {@code tracks},
 * a single peer has them as a map keyed by track id in publish order. {@code metadata} is a string.
 */
public record ActivePeer(
        String id,
        String name,
        String userId,
        String metadata,
        String role,
        Instant joinedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Track> tracks) {}
