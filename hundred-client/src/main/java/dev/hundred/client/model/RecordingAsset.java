package dev.hundred.client.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A file a recording or stream made (spec §9.1).
 * Fields the API sends that this record does not name are kept in {@code extra()}; a field the answer
 * left out is null.
 */
public record RecordingAsset(String id,
                             String jobId,
                             String roomId,
                             String sessionId,
                             String type,
                             String path,
                             String status,
                             Long size,
                             Long duration,
                             Instant createdAt,
                             List<String> thumbnails,
                             Map<String, Object> metadata,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
