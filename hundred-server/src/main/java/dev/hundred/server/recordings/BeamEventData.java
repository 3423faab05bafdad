package dev.hundred.server.recordings;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.jobs.JobChanged;
import dev.hundred.server.jobs.JobService;
import dev.hundred.server.jobs.MediaJob;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of a recording's beam webhooks, with every field spec §17.4 (and the docs' tables in
 * webhook.md) lists, in that order. The beam is the recorder: {@code peer_id} is its peer, {@code beam_id}
 * and {@code job_id} the recording's id; a recording has no RTMP outputs ({@code rtmp: []}).
 */
final class BeamEventData {
    static final String STARTED = "beam.started.success";
    static final String STOPPED = "beam.stopped.success";
    static final String RECORDED = "beam.recording.success";
    static final String FAILURE = "beam.failure";
    /** Deprecated in the docs but still sent: always 1. */
    static final int ERROR_CODE = 1;

    private BeamEventData() {}

    static Map<String, Object> started(JobChanged e, RecordingSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> data = head(e);
        data.put("session_id", job.sessionId());
        data.put("metadata_id", job.metadataId());
        data.put("template_id", e.room().templateId());
        data.put("metadata_timestamp", e.at());
        data.put("start_delay", seconds(Duration.between(job.createdAt(), job.startedAt())));
        data.put("state_name", "Started");
        data.put("state_timestamp", job.startedAt());
        tail(data, e, spec);
        return data;
    }

    static Map<String, Object> stopped(JobChanged e, RecordingSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> data = head(e);
        data.put("session_id", job.sessionId());
        data.put("metadata_id", job.metadataId());
        data.put("template_id", e.room().templateId());
        data.put("metadata_timestamp", e.at());
        data.put("state_name", "Stopped");
        data.put("state_timestamp", job.stoppedAt() != null ? job.stoppedAt() : e.at());
        data.put("duration", seconds(job.recorded(e.at())));
        tail(data, e, spec);
        data.put("reason", job.stopReason());
        return data;
    }

    /** On completion: the {@code composite} and {@code chat} assets with their presigned links. */
    static Map<String, Object> recorded(JobChanged e, RecordingSpec spec, Asset composite, String compositeUrl,
                                        Asset chat, String chatUrl) {
        MediaJob job = e.job();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("beam_id", job.id());
        data.put("room_id", job.roomId());
        data.put("peer_id", job.beamPeerId());
        data.put("metadata_id", job.metadataId());
        data.put("metadata_timestamp", e.at());
        data.put("session_id", job.sessionId());
        data.put("template_id", e.room().templateId());
        data.put("created_at", composite.createdAt());
        data.put("duration", composite.duration());
        data.put("location", compositeUrl);
        data.put("started_at", job.startedAt());
        data.put("stopped_at", job.stoppedAt());
        data.put("max_width", spec.width());
        data.put("max_height", spec.height());
        data.put("recording_id", job.id());
        data.put("recording_path", composite.path());
        data.put("recording_presigned_url", compositeUrl);
        data.put("chat_recording_path", chat.path());
        data.put("chat_recording_presigned_url", chatUrl);
        data.put("meeting_url", job.meetingUrl());
        data.put("rtmp", List.of());
        data.put("session_started_at", e.sessionStartedAt());
        data.put("size", composite.size());
        return data;
    }

    static Map<String, Object> failure(JobChanged e, RecordingSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> data = head(e);
        data.put("session_id", job.sessionId());
        data.put("template_id", e.room().templateId());
        data.put("error_code", ERROR_CODE);
        data.put("error_message", errorMessage(job));
        data.put("error_type", job.errorType());
        data.put("metadata_id", job.metadataId());
        data.put("metadata_timestamp", e.at());
        data.put("state_name", "Failed");
        data.put("state_timestamp", e.at());
        data.put("duration", seconds(job.recorded(e.at())));
        tail(data, e, spec);
        return data;
    }

    /**
     * The message the job failed with; the docs' text for its type (webhook.md, beam.failure error types)
     * when none was given (the emulator's fail without a message, the state machine's early stop).
     */
    static String errorMessage(MediaJob job) {
        String type = job.errorType() == null ? "INTERNAL_ERROR" : job.errorType();
        String given = job.errorMessage();
        boolean own = given == null || given.isEmpty() || given.equals(type)
                || type.equals(JobService.BEAM_STOPPED) && given.equals("stopped before it started");
        if (!own) {
            return given;
        }
        return switch (type) {
            case "MAX_RETRIES_REACHED" -> "Beam couldn't connect to Meeting URL after 3 retries. Check if meeting URL is correct.";
            case "UPLOAD_ERROR" -> "Failed to upload recordings. Check if upload config is correct.";
            case JobService.BEAM_STOPPED -> "Beam stopped too early";
            default -> "Internal error";
        };
    }

    /** A recording always records ({@code recording_enabled}); an RTMP stream would say whether it does too. */
    private static Map<String, Object> head(JobChanged e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("beam_id", e.job().id());
        data.put("job_id", e.job().id());
        data.put("recording_enabled", true);
        data.put("room_id", e.job().roomId());
        data.put("peer_id", e.job().beamPeerId());
        return data;
    }

    private static void tail(Map<String, Object> data, JobChanged e, RecordingSpec spec) {
        data.put("max_width", spec.width());
        data.put("max_height", spec.height());
        data.put("meeting_url", e.job().meetingUrl());
        data.put("rtmp", List.of());
        data.put("session_started_at", e.sessionStartedAt());
    }

    static int seconds(Duration d) {
        return (int) d.toSeconds();
    }
}
