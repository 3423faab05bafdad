package dev.hundred.server.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The emulator's per-workspace settings (docs/emulator.md). Management token required.
 * <pre>
 * GET  /emulator/v1/settings   every section, defaults filled in
 * POST /emulator/v1/settings   -d '{"jobs": {"start_delay_seconds": 2}}'   (named fields change, others stay)
 * </pre>
 */
public final class SettingsRoutes implements Routes {
    private final EmulatorSettings settings;

    public SettingsRoutes(EmulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/emulator/v1/settings", ctx -> ctx.json(settings.all(AuthFilter.workspace(ctx))));
        routes.post("/emulator/v1/settings", this::update);
    }

    private void update(Context ctx) {
        ctx.json(settings.update(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), ObjectNode.class)));
    }
}
