package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An RTMP-out stream job (spec §11.1); {@code recording} is a boolean here.
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record ExternalStream(String id,
                             String roomId,
                             String sessionId,
                             String status,
                             String destination,
                             List<String> rtmpUrls,
                             String meetingUrl,
                             Boolean recording,
                             Resolution resolution,
                             Instant createdAt,
                             Instant startedAt,
                             Instant stoppedAt,
                             Instant updatedAt,
                             String startedBy,
                             String stoppedBy,
                             List<RecordingAsset> recordingAssets,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
