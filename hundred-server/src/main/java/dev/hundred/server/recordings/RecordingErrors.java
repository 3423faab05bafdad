package dev.hundred.server.recordings;

import dev.hundred.server.http.ApiError;

/**
 * Every message the recordings API and its emulator controls answer. The job state machine's own ones
 * (403 Room is disabled, 400 "recording already running", "recording is stopping, not running") come from
 * {@code jobs/JobErrors}; the body's come through {@link ApiError#badBody} with the field named.
 */
final class RecordingErrors {
    private RecordingErrors() {}

    static ApiError notFound() {
        return ApiError.notFound("Recording not found");
    }

    /** Stop-all, pause or resume in a room where no recording is starting or running. */
    static ApiError noneRunning(String roomId) {
        return ApiError.notFound("Recording not found", "no recording is running in room " + roomId);
    }

    static ApiError peerNotFound() {
        return ApiError.notFound("Peer not found", "the peer is not connected to the room");
    }

    static ApiError noTranscription() {
        return ApiError.notFound("Transcription not found", "the recording was not transcribed");
    }

    static ApiError transcriptionFinished() {
        return new ApiError(400, "Invalid request", "the transcription has finished");
    }

    static ApiError transcriptionNotStarted() {
        return new ApiError(400, "Invalid request", "the transcription starts once the recording has completed");
    }
}
