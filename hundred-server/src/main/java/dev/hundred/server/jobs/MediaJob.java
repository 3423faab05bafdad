package dev.hundred.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recording, live stream or external stream: one state machine (spec §8.1, §10.1, §11.1)
 * {@code starting -> running -> stopping -> post_processing -> completed}, or {@code failed} from any of
 * them. {@code spec} holds the kind's own start parameters (resolution, rtmp_urls, ...), defaults filled;
 * the recorder ("beam") is the peer {@code beamPeerId} of the room while the job runs. Pausing keeps the
 * status {@code running} (as the docs' example shows) and leaves the paused time out of the duration.
 */
public record MediaJob(
        String id,
        String workspaceId,
        String kind,
        String roomId,
        String sessionId,
        String status,
        String destination,
        String meetingUrl,
        ObjectNode spec,
        String beamPeerId,
        String metadataId,
        String startedBy,
        String stoppedBy,
        String stopReason,
        String errorType,
        String errorMessage,
        Instant pausedAt,
        long pausedMicros,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant stoppedAt,
        Instant completedAt) {

    public static final String STARTING = "starting";
    public static final String RUNNING = "running";
    public static final String STOPPING = "stopping";
    public static final String POST_PROCESSING = "post_processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** In the order a job goes through them (and error messages list them). */
    public static final List<String> STATUSES = List.of(STARTING, RUNNING, STOPPING, POST_PROCESSING, COMPLETED, FAILED);

    /** Still recording or about to: what "already running" and auto-stop are about. */
    public boolean live() {
        return status.equals(STARTING) || status.equals(RUNNING);
    }

    public boolean finished() {
        return status.equals(COMPLETED) || status.equals(FAILED);
    }

    public boolean paused() {
        return pausedAt != null;
    }

    /** Recorded time: from start to stop (or {@code now}), less the time spent paused. */
    public Duration recorded(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Instant end = stoppedAt != null ? stoppedAt : now;
        Duration paused = Duration.ofNanos(pausedMicros * 1000);
        if (pausedAt != null) {
            paused = paused.plus(Duration.between(pausedAt, end));
        }
        Duration recorded = Duration.between(startedAt, end).minus(paused);
        return recorded.isNegative() ? Duration.ZERO : recorded;
    }
}
