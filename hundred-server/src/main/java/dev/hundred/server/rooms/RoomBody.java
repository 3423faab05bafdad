package dev.hundred.server.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of create and update (spec §3.2, §3.5). Every field is optional; null means "not sent".
 * {@code template} is read only to refuse it with the documented message.
 */
public record RoomBody(
        String name,
        String description,
        String templateId,
        JsonNode template,
        RecordingInfo recordingInfo,
        String region,
        Boolean largeRoom,
        Integer size,
        Integer maxDurationSeconds,
        RoomWebhook webhook,
        List<String> polls,
        Boolean enabled) {

    /** The same body without {@code name}: an upsert matched by name keeps the stored spelling. */
    RoomBody withoutName() {
        return new RoomBody(null, description, templateId, template, recordingInfo, region, largeRoom, size,
                maxDurationSeconds, webhook, polls, enabled);
    }
}
