package dev.hundred.server.livestreams;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hundred.server.assets.Asset;
import dev.hundred.server.jobs.MediaJob;
import java.time.Instant;
import java.util.List;

/**
 * A live stream exactly as 100ms shows it (spec §10.1). Keys in the order of the get, list and stop
 * examples (the start example orders a few differently; the keys are the same). {@code recording_assets} is
 * null until the stream's recording is done, then its assets.
 */
@JsonPropertyOrder({"id", "room_id", "session_id", "status", "destination", "playback", "meeting_url", "recording",
        "created_at", "started_at", "updated_at", "stopped_at", "started_by", "stopped_by", "recording_assets"})
record LiveStream(
        String id,
        String roomId,
        String sessionId,
        String status,
        String destination,
        Playback playback,
        String meetingUrl,
        Recording recording,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant stoppedAt,
        String startedBy,
        String stoppedBy,
        List<Asset> recordingAssets) {

    record Playback(String url) {}

    record Recording(boolean hlsVod, boolean singleFilePerLayer) {}

    static LiveStream of(MediaJob job, LiveStreamSpec spec, String playbackUrl, List<Asset> assets) {
        return new LiveStream(job.id(), job.roomId(), job.sessionId(), job.status(), job.destination(),
                new Playback(playbackUrl), job.meetingUrl(), new Recording(spec.hlsVod(), spec.singleFilePerLayer()),
                job.createdAt(), job.startedAt(), job.updatedAt(), job.stoppedAt(), job.startedBy(), job.stoppedBy(),
                assets == null || assets.isEmpty() ? null : assets);
    }
}
