package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of beam.started.success, beam.stopped.success, beam.recording.success, beam.failure (recordings and RTMP streams) (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record BeamEventData(String beamId,
                            String jobId,
                            Boolean recordingEnabled,
                            String roomId,
                            String peerId,
                            String sessionId,
                            String metadataId,
                            String templateId,
                            Instant metadataTimestamp,
                            Long startDelay,
                            String stateName,
                            Instant stateTimestamp,
                            Integer maxWidth,
                            Integer maxHeight,
                            String meetingUrl,
                            List<Rtmp> rtmp,
                            Instant sessionStartedAt,
                            Long duration,
                            String reason,
                            Instant createdAt,
                            Instant startedAt,
                            Instant stoppedAt,
                            String recordingId,
                            String recordingPath,
                            /* deprecated: the storage location; prefer recordingPath */ String location,
                            String recordingPresignedUrl,
                            String chatRecordingPath,
                            String chatRecordingPresignedUrl,
                            Long size,
                            Integer errorCode,
                            String errorMessage,
                            String errorType,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** One RTMP destination of an external stream. */
    public record Rtmp(String url,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
