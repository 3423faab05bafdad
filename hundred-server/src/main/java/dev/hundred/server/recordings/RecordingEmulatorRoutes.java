package dev.hundred.server.recordings;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The emulator's controls for recordings (docs/recordings.md); the job's own phases are
 * {@code /emulator/v1/jobs/{id}/advance|fail} (jobs/JobRoutes).
 * <pre>
 * POST /emulator/v1/rooms/{room_id}/peers/{peer_id}/speech              a speaking turn  -d '{"text":"Hello all","duration_seconds":4}'
 * POST /emulator/v1/recordings/{recording_id}/transcription/advance     the transcription succeeds now
 * POST /emulator/v1/recordings/{recording_id}/transcription/fail        the transcription fails now
 * </pre>
 */
final class RecordingEmulatorRoutes implements Routes {
    private final SpeechService speech;
    private final Transcriptions transcriptions;
    private final RecordingService recordings;

    RecordingEmulatorRoutes(SpeechService speech, Transcriptions transcriptions, RecordingService recordings) {
        this.speech = speech;
        this.transcriptions = transcriptions;
        this.recordings = recordings;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/emulator/v1/rooms/{room_id}/peers/{peer_id}/speech", this::speak);
        routes.post("/emulator/v1/recordings/{recording_id}/transcription/advance", ctx -> end(ctx, true));
        routes.post("/emulator/v1/recordings/{recording_id}/transcription/fail", ctx -> end(ctx, false));
    }

    private void speak(Context ctx) {
        SpeechService.Body body = Json.readBody(ctx.bodyAsBytes(), SpeechService.Body.class);
        ctx.json(speech.speak(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id"), body));
    }

    /** Answers the recording, with its assets as they are now. */
    private void end(Context ctx, boolean succeeded) {
        String id = ctx.pathParam("recording_id");
        transcriptions.end(AuthFilter.workspace(ctx), id, succeeded);
        ctx.json(recordings.retrieve(AuthFilter.workspace(ctx), id));
    }
}
