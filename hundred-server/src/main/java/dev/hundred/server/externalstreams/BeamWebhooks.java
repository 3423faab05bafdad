package dev.hundred.server.externalstreams;

import dev.hundred.server.assets.Asset;
import dev.hundred.server.jobs.JobChanged;
import dev.hundred.server.jobs.MediaJob;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of the beam webhooks an external stream sends (spec §17.4, §17.6; webhook.md "RTMP
 * Streaming & Browser Recording Events"), keys in the order of the docs' attribute tables. {@code rtmp} lists
 * the URLs as they were given, stream keys included, as the docs' examples show them. One recorder per job:
 * {@code beam_id}, {@code job_id} and {@code recording_id} are the stream's id, {@code peer_id} its recorder.
 */
final class BeamWebhooks {
    static final String STARTED = "beam.started.success";
    static final String STOPPED = "beam.stopped.success";
    static final String RECORDING = "beam.recording.success";
    static final String FAILURE = "beam.failure";
    static final int ERROR_CODE = 1;

    private BeamWebhooks() {}

    static Map<String, Object> started(JobChanged e, ExternalStreamSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> d = head(e, spec);
        d.put("metadata_id", job.metadataId());
        d.put("template_id", e.room().templateId());
        d.put("metadata_timestamp", e.at());
        d.put("start_delay", seconds(job.createdAt(), job.startedAt()));
        d.put("state_name", "Started");
        d.put("state_timestamp", e.at());
        tail(d, job, spec, e);
        return d;
    }

    static Map<String, Object> stopped(JobChanged e, ExternalStreamSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> d = head(e, spec);
        d.put("metadata_id", job.metadataId());
        d.put("template_id", e.room().templateId());
        d.put("metadata_timestamp", e.at());
        d.put("state_name", "Stopped");
        d.put("state_timestamp", e.at());
        d.put("duration", seconds(job.startedAt(), job.stoppedAt()));
        tail(d, job, spec, e);
        d.put("reason", job.stopReason());
        return d;
    }

    static Map<String, Object> failure(JobChanged e, ExternalStreamSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> d = head(e, spec);
        d.put("template_id", e.room().templateId());
        d.put("error_code", ERROR_CODE);
        d.put("error_message", job.errorMessage());
        d.put("error_type", job.errorType());
        d.put("metadata_id", job.metadataId());
        d.put("metadata_timestamp", e.at());
        d.put("state_name", "Failed");
        d.put("state_timestamp", e.at());
        d.put("duration", seconds(job.startedAt(), job.stoppedAt()));
        tail(d, job, spec, e);
        return d;
    }

    static Map<String, Object> recording(JobChanged e, ExternalStreamSpec spec, Asset asset, String url, Asset chat,
                                         String chatUrl) {
        MediaJob job = e.job();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("beam_id", job.id());
        d.put("room_id", job.roomId());
        d.put("peer_id", job.beamPeerId());
        d.put("metadata_id", job.metadataId());
        d.put("metadata_timestamp", e.at());
        d.put("session_id", job.sessionId());
        d.put("template_id", e.room().templateId());
        d.put("created_at", asset.createdAt());
        d.put("duration", asset.duration());
        d.put("location", url);
        d.put("started_at", job.startedAt());
        d.put("stopped_at", job.stoppedAt());
        d.put("max_width", spec.width());
        d.put("max_height", spec.height());
        d.put("recording_id", job.id());
        d.put("recording_path", asset.path());
        d.put("recording_presigned_url", url);
        d.put("chat_recording_path", chat.path());
        d.put("chat_recording_presigned_url", chatUrl);
        d.put("meeting_url", job.meetingUrl());
        d.put("rtmp", rtmp(spec));
        d.put("session_started_at", e.sessionStartedAt());
        d.put("size", asset.size());
        return d;
    }

    /** beam_id .. session_id: the first keys of started, stopped and failure alike. */
    private static Map<String, Object> head(JobChanged e, ExternalStreamSpec spec) {
        MediaJob job = e.job();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("beam_id", job.id());
        d.put("job_id", job.id());
        d.put("recording_enabled", spec.recording());
        d.put("room_id", job.roomId());
        d.put("peer_id", job.beamPeerId());
        d.put("session_id", job.sessionId());
        return d;
    }

    /** max_width .. session_started_at: the last keys of started, stopped and failure alike. */
    private static void tail(Map<String, Object> d, MediaJob job, ExternalStreamSpec spec, JobChanged e) {
        d.put("max_width", spec.width());
        d.put("max_height", spec.height());
        d.put("meeting_url", job.meetingUrl());
        d.put("rtmp", rtmp(spec));
        d.put("session_started_at", e.sessionStartedAt());
    }

    static List<Map<String, Object>> rtmp(ExternalStreamSpec spec) {
        return spec.rtmpUrls().stream().map(url -> Map.<String, Object>of("url", url)).toList();
    }

    static long seconds(Instant from, Instant to) {
        return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
    }
}
