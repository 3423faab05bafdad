package dev.hundred.server.roomcodes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * Room codes over HTTP (spec §4), and the client-facing code exchange (spec §2.3), which needs no
 * management token (the auth filter lets {@code /v2/token} through).
 * <pre>
 * POST /v2/room-codes/room/{room_id}               codes for every role   curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/room-codes/room/$ROOM
 * POST /v2/room-codes/room/{room_id}/role/{role}   one code for a role    curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/room-codes/room/$ROOM/role/host
 * GET  /v2/room-codes/room/{room_id}               list                   curl -H "Authorization: Bearer $T" 'localhost:8080/v2/room-codes/room/$ROOM?enabled=true'
 * POST /v2/room-codes/code                         enable/disable         curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/room-codes/code -d '{"code":"abc-defg-hij","enabled":false}'
 * POST /v2/token                                   code -> app token      curl -X POST localhost:8080/v2/token -d '{"code":"abc-defg-hij","user_id":"u1"}'
 * </pre>
 */
public final class RoomCodeRoutes implements Routes {
    private final RoomCodeService codes;

    public RoomCodeRoutes(RoomCodeService codes) {
        this.codes = codes;
    }

    /** The create-for-all-roles answer: {@code data} only, no limit or last (spec §4.2). */
    record CodeList(@JsonInclude(JsonInclude.Include.ALWAYS) List<RoomCode> data) {}

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/room-codes/room/{room_id}", this::createForAllRoles);
        routes.post("/v2/room-codes/room/{room_id}/role/{role}", this::createForRole);
        routes.get("/v2/room-codes/room/{room_id}", this::list);
        routes.post("/v2/room-codes/code", this::update);
        routes.post("/v2/token", this::exchange);
    }

    private void createForAllRoles(Context ctx) {
        List<RoomCode> created = codes.createForAllRoles(AuthFilter.workspace(ctx), ctx.pathParam("room_id"));
        ctx.json(new CodeList(created.isEmpty() ? null : created));
    }

    private void createForRole(Context ctx) {
        ctx.json(codes.createForRole(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("role")));
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        RoomCodeFilter filter = new RoomCodeFilter(Params.string(ctx, "role").orElse(null),
                Params.bool(ctx, "enabled").orElse(null), Params.start(ctx).orElse(null), limit);
        ctx.json(Page.of(limit, codes.list(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), filter), RoomCode::code));
    }

    private void update(Context ctx) {
        ctx.json(codes.update(AuthFilter.workspace(ctx), RoomCodeUpdate.parse(ctx.bodyAsBytes())));
    }

    private void exchange(Context ctx) {
        ctx.json(new TokenResponse(codes.exchange(Json.readBody(ctx.bodyAsBytes(), TokenRequest.class))));
    }
}
