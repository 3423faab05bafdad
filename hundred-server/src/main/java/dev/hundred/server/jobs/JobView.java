package dev.hundred.server.jobs;

import java.time.Instant;

/** A job as the emulator's controls show it, whatever its kind (the features show their own objects). */
record JobView(String id, String kind, String roomId, String sessionId, String status, boolean paused, String stopReason,
               String errorType, String errorMessage, Instant createdAt, Instant startedAt, Instant stoppedAt,
               Instant completedAt, Instant updatedAt) {

    static JobView of(MediaJob j) {
        return new JobView(j.id(), j.kind(), j.roomId(), j.sessionId(), j.status(), j.paused(), j.stopReason(),
                j.errorType(), j.errorMessage(), j.createdAt(), j.startedAt(), j.stoppedAt(), j.completedAt(), j.updatedAt());
    }
}
