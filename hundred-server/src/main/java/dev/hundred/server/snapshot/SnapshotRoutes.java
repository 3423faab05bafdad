package dev.hundred.server.snapshot;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/**
 * Reset, export and import of the token's workspace (docs/emulator.md). Management token required.
 * <pre>
 * POST /emulator/v1/reset    {"reset": true}: the workspace as it was made (credentials, first template, webhook kept)
 * GET  /emulator/v1/export   the workspace's {@link Snapshot}
 * POST /emulator/v1/import   -d @snapshot.json   {"imported": {"templates": 2, "rooms": 3, ...}}
 * </pre>
 */
public final class SnapshotRoutes implements Routes {
    private final Snapshots snapshots;

    public SnapshotRoutes(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/emulator/v1/reset", this::reset);
        routes.get("/emulator/v1/export", ctx -> ctx.json(snapshots.export(AuthFilter.workspace(ctx))));
        routes.post("/emulator/v1/import", this::load);
    }

    private void reset(Context ctx) {
        snapshots.reset(AuthFilter.workspace(ctx));
        ctx.json(Map.of("reset", true));
    }

    private void load(Context ctx) {
        Snapshot doc = Json.readBody(ctx.bodyAsBytes(), Snapshot.class);
        snapshots.load(AuthFilter.workspace(ctx), doc);
        ctx.json(Map.of("imported", Snapshots.counts(doc)));
    }
}
