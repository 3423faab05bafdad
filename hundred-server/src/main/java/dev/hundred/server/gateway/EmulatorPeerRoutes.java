package dev.hundred.server.gateway;

import dev.hundred.server.activerooms.Bodies;
import dev.hundred.server.activerooms.LivePeer;
import dev.hundred.server.activerooms.PeerService;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import dev.hundred.server.store.Ids;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * The emulator's peers (Hundred's extension, decisions.md): peers that join without a socket, for tests
 * and demos. Management token required. Same rules, services and webhooks as the gateway.
 * <pre>
 * POST   /emulator/v1/rooms/{room_id}/peers                              join     -d '{"role":"host","name":"Ann","user_id":"u1","metadata":"","tracks":[{"type":"audio"}]}'
 * POST   /emulator/v1/rooms/{room_id}/peers/{peer_id}/leave              leave
 * POST   /emulator/v1/rooms/{room_id}/peers/{peer_id}/tracks             publish  -d '{"type":"video","source":"screen"}'
 * POST   /emulator/v1/rooms/{room_id}/peers/{peer_id}/tracks/{track_id}  mute     -d '{"mute":true}'
 * DELETE /emulator/v1/rooms/{room_id}/peers/{peer_id}/tracks/{track_id}  unpublish
 * GET    /emulator/v1/sessions/{session_id}/messages                     the session's chat record
 * </pre>
 */
public final class EmulatorPeerRoutes implements Routes {
    private static final String PEER = "/emulator/v1/rooms/{room_id}/peers/{peer_id}";

    private final PeerService peers;

    record Mute(Boolean mute) {}

    public EmulatorPeerRoutes(PeerService peers) {
        this.peers = peers;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/emulator/v1/rooms/{room_id}/peers", this::join);
        routes.post(PEER + "/leave", this::leave);
        routes.post(PEER + "/tracks", this::publish);
        routes.post(PEER + "/tracks/{track_id}", this::mute);
        routes.delete(PEER + "/tracks/{track_id}", this::unpublish);
        routes.get("/emulator/v1/sessions/{session_id}/messages", this::messages);
    }

    private void join(Context ctx) {
        ctx.json(peers.join(AuthFilter.workspace(ctx), ctx.pathParam("room_id"),
                Json.readBody(ctx.bodyAsBytes(), Bodies.Join.class), Ids.uuid(), LivePeer.EMULATOR));
    }

    private void leave(Context ctx) {
        ctx.json(peers.leave(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id")));
    }

    private void publish(Context ctx) {
        ctx.json(peers.publish(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id"),
                Json.readBody(ctx.bodyAsBytes(), Bodies.TrackBody.class)));
    }

    private void mute(Context ctx) {
        Mute body = Json.readBody(ctx.bodyAsBytes(), Mute.class);
        if (body.mute() == null) {
            throw ApiError.badBody("mute is required");
        }
        ctx.json(peers.mute(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id"),
                ctx.pathParam("track_id"), body.mute()));
    }

    private void unpublish(Context ctx) {
        peers.unpublish(AuthFilter.workspace(ctx), ctx.pathParam("room_id"), ctx.pathParam("peer_id"),
                ctx.pathParam("track_id"));
        ctx.status(204);
    }

    private void messages(Context ctx) {
        ctx.json(Map.of("messages", peers.messages(AuthFilter.workspace(ctx), ctx.pathParam("session_id"))));
    }
}
