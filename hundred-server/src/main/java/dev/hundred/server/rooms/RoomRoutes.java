package dev.hundred.server.rooms;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Rooms over HTTP (spec §3).
 * <pre>
 * POST /v2/rooms              create (upsert by name)   curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/rooms -d '{"name":"demo"}'
 * GET  /v2/rooms              list                      curl -H "Authorization: Bearer $T" 'localhost:8080/v2/rooms?enabled=false'
 * GET  /v2/rooms/{room_id}    retrieve                  curl -H "Authorization: Bearer $T" localhost:8080/v2/rooms/$ROOM
 * POST /v2/rooms/{room_id}    update, enable/disable    curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/rooms/$ROOM -d '{"enabled":false}'
 * </pre>
 */
public final class RoomRoutes implements Routes {
    private final RoomService rooms;

    public RoomRoutes(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/rooms", this::create);
        routes.get("/v2/rooms", this::list);
        routes.get("/v2/rooms/{room_id}", this::retrieve);
        routes.post("/v2/rooms/{room_id}", this::update);
    }

    private void create(Context ctx) {
        ctx.json(rooms.create(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), RoomBody.class)));
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        RoomFilter filter = new RoomFilter(Params.bool(ctx, "enabled").orElse(true),
                Params.time(ctx, "after").orElse(null), Params.time(ctx, "before").orElse(null),
                Params.string(ctx, "name").orElse(null), Params.string(ctx, "template_id").orElse(null),
                Params.start(ctx).orElse(null), limit);
        ctx.json(Page.of(limit, rooms.list(AuthFilter.workspace(ctx), filter), Room::id));
    }

    private void retrieve(Context ctx) {
        ctx.json(rooms.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    private void update(Context ctx) {
        ctx.json(rooms.update(AuthFilter.workspace(ctx), ctx.pathParam("room_id"),
                Json.readBody(ctx.bodyAsBytes(), RoomBody.class)));
    }
}
