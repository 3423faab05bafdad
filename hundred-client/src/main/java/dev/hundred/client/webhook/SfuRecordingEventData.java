package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of recording.success, recording.failed (the legacy SFU recording) (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record SfuRecordingEventData(String roomId,
                                    String roomName,
                                    String sessionId,
                                    String templateId,
                                    Long duration,
                                    String recordingPath,
                                    String recordingPresignedUrl,
                                    String chatRecordingPath,
                                    String chatRecordingPresignedUrl,
                                    Long size,
                                    String error,
                                    String errorType,
                                    Instant sessionStartedAt,
                                    Instant sessionStoppedAt,
                                    /* deprecated: the storage location; prefer recordingPath */ String location,
                                    /* deprecated: the file's URL; prefer recordingPresignedUrl */ @JsonProperty("URL") String url,
                                    @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
