package dev.hundred.server.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/**
 * Fault injection (docs/emulator.md): rules that make the caller workspace's matching /v2 requests fail
 * or wait. A request may also ask itself with {@code X-Hundred-Fault: status=503;delay_ms=200}.
 * <pre>
 * POST   /emulator/v1/faults        add a rule   curl -X POST -H "Authorization: Bearer $T" localhost:8080/emulator/v1/faults -d '{"method":"POST","path":"/v2/rooms","status":503,"times":1}'
 * GET    /emulator/v1/faults        list         curl -H "Authorization: Bearer $T" localhost:8080/emulator/v1/faults
 * DELETE /emulator/v1/faults/{id}   remove one   curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/emulator/v1/faults/$F
 * DELETE /emulator/v1/faults        remove all   curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/emulator/v1/faults
 * </pre>
 */
public final class FaultRoutes implements Routes {
    /** {@code {"faults": [...]}}, oldest first. */
    record Faults(List<Fault> faults) {}

    private final FaultService faults;

    public FaultRoutes(FaultService faults) {
        this.faults = faults;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/emulator/v1/faults", this::create);
        routes.get("/emulator/v1/faults", ctx -> ctx.json(new Faults(faults.list(AuthFilter.workspace(ctx)))));
        routes.delete("/emulator/v1/faults/{fault_id}", this::delete);
        routes.delete("/emulator/v1/faults", ctx -> ctx.json(Map.of("deleted", faults.deleteAll(AuthFilter.workspace(ctx)))));
    }

    private void create(Context ctx) {
        ctx.json(faults.create(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), ObjectNode.class)));
    }

    private void delete(Context ctx) {
        ctx.json(faults.delete(AuthFilter.workspace(ctx), ctx.pathParam("fault_id")));
    }
}
