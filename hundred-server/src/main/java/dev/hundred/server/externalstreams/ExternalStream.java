package dev.hundred.server.externalstreams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hundred.server.assets.Asset;
import dev.hundred.server.jobs.MediaJob;
import java.time.Instant;
import java.util.List;

/**
 * An external stream exactly as 100ms shows it (spec §11.1), keys in the order of every example:
 * {@code recording} is a bool here (unlike live streams), {@code recording_assets} null until the
 * recording is done.
 */
@JsonPropertyOrder({"id", "room_id", "session_id", "status", "destination", "rtmp_urls", "meeting_url", "recording",
        "resolution", "created_at", "started_at", "stopped_at", "updated_at", "started_by", "stopped_by",
        "recording_assets"})
record ExternalStream(
        String id,
        String roomId,
        String sessionId,
        String status,
        String destination,
        List<String> rtmpUrls,
        String meetingUrl,
        boolean recording,
        Resolution resolution,
        Instant createdAt,
        Instant startedAt,
        Instant stoppedAt,
        Instant updatedAt,
        String startedBy,
        String stoppedBy,
        List<Asset> recordingAssets) {

    record Resolution(int width, int height) {}

    static ExternalStream of(MediaJob job, ExternalStreamSpec spec, List<Asset> assets) {
        return new ExternalStream(job.id(), job.roomId(), job.sessionId(), job.status(), job.destination(),
                spec.rtmpUrls(), job.meetingUrl(), spec.recording(), new Resolution(spec.width(), spec.height()),
                job.createdAt(), job.startedAt(), job.stoppedAt(), job.updatedAt(), job.startedBy(), job.stoppedBy(),
                assets == null || assets.isEmpty() ? null : assets);
    }
}
