package dev.hundred.server.recordings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.assets.Asset;
import dev.hundred.server.http.Json;
import dev.hundred.server.jobs.MediaJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recording exactly as 100ms shows it (spec §8.1, the start example's key order): times not yet set are
 * null, {@code destination} only when the recording follows a named template destination (the get example
 * has none), {@code recording_assets} null until there are some. The list leaves {@code recording_assets} out.
 */
@JsonPropertyOrder({"id", "room_id", "session_id", "status", "created_at", "started_at", "updated_at", "stopped_at",
        "meeting_url", "destination", "started_by", "stopped_by", "asset_types", "recording_assets"})
record Recording(
        String id,
        String roomId,
        String sessionId,
        String status,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant stoppedAt,
        String meetingUrl,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String destination,
        String startedBy,
        String stoppedBy,
        List<String> assetTypes,
        List<Item> recordingAssets) {

    /** An asset inside a recording, with the keys the get example shows (no job, room or session ids). */
    @JsonPropertyOrder({"id", "thumbnails", "metadata", "duration", "path", "status", "created_at", "type", "size"})
    record Item(String id, List<String> thumbnails, Map<String, Object> metadata, int duration, String path,
                String status, Instant createdAt, String type, long size) {
        static Item of(Asset a) {
            return new Item(a.id(), a.thumbnails(), a.metadata(), a.duration(), a.path(), a.status(), a.createdAt(),
                    a.type(), a.size());
        }
    }

    /** {@code assets}: null while the recording has none (also for answers that never carry them). */
    static Recording of(MediaJob job, List<Asset> assets) {
        RecordingSpec spec = RecordingSpec.of(job.spec());
        return new Recording(job.id(), job.roomId(), job.sessionId(), job.status(), job.createdAt(), job.startedAt(),
                job.updatedAt(), job.stoppedAt(), job.meetingUrl(), job.destination(), job.startedBy(), job.stoppedBy(),
                spec.assetTypes(), assets == null || assets.isEmpty() ? null : assets.stream().map(Item::of).toList());
    }

    /** As the list shows it: without {@code recording_assets} (spec §8.6). */
    ObjectNode listed() {
        ObjectNode node = Json.MAPPER.valueToTree(this);
        node.remove("recording_assets");
        return node;
    }
}
