package dev.hundred.server.streamkeys;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * RTMP ingest stream keys over HTTP (spec §12), and the emulator's broadcaster (docs/streamkeys.md).
 * <pre>
 * POST /v2/stream-keys/room/{room_id}           create    curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/stream-keys/room/$ROOM
 * GET  /v2/stream-keys/room/{room_id}           get       curl -H "Authorization: Bearer $T" localhost:8080/v2/stream-keys/room/$ROOM
 * POST /v2/stream-keys/room/{room_id}/disable   disable   curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/stream-keys/room/$ROOM/disable
 * POST /emulator/v1/stream-keys/{key}/ingest    RTMP in   curl -X POST -H "Authorization: Bearer $T" localhost:8080/emulator/v1/stream-keys/$KEY/ingest -d '{"action":"start"}'
 * </pre>
 * Disable answers 200, not the 201 its docs page shows: the body the docs print says {@code "code": 200},
 * every other call answers 200, and a client that checks for 200 would break on 201 (spec §19.11).
 */
public final class StreamKeyRoutes implements Routes {
    private static final String ROOM = "/v2/stream-keys/room/{room_id}";

    private final StreamKeyService keys;
    private final IngestService ingests;

    public StreamKeyRoutes(StreamKeyService keys, IngestService ingests) {
        this.keys = keys;
        this.ingests = ingests;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(ROOM, this::create);
        routes.get(ROOM, this::get);
        routes.post(ROOM + "/disable", this::disable);
        routes.post("/emulator/v1/stream-keys/{key}/ingest", this::ingest);
    }

    private void create(Context ctx) {
        ctx.json(keys.create(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    private void get(Context ctx) {
        ctx.json(keys.get(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    private void disable(Context ctx) {
        ctx.json(keys.disable(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    /** 200 with the webhook the connection produced, refusals (ingest.start.failure) included. */
    private void ingest(Context ctx) {
        ctx.json(ingests.act(AuthFilter.workspace(ctx), ctx.pathParam("key"),
                Json.readBody(ctx.bodyAsBytes(), IngestAction.class)));
    }
}
