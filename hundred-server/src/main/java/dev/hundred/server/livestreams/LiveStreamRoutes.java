package dev.hundred.server.livestreams;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Origin;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Routes;
import dev.hundred.server.http.StopAllPage;
import dev.hundred.server.jobs.JobFilter;
import dev.hundred.server.jobs.JobQuery;
import dev.hundred.server.jobs.MediaJob;
import dev.hundred.server.media.Hls;
import dev.hundred.server.workspaces.Workspace;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * Live streams over HTTP (spec §10), and the playback URLs they hand out.
 * <pre>
 * POST /v2/live-streams/room/{room_id}/start        start     curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/live-streams/room/$ROOM/start -d '{"recording":{"hls_vod":true}}'
 * POST /v2/live-streams/room/{room_id}/stop         stop all  {error, data, limit, last}
 * POST /v2/live-streams/{stream_id}/stop            stop one
 * GET  /v2/live-streams/{stream_id}                 retrieve  (with recording_assets)
 * GET  /v2/live-streams                             list      ?room_id=&session_id=&status=&start=&limit=
 * POST /v2/live-streams/{stream_id}/timed-metadata  -d '{"payload": "quiz 1", "duration": 5}'
 * POST /v2/live-streams/{stream_id}/pause-recording
 * POST /v2/live-streams/{stream_id}/resume-recording
 * GET  /hls/v1/{stream_id}/{token}/master.m3u8      playback (no token: the URL is the key), media playlists, segments
 * </pre>
 */
public final class LiveStreamRoutes implements Routes {
    private final LiveStreamService streams;
    private final HlsPlayback playback;

    public LiveStreamRoutes(LiveStreamFeature feature) {
        this.streams = feature.service();
        this.playback = feature.playback();
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/live-streams/room/{room_id}/start", this::start);
        routes.post("/v2/live-streams/room/{room_id}/stop", this::stopAll);
        routes.post("/v2/live-streams/{stream_id}/stop", this::stop);
        routes.get("/v2/live-streams/{stream_id}", this::retrieve);
        routes.get("/v2/live-streams", this::list);
        routes.post("/v2/live-streams/{stream_id}/timed-metadata", this::timedMetadata);
        routes.post("/v2/live-streams/{stream_id}/pause-recording", this::pause);
        routes.post("/v2/live-streams/{stream_id}/resume-recording", this::resume);
        routes.get(LiveStreamService.PLAYBACK_PATH + "{stream_id}/{token}/<path>", ctx -> serve(ctx, true));
        routes.head(LiveStreamService.PLAYBACK_PATH + "{stream_id}/{token}/<path>", ctx -> serve(ctx, false));
    }

    private void start(Context ctx) {
        LiveStreamBody body = Json.readBody(ctx.bodyAsBytes(), LiveStreamBody.class);
        render(ctx, streams.start(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), body));
    }

    private void stopAll(Context ctx) {
        Workspace ws = AuthFilter.workspace(ctx);
        List<LiveStream> stopped = streams.stopAll(ws, ctx.pathParam("room_id")).stream()
                .map(job -> streams.view(ws, job, Origin.of(ctx))).toList();
        ctx.json(StopAllPage.of(stopped, LiveStream::id));
    }

    private void stop(Context ctx) {
        render(ctx, streams.stop(AuthFilter.workspace(ctx), ctx.pathParam("stream_id")));
    }

    private void retrieve(Context ctx) {
        render(ctx, streams.find(AuthFilter.workspace(ctx), ctx.pathParam("stream_id")));
    }

    private void list(Context ctx) {
        Workspace ws = AuthFilter.workspace(ctx);
        JobFilter filter = JobQuery.read(ctx, LiveStreamService.KIND);
        List<MediaJob> jobs = streams.list(ws, filter);
        ctx.json(Page.of(filter.limit(), jobs.stream().map(job -> streams.view(ws, job, Origin.of(ctx))).toList(), LiveStream::id));
    }

    private void timedMetadata(Context ctx) {
        TimedMetadataBody body = Json.readBody(ctx.bodyAsBytes(), TimedMetadataBody.class);
        render(ctx, streams.sendTimedMetadata(AuthFilter.workspace(ctx), ctx.pathParam("stream_id"), body));
    }

    private void pause(Context ctx) {
        render(ctx, streams.pauseRecording(AuthFilter.workspace(ctx), ctx.pathParam("stream_id")));
    }

    private void resume(Context ctx) {
        render(ctx, streams.resumeRecording(AuthFilter.workspace(ctx), ctx.pathParam("stream_id")));
    }

    private void render(Context ctx, MediaJob job) {
        ctx.json(streams.view(AuthFilter.workspace(ctx), job, Origin.of(ctx)));
    }

    /** Playlists change every segment (no-cache); a segment never changes once published. */
    private void serve(Context ctx, boolean withBody) {
        String path = ctx.pathParam("path");
        Hls.File file = playback.file(ctx.pathParam("stream_id"), ctx.pathParam("token"), path);
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", path.endsWith(".m3u8") ? "no-cache" : "max-age=86400");
        ctx.res().setCharacterEncoding(null); // Javalin sets UTF-8 on every response; media has no charset
        ctx.contentType(file.contentType());
        ctx.header("Content-Length", Integer.toString(file.bytes().length));
        if (withBody) {
            ctx.result(file.bytes());
        }
    }
}
