package dev.hundred.server.analytics;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The emulator's analytics controls (Hundred's extension; docs/analytics.md): what a client SDK would
 * report, and quality stats that win over the derived ones. Management token required.
 * <pre>
 * POST   /emulator/v1/rooms/{room_id}/peers/{peer_id}/client-events  a client error  -d '{"type":"client.publish.failed","error_code":4006,"error_name":"ICEDisconnected","error_message":"[PUBLISH]: Ice connection state DISCONNECTED"}'
 * POST   /emulator/v1/sessions/{session_id}/peers/{peer_id}/stats    set stats       -d '{"publisher":{"video":[],"audio":[]},"subscriber":{"video":[],"audio":[]}}'
 * DELETE /emulator/v1/sessions/{session_id}/peers/{peer_id}/stats    back to derived
 * </pre>
 */
final class AnalyticsEmulatorRoutes implements Routes {
    static final int MAX_ID = 255;
    private static final String STATS = "/emulator/v1/sessions/{session_id}/peers/{peer_id}/stats";

    private final ClientEvents clientEvents;
    private final PeerStatsService stats;

    AnalyticsEmulatorRoutes(ClientEvents clientEvents, PeerStatsService stats) {
        this.clientEvents = clientEvents;
        this.stats = stats;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/emulator/v1/rooms/{room_id}/peers/{peer_id}/client-events", this::clientEvent);
        routes.post(STATS, this::setStats);
        routes.delete(STATS, this::clearStats);
    }

    private void clientEvent(Context ctx) {
        ctx.json(clientEvents.report(AuthFilter.workspace(ctx), id(ctx, "room_id"), id(ctx, "peer_id"),
                Json.readBody(ctx.bodyAsBytes(), ClientEventBody.class)));
    }

    private void setStats(Context ctx) {
        ctx.json(stats.put(AuthFilter.workspace(ctx), id(ctx, "session_id"), id(ctx, "peer_id"),
                Json.readBody(ctx.bodyAsBytes(), PeerStats.Sides.class)));
    }

    private void clearStats(Context ctx) {
        stats.clear(AuthFilter.workspace(ctx), id(ctx, "session_id"), id(ctx, "peer_id"));
        ctx.status(204);
    }

    /** Ids are kept in columns of 255 characters; PostgreSQL refuses NUL characters. */
    private static String id(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (value.indexOf('\0') >= 0 || value.length() > MAX_ID) {
            throw AnalyticsErrors.badPath(name + " must be at most " + MAX_ID + " characters, without NUL characters");
        }
        return value;
    }
}
