package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of transcription.started.success, transcription.success, transcription.failure (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record TranscriptionEventData(String accountId,
                                     String appId,
                                     String recordingId,
                                     String roomId,
                                     String roomName,
                                     String sessionId,
                                     String metadataId,
                                     String transcriptionId,
                                     Instant metadataTimestamp,
                                     Long duration,
                                     String summaryJsonAssetId,
                                     String transcriptJsonAssetId,
                                     String transcriptSrtAssetId,
                                     String transcriptTxtAssetId,
                                     String summaryJsonPath,
                                     String summaryJsonPresignedUrl,
                                     String transcriptJsonPath,
                                     String transcriptJsonPresignedUrl,
                                     String transcriptSrtPath,
                                     String transcriptSrtPresignedUrl,
                                     String transcriptTxtPath,
                                     String transcriptTxtPresignedUrl,
                                     @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
