package dev.hundred.server.livestreams;

import dev.hundred.server.jobs.JobChanged;
import dev.hundred.server.jobs.MediaJob;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of the HLS webhooks (spec §17.4, webhook.md "HLS Streaming Events"), keys in the order of
 * the docs' attribute tables. Hundred runs one recorder per job, so {@code beam_id}, {@code job_id} and
 * {@code recording_id} are all the stream's id; {@code peer_id} is the recorder's peer.
 */
final class HlsWebhooks {
    static final String STARTED = "hls.started.success";
    static final String STOPPED = "hls.stopped.success";
    static final String RECORDING = "hls.recording.success";
    static final String FAILURE = "hls.failure";
    /** Deprecated and always 1 (webhook.md). */
    static final int ERROR_CODE = 1;

    private HlsWebhooks() {}

    static Map<String, Object> started(JobChanged e, LiveStreamSpec spec, String url) {
        MediaJob job = e.job();
        Map<String, Object> d = head(e, spec);
        d.put("meeting_url", job.meetingUrl());
        d.put("metadata_id", job.metadataId());
        d.put("metadata_timestamp", e.at());
        d.put("start_delay", seconds(job.createdAt(), job.startedAt()));
        d.put("state_name", "HLSStarted");
        d.put("state_timestamp", e.at());
        d.put("max_width", spec.best().width());
        d.put("max_height", spec.best().height());
        d.put("url", url);
        d.put("started_at", job.startedAt());
        d.put("session_started_at", e.sessionStartedAt());
        return d;
    }

    static Map<String, Object> stopped(JobChanged e, LiveStreamSpec spec, String url) {
        MediaJob job = e.job();
        Map<String, Object> d = head(e, spec);
        d.put("max_width", spec.best().width());
        d.put("max_height", spec.best().height());
        d.put("meeting_url", job.meetingUrl());
        d.put("metadata_id", job.metadataId());
        d.put("metadata_timestamp", e.at());
        d.put("state_name", "HLSStopped");
        d.put("state_timestamp", e.at());
        d.put("url", url);
        d.put("duration", seconds(job.startedAt(), job.stoppedAt()));
        d.put("started_at", job.startedAt());
        d.put("stopped_at", job.stoppedAt());
        d.put("session_started_at", e.sessionStartedAt());
        d.put("reason", job.stopReason());
        d.put("live_transcription_enabled", spec.liveTranscription());
        return d;
    }

    static Map<String, Object> failure(JobChanged e, LiveStreamSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> d = head(e, spec);
        d.put("max_width", spec.best().width());
        d.put("max_height", spec.best().height());
        d.put("meeting_url", job.meetingUrl());
        d.put("error_code", ERROR_CODE);
        d.put("error_message", job.errorMessage());
        d.put("error_type", job.errorType());
        d.put("metadata_id", job.metadataId());
        d.put("metadata_timestamp", e.at());
        d.put("state_name", "HLSFailed");
        d.put("state_timestamp", e.at());
        d.put("duration", job.startedAt() == null ? 0 : seconds(job.startedAt(), job.stoppedAt()));
        d.put("session_started_at", e.sessionStartedAt());
        return d;
    }

    /** What the recording left, with links a receiver can download from. */
    record Recorded(String vodPath, String vodUrl, long vodSize, String chatPath, String chatUrl,
                    List<Map<String, Object>> singleFiles, LiveStreamSpec.Layer best, Instant createdAt) {}

    static Map<String, Object> recording(JobChanged e, Duration recorded, Recorded r) {
        MediaJob job = e.job();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("beam_id", job.id());
        d.put("room_id", job.roomId());
        d.put("metadata_id", job.metadataId());
        d.put("metadata_timestamp", e.at());
        d.put("duration", recorded.toSeconds());
        d.put("session_id", job.sessionId());
        d.put("template_id", e.room().templateId());
        d.put("hls_vod_recording_path", r.vodPath());
        d.put("hls_vod_recording_presigned_url", r.vodUrl());
        d.put("chat_recording_path", r.chatPath());
        d.put("chat_recording_presigned_url", r.chatUrl());
        d.put("hls_vod_recording_size", r.vodSize());
        d.put("max_width", r.best().width());
        d.put("max_height", r.best().height());
        d.put("meeting_url", job.meetingUrl());
        d.put("recording_created_at", r.createdAt());
        d.put("started_at", job.startedAt());
        d.put("stopped_at", job.stoppedAt());
        d.put("recording_id", job.id());
        d.put("recording_single_files", r.singleFiles());
        d.put("recording_hls_vod_playlist_location", r.vodUrl());
        d.put("recording_thumbnails", null);
        d.put("session_started_at", e.sessionStartedAt());
        return d;
    }

    /** beam_id .. template_id: the first keys of started, stopped and failure alike. */
    private static Map<String, Object> head(JobChanged e, LiveStreamSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("beam_id", job.id());
        d.put("job_id", job.id());
        d.put("recording_single_file_per_layer_enabled", spec.singleFilePerLayer());
        d.put("recording_vod_playlist_enabled", spec.hlsVod());
        d.put("room_id", job.roomId());
        d.put("peer_id", job.beamPeerId());
        d.put("session_id", job.sessionId());
        d.put("template_id", e.room().templateId());
        return d;
    }

    /** Whole seconds between two instants (0 when either is unknown), as Go's int(d.Seconds()). */
    static long seconds(Instant from, Instant to) {
        return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
    }
}
