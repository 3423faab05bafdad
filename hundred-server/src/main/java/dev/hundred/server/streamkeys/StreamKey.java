package dev.hundred.server.streamkeys;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * An RTMP stream key as 100ms shows it (spec §12), in the create example's key order. {@code enabled} is
 * the key's own state and its room's: disabling the room deactivates the key, enabling it reactivates it.
 * {@code updated_at} is when the key's own state last changed.
 */
@JsonPropertyOrder({"id", "url", "key", "room_id", "customer_id", "app_id", "enabled", "created_at", "updated_at"})
public record StreamKey(
        String id,
        String url,
        String key,
        String roomId,
        String customerId,
        String appId,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {}
