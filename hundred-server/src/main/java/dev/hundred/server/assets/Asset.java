package dev.hundred.server.assets;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recording asset exactly as 100ms shows it (spec §9.1): {@code thumbnails} is null unless there are
 * some, {@code metadata} depends on the type ({@code resolution}, {@code output_mode}, {@code num_layers},
 * ...), {@code duration} in seconds, {@code size} in bytes.
 */
@JsonPropertyOrder({"id", "job_id", "room_id", "session_id", "type", "path", "status", "size", "duration",
        "created_at", "thumbnails", "metadata"})
public record Asset(
        String id,
        String jobId,
        String roomId,
        String sessionId,
        String type,
        String path,
        String status,
        long size,
        int duration,
        Instant createdAt,
        List<String> thumbnails,
        Map<String, Object> metadata) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** A transcript or summary still being made (spec §8.2: available in this state right after the recording). */
    public static final String PROCESSING = "processing";
}
