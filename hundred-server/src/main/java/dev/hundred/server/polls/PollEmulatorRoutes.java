package dev.hundred.server.polls;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The emulator's poll controls (Hundred's extension, docs/polls.md): start and stop a poll in a room's live
 * session, and answer for any connected peer (no permission needed). Management token required.
 * <pre>
 * POST /emulator/v1/rooms/{room_id}/polls/{poll_id}/start            -> the run, as /v2/polls/{id}/sessions lists it
 * POST /emulator/v1/rooms/{room_id}/polls/{poll_id}/stop             -> the run, stopped
 * POST /emulator/v1/rooms/{room_id}/peers/{peer_id}/poll-responses   -d '{"poll_id":"...","question":1,"option":2}' -> the response
 * </pre>
 */
public final class PollEmulatorRoutes implements Routes {
    private static final String ROOM = "/emulator/v1/rooms/{room_id}";

    private final PollRunService runs;

    public PollEmulatorRoutes(PollRunService runs) {
        this.runs = runs;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(ROOM + "/polls/{poll_id}/start", this::start);
        routes.post(ROOM + "/polls/{poll_id}/stop", this::stop);
        routes.post(ROOM + "/peers/{peer_id}/poll-responses", this::respond);
    }

    private void start(Context ctx) {
        ctx.json(runs.start(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("poll_id"), null));
    }

    private void stop(Context ctx) {
        ctx.json(runs.stop(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("poll_id"), null));
    }

    private void respond(Context ctx) {
        ctx.json(runs.respond(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id"),
                Json.readBody(ctx.bodyAsBytes(), ResponseBody.class), false).response());
    }
}
