package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HLS live stream job (spec §10.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record LiveStream(String id,
                         String roomId,
                         String sessionId,
                         String status,
                         String meetingUrl,
                         Playback playback,
                         LiveStreamRecording recording,
                         String destination,
                         List<RecordingAsset> recordingAssets,
                         Instant createdAt,
                         Instant startedAt,
                         Instant updatedAt,
                         String startedBy,
                         Instant stoppedAt,
                         String stoppedBy,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
