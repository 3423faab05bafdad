package dev.hundred.server.clock;

import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The emulator's clock (docs/emulator.md). Management token required.
 * <pre>
 * GET  /emulator/v1/clock    {"now": "...", "frozen": false}
 * POST /emulator/v1/clock    {"advance_seconds": 600} | {"set": "2030-01-01T00:00:00Z"} | {"frozen": true}
 * </pre>
 */
public final class ClockRoutes implements Routes {
    private final ClockService clock;

    public ClockRoutes(ClockService clock) {
        this.clock = clock;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/emulator/v1/clock", ctx -> ctx.json(clock.state()));
        routes.post("/emulator/v1/clock", this::change);
    }

    private void change(Context ctx) {
        ctx.json(clock.change(Json.readBody(ctx.bodyAsBytes(), ClockBody.class)));
    }
}
