package dev.hundred.server.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hundred.server.rooms.RecordingInfo;
import dev.hundred.server.rooms.Room;
import dev.hundred.server.rooms.RoomWebhook;
import java.time.Instant;
import java.util.List;

/**
 * A room in a {@link Snapshot}: the API's room without what the workspace or the template makes of it
 * ({@code customer_id}, {@code app_id}, {@code template}, {@code key}); {@code recording_info} is null when
 * the room follows its template.
 */
@JsonPropertyOrder({"id", "name", "enabled", "description", "template_id", "region", "large_room", "size",
        "max_duration_seconds", "recording_info", "webhook", "polls", "created_at", "updated_at"})
public record RoomEntry(
        String id,
        String name,
        Boolean enabled,
        String description,
        String templateId,
        String region,
        Boolean largeRoom,
        Integer size,
        Integer maxDurationSeconds,
        RecordingInfo recordingInfo,
        RoomWebhook webhook,
        List<String> polls,
        Instant createdAt,
        Instant updatedAt) {

    static RoomEntry of(Room r) {
        return new RoomEntry(r.id(), r.name(), r.enabled(), r.description(), r.templateId(), r.region(), r.largeRoom(),
                r.size(), r.maxDurationSeconds(), r.recordingSourceTemplate() ? null : r.recordingInfo(), r.webhook(),
                r.polls(), r.createdAt(), r.updatedAt());
    }

    /** The room to restore; what the document leaves out takes the default of a create. */
    Room room() {
        return new Room(id, name, enabled == null || enabled, description, null, null, null, recordingInfo,
                recordingInfo == null, templateId, null, region, Boolean.TRUE.equals(largeRoom), size == null ? 0 : size,
                maxDurationSeconds == null ? 43200 : maxDurationSeconds, polls == null ? List.of() : polls, webhook, null,
                createdAt, updatedAt);
    }
}
