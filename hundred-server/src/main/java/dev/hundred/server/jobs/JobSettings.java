package dev.hundred.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.ApiError;
import java.time.Duration;

/**
 * The emulator's "jobs" settings section: how long each phase of an emulated job takes, and how long a
 * recording or stream goes on once the last person left. Defaults make tests fast; the cloud's own
 * figures are {@code {"jobs": {"preset": "cloud"}}} away.
 */
public record JobSettings(Double startDelaySeconds, Double stopDelaySeconds, Double postProcessingSeconds,
                          Double lastPeerTimeoutSeconds) {
    public static final String SECTION = "jobs";
    public static final JobSettings DEFAULTS = new JobSettings(0.2, 0.2, 0.3, 300.0);
    /** About what the cloud takes: a recorder joins in ~10 s, stops in ~5 s, uploads for ~30 s; 5 min alone. */
    public static final JobSettings CLOUD = new JobSettings(10.0, 5.0, 30.0, 300.0);
    static final double MAX_SECONDS = 24 * 3600;

    Duration startDelay() {
        return seconds(startDelaySeconds);
    }

    Duration stopDelay() {
        return seconds(stopDelaySeconds);
    }

    Duration postProcessing() {
        return seconds(postProcessingSeconds);
    }

    Duration lastPeerTimeout() {
        return seconds(lastPeerTimeoutSeconds);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1_000_000) * 1000);
    }

    /** {@code preset}: {@code cloud} or {@code fast} (the defaults) sets every field; given fields still win. */
    static ObjectNode expand(ObjectNode posted) {
        if (!posted.has("preset")) {
            return posted;
        }
        String preset = posted.path("preset").asText();
        JobSettings base = switch (preset) {
            case "cloud" -> CLOUD;
            case "fast" -> DEFAULTS;
            default -> throw ApiError.badBody("jobs.preset must be cloud or fast");
        };
        posted.remove("preset");
        ObjectNode out = dev.hundred.server.http.Json.MAPPER.valueToTree(base);
        out.setAll(posted);
        return out;
    }

    static JobSettings check(JobSettings s) {
        check("start_delay_seconds", s.startDelaySeconds);
        check("stop_delay_seconds", s.stopDelaySeconds);
        check("post_processing_seconds", s.postProcessingSeconds);
        check("last_peer_timeout_seconds", s.lastPeerTimeoutSeconds);
        return s;
    }

    private static void check(String field, Double value) {
        if (value == null || !(value >= 0) || value > MAX_SECONDS) {
            throw ApiError.badBody("jobs." + field + " must be a number of seconds from 0 to " + (long) MAX_SECONDS);
        }
    }
}
