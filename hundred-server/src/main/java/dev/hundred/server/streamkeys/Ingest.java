package dev.hundred.server.streamkeys;

import java.time.Instant;

/**
 * One RTMP connection on a stream key: {@code live} while the broadcaster streams (its peer is in the room),
 * then {@code ended} (with the ingest.end.success reason) or {@code failed} (with the error message).
 */
public record Ingest(
        String id,
        String workspaceId,
        String roomId,
        String streamKeyId,
        String streamId,
        String peerId,
        String status,
        String endReason,
        String errorMessage,
        Instant startedAt,
        Instant lastDisconnectedAt,
        Instant completedAt) {

    public static final String LIVE = "live";
    public static final String ENDED = "ended";
    public static final String FAILED = "failed";

    Ingest finished(String newStatus, String reason, String error, Instant at) {
        return new Ingest(id, workspaceId, roomId, streamKeyId, streamId, peerId, newStatus, reason, error, startedAt,
                at, at);
    }
}
