package dev.hundred.server.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A room exactly as 100ms shows it (spec §3.1); {@code customer} and {@code template} are the legacy keys. */
public record Room(
        String id,
        String name,
        boolean enabled,
        String description,
        String customerId,
        String customer,
        String appId,
        RecordingInfo recordingInfo,
        boolean recordingSourceTemplate,
        String templateId,
        String template,
        String region,
        boolean largeRoom,
        int size,
        int maxDurationSeconds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> polls,
        @JsonInclude(JsonInclude.Include.NON_NULL) RoomWebhook webhook,
        String key,
        Instant createdAt,
        Instant updatedAt) {}
