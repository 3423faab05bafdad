package dev.hundred.client.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.Map;

/**
 * The {@code data} of track.recording.started.success, track.recording.success, track.recording.failure (spec §17.4). One record for the family: fields an event of it does not
 * carry are null; fields this record does not name are in {@code extra()}.
 */
public record TrackRecordingEventData(String roomId,
                                      String sessionId,
                                      String peerId,
                                      String streamId,
                                      String trackId,
                                      String trackType,
                                      Long size,
                                      Long duration,
                                      String recordingId,
                                      String recordingPath,
                                      String recordingPresignedUrl,
                                      String errorMessage,
                                      @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
}
