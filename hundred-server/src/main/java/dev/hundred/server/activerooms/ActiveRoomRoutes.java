package dev.hundred.server.activerooms;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * Active rooms over HTTP (spec §7).
 * <pre>
 * GET  /v2/active-rooms/{room_id}                   retrieve       curl -H "Authorization: Bearer $T" localhost:8080/v2/active-rooms/$ROOM
 * GET  /v2/active-rooms/{room_id}/peers             list peers     curl -H "Authorization: Bearer $T" 'localhost:8080/v2/active-rooms/$ROOM/peers?role=host'
 * GET  /v2/active-rooms/{room_id}/peers/{peer_id}   retrieve peer  curl -H "Authorization: Bearer $T" localhost:8080/v2/active-rooms/$ROOM/peers/$PEER
 * POST /v2/active-rooms/{room_id}/peers/{peer_id}   update peer    curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/active-rooms/$ROOM/peers/$PEER -d '{"name":"Ann"}'
 * POST /v2/active-rooms/{room_id}/send-message      send message   curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/active-rooms/$ROOM/send-message -d '{"message":"hi"}'
 * POST /v2/active-rooms/{room_id}/remove-peers      remove peers   curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/active-rooms/$ROOM/remove-peers -d '{"role":"guest"}'
 * POST /v2/active-rooms/{room_id}/end-room          end room       curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/active-rooms/$ROOM/end-room -d '{"lock":true}'
 * </pre>
 */
public final class ActiveRoomRoutes implements Routes {
    private final ActiveRoomService activeRooms;

    public ActiveRoomRoutes(ActiveRoomService activeRooms) {
        this.activeRooms = activeRooms;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/active-rooms/{room_id}", this::retrieve);
        routes.get("/v2/active-rooms/{room_id}/peers", this::peers);
        routes.get("/v2/active-rooms/{room_id}/peers/{peer_id}", this::peer);
        routes.post("/v2/active-rooms/{room_id}/peers/{peer_id}", this::update);
        routes.post("/v2/active-rooms/{room_id}/send-message", this::sendMessage);
        routes.post("/v2/active-rooms/{room_id}/remove-peers", this::removePeers);
        routes.post("/v2/active-rooms/{room_id}/end-room", this::endRoom);
    }

    private void retrieve(Context ctx) {
        ctx.json(activeRooms.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("room_id")));
    }

    private void peers(Context ctx) {
        ctx.json(Map.of("peers", activeRooms.peers(AuthFilter.workspace(ctx), ctx.pathParam("room_id"),
                Params.string(ctx, "user_id").orElse(null), Params.string(ctx, "role").orElse(null))));
    }

    private void peer(Context ctx) {
        ctx.json(activeRooms.peer(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id")));
    }

    private void update(Context ctx) {
        ctx.json(activeRooms.update(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id"),
                Json.readBody(ctx.bodyAsBytes(), Bodies.PeerUpdate.class)));
    }

    private void sendMessage(Context ctx) {
        activeRooms.sendMessage(AuthFilter.workspace(ctx), ctx.pathParam("room_id"),
                Json.readBody(ctx.bodyAsBytes(), Bodies.Message.class));
        ctx.json(Map.of("message", "message sent"));
    }

    private void removePeers(Context ctx) {
        activeRooms.removePeers(AuthFilter.workspace(ctx), ctx.pathParam("room_id"),
                Json.readBody(ctx.bodyAsBytes(), Bodies.Remove.class));
        ctx.json(Map.of("message", "peer remove request submitted"));
    }

    private void endRoom(Context ctx) {
        activeRooms.endRoom(AuthFilter.workspace(ctx), ctx.pathParam("room_id"),
                Json.readBody(ctx.bodyAsBytes(), Bodies.EndRoom.class));
        ctx.json(Map.of("message", "session is ending"));
    }
}
