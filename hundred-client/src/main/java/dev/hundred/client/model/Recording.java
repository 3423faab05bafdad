package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recording job (spec §8.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record Recording(String id,
                        String roomId,
                        String sessionId,
                        String status,
                        String meetingUrl,
                        String destination,
                        List<String> assetTypes,
                        List<RecordingAsset> recordingAssets,
                        Instant createdAt,
                        Instant updatedAt,
                        Instant startedAt,
                        Instant stoppedAt,
                        String startedBy,
                        String stoppedBy,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
