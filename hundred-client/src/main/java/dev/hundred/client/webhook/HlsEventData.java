package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of hls.started.success, hls.stopped.success, hls.failure, hls.recording.success (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record HlsEventData(String beamId,
                           String jobId,
                           Boolean recordingSingleFilePerLayerEnabled,
                           Boolean recordingVodPlaylistEnabled,
                           String roomId,
                           String peerId,
                           String sessionId,
                           String templateId,
                           String meetingUrl,
                           String metadataId,
                           Instant metadataTimestamp,
                           Long startDelay,
                           String stateName,
                           Instant stateTimestamp,
                           Integer maxWidth,
                           Integer maxHeight,
                           String url,
                           Instant startedAt,
                           Instant stoppedAt,
                           Long duration,
                           String reason,
                           Boolean liveTranscriptionEnabled,
                           Integer errorCode,
                           String errorMessage,
                           String errorType,
                           Instant sessionStartedAt,
                           String hlsVodRecordingPath,
                           /* deprecated: the VOD playlist's location; prefer hlsVodRecordingPath */ String recordingHlsVodPlaylistLocation,
                           String hlsVodRecordingPresignedUrl,
                           Long hlsVodRecordingSize,
                           String chatRecordingPath,
                           String chatRecordingPresignedUrl,
                           Instant recordingCreatedAt,
                           String recordingId,
                           List<SingleFile> recordingSingleFiles,
                           List<Thumbnail> recordingThumbnails,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    /** One layer of the recording as a file of its own ({@code layer} "0" is the best). */
    public record SingleFile(String assetId,
                             String layer,
                             String recordingPath,
                             String recordingPresignedUrl,
                             Long size,
                             Integer width,
                             Integer height,
                             @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }

    /** A thumbnail taken {@code offset} seconds in. */
    public record Thumbnail(Integer width,
                            Integer height,
                            Integer offset,
                            String location,
                            String url,
                            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
    }
}
