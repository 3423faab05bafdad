package dev.hundred.server.recordings;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Routes;
import dev.hundred.server.jobs.JobFilter;
import dev.hundred.server.jobs.JobQuery;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * Recordings over HTTP (spec §8). Pause and resume answer on both paths the docs show (the pause page
 * writes {@code /v2/recordings/{room_id}/pause}, the resume page {@code /v2/recordings/room/{room_id}/resume}).
 * <pre>
 * POST /v2/recordings/room/{room_id}/start    start     curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/recordings/room/$ROOM/start -d '{"resolution":{"width":1280,"height":720}}'
 * POST /v2/recordings/room/{room_id}/stop     stop all  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/recordings/room/$ROOM/stop
 * POST /v2/recordings/room/{room_id}/pause    pause     (also /v2/recordings/{room_id}/pause)
 * POST /v2/recordings/room/{room_id}/resume   resume    (also /v2/recordings/{room_id}/resume)
 * POST /v2/recordings/{recording_id}/stop     stop one  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/recordings/$REC/stop
 * GET  /v2/recordings/{recording_id}          retrieve  curl -H "Authorization: Bearer $T" localhost:8080/v2/recordings/$REC
 * GET  /v2/recordings                         list      curl -H "Authorization: Bearer $T" 'localhost:8080/v2/recordings?room_id=$ROOM&amp;status=completed'
 * </pre>
 */
public final class RecordingRoutes implements Routes {
    private final RecordingService recordings;

    public RecordingRoutes(RecordingService recordings) {
        this.recordings = recordings;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/recordings/room/{room_id}/start", this::start);
        routes.post("/v2/recordings/room/{room_id}/stop", this::stopAll);
        routes.post("/v2/recordings/room/{room_id}/pause", this::pause);
        routes.post("/v2/recordings/room/{room_id}/resume", this::resume);
        routes.post("/v2/recordings/{room_id}/pause", this::pause);
        routes.post("/v2/recordings/{room_id}/resume", this::resume);
        routes.post("/v2/recordings/{recording_id}/stop", this::stop);
        routes.get("/v2/recordings/{recording_id}", this::retrieve);
        routes.get("/v2/recordings", this::list);
    }

    private void start(Context ctx) {
        StartBody body = Json.readBody(ctx.bodyAsBytes(), StartBody.class);
        ctx.json(recordings.start(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), body));
    }

    /** The stopped recordings in the list envelope; {@code limit} is how many there are, as the docs' example shows. */
    private void stopAll(Context ctx) {
        List<Recording> stopped = recordings.stopAll(AuthFilter.workspace(ctx), ctx.pathParam("room_id"));
        ctx.json(Page.of(stopped.size(), stopped, Recording::id));
    }

    private void pause(Context ctx) {
        ctx.json(recordings.pause(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    private void resume(Context ctx) {
        ctx.json(recordings.resume(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    private void stop(Context ctx) {
        ctx.json(recordings.stop(AuthFilter.workspace(ctx), ctx.pathParam("recording_id")));
    }

    private void retrieve(Context ctx) {
        ctx.json(recordings.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("recording_id")));
    }

    private void list(Context ctx) {
        JobFilter filter = JobQuery.read(ctx, RecordingService.KIND);
        List<Recording> page = recordings.list(AuthFilter.workspace(ctx), filter);
        ctx.json(Page.of(filter.limit(), page.stream().map(Recording::listed).toList(), node -> node.path("id").asText()));
    }
}
