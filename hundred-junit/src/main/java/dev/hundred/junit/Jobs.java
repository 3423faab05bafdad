package dev.hundred.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.client.net.Requester;
import java.util.Map;

/**
 * Media jobs (recordings, live and external streams): {@code starting -> running -> stopping ->
 * post_processing -> completed}, moved on by hand here or by time ({@link ServerClock}).
 */
public final class Jobs {
    private final Requester api;

    Jobs(Requester api) {
        this.api = api;
    }

    /** The job as the emulator sees it: kind, status, paused, stop_reason, error_type, times. */
    public JsonNode retrieve(String jobId) {
        return api.tree("GET", "/jobs/" + jobId, null, null);
    }

    /** The next state now (a running job starts stopping, reason client request). */
    public JsonNode advance(String jobId) {
        return api.tree("POST", "/jobs/" + jobId + "/advance", null, null);
    }

    /** Advances until the job is {@code completed} (at most five steps). */
    public JsonNode complete(String jobId) {
        JsonNode job = retrieve(jobId);
        for (int i = 0; i < 5 && !job.path("status").asText().equals("completed"); i++) {
            job = advance(jobId);
        }
        return retrieve(jobId);
    }

    /** Fails the job ({@code errorType} INTERNAL_ERROR, MAX_RETRIES_REACHED, UPLOAD_ERROR or BEAM_STOPPED). */
    public JsonNode fail(String jobId, String errorType, String errorMessage) {
        return api.tree("POST", "/jobs/" + jobId + "/fail", null,
                Map.of("error_type", errorType, "error_message", errorMessage));
    }

    /** Phase delays in seconds ({@code start_delay_seconds}, ...; or {@code preset}: fast or cloud). */
    public JsonNode settings(Map<String, Object> jobs) {
        return api.tree("POST", "/settings", null, Map.of("jobs", jobs));
    }
}
