package dev.hundred.server.externalstreams;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Routes;
import dev.hundred.server.http.StopAllPage;
import dev.hundred.server.jobs.JobFilter;
import dev.hundred.server.jobs.JobQuery;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * External streams over HTTP (spec §11).
 * <pre>
 * POST /v2/external-streams/room/{room_id}/start   start     curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/external-streams/room/$ROOM/start -d '{"rtmp_urls":["rtmp://a.rtmp.youtube.com/live2/KEY"]}'
 * POST /v2/external-streams/room/{room_id}/stop    stop all  {error, data, limit, last}
 * POST /v2/external-streams/{stream_id}/stop       stop one
 * GET  /v2/external-streams/{stream_id}            retrieve  (with recording_assets)
 * GET  /v2/external-streams                        list      ?room_id=&session_id=&status=&start=&limit=
 * </pre>
 */
public final class ExternalStreamRoutes implements Routes {
    private final ExternalStreamService streams;

    public ExternalStreamRoutes(ExternalStreamService streams) {
        this.streams = streams;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/external-streams/room/{room_id}/start", this::start);
        routes.post("/v2/external-streams/room/{room_id}/stop", this::stopAll);
        routes.post("/v2/external-streams/{stream_id}/stop", this::stop);
        routes.get("/v2/external-streams/{stream_id}", this::retrieve);
        routes.get("/v2/external-streams", this::list);
    }

    private void start(Context ctx) {
        ExternalStreamBody body = Json.readBody(ctx.bodyAsBytes(), ExternalStreamBody.class);
        render(ctx, streams.start(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), body));
    }

    private void stopAll(Context ctx) {
        Workspace ws = AuthFilter.workspace(ctx);
        List<ExternalStream> stopped = streams.stopAll(ws, ctx.pathParam("room_id")).stream()
                .map(job -> streams.view(ws, job)).toList();
        ctx.json(StopAllPage.of(stopped, ExternalStream::id));
    }

    private void stop(Context ctx) {
        render(ctx, streams.stop(AuthFilter.workspace(ctx), ctx.pathParam("stream_id")));
    }

    private void retrieve(Context ctx) {
        render(ctx, streams.find(AuthFilter.workspace(ctx), ctx.pathParam("stream_id")));
    }

    private void list(Context ctx) {
        Workspace ws = AuthFilter.workspace(ctx);
        JobFilter filter = JobQuery.read(ctx, ExternalStreamService.KIND);
        List<MediaJob> jobs = streams.list(ws, filter);
        ctx.json(Page.of(filter.limit(), jobs.stream().map(job -> streams.view(ws, job)).toList(), ExternalStream::id));
    }

    private void render(Context ctx, MediaJob job) {
        ctx.json(streams.view(AuthFilter.workspace(ctx), job));
    }
}
