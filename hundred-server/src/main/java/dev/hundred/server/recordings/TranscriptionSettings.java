package dev.hundred.server.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import java.time.Duration;

/**
 * The emulator's "transcription" settings section: how long the transcription of a completed recording
 * takes, {@code duration_ratio} of the recording's duration (the docs: about 20 percent) kept within
 * {@code min_seconds} and {@code max_seconds}. The defaults keep tests fast (at most a second); the
 * cloud's figures (20 percent, at least 5 minutes) are {@code {"transcription": {"preset": "cloud"}}} away.
 */
public record TranscriptionSettings(Double durationRatio, Double minSeconds, Double maxSeconds) {
    public static final String SECTION = "transcription";
    public static final TranscriptionSettings DEFAULTS = new TranscriptionSettings(0.2, 0.0, 1.0);
    public static final TranscriptionSettings CLOUD = new TranscriptionSettings(0.2, 300.0, 24.0 * 3600);
    static final double MAX_SECONDS = 24 * 3600;
    static final double MAX_RATIO = 10;

    /** How long transcribing a recording of {@code recorded} takes. */
    Duration delay(Duration recorded) {
        double seconds = recorded.toNanos() / 1e9 * durationRatio;
        seconds = Math.max(minSeconds, Math.min(maxSeconds, seconds));
        return Duration.ofNanos(Math.round(seconds * 1_000_000) * 1000);
    }

    /** {@code preset}: {@code cloud} or {@code fast} (the defaults) sets every field; given fields still win. */
    static ObjectNode expand(ObjectNode posted) {
        if (!posted.has("preset")) {
            return posted;
        }
        TranscriptionSettings base = switch (posted.path("preset").asText()) {
            case "cloud" -> CLOUD;
            case "fast" -> DEFAULTS;
            default -> throw ApiError.badBody(SECTION + ".preset must be cloud or fast");
        };
        posted.remove("preset");
        ObjectNode out = Json.MAPPER.valueToTree(base);
        out.setAll(posted);
        return out;
    }

    static TranscriptionSettings check(TranscriptionSettings s) {
        if (s.durationRatio == null || !(s.durationRatio >= 0) || s.durationRatio > MAX_RATIO) {
            throw ApiError.badBody(SECTION + ".duration_ratio must be a number from 0 to " + (int) MAX_RATIO);
        }
        seconds("min_seconds", s.minSeconds);
        seconds("max_seconds", s.maxSeconds);
        if (s.minSeconds > s.maxSeconds) {
            throw ApiError.badBody(SECTION + ".min_seconds must not be more than max_seconds");
        }
        return s;
    }

    private static void seconds(String field, Double value) {
        if (value == null || !(value >= 0) || value > MAX_SECONDS) {
            throw ApiError.badBody(SECTION + "." + field + " must be a number of seconds from 0 to " + (long) MAX_SECONDS);
        }
    }
}
