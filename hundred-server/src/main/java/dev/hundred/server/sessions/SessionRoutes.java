package dev.hundred.server.sessions;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Sessions over HTTP (spec §6).
 * <pre>
 * GET /v2/sessions                list     curl -H "Authorization: Bearer $T" 'localhost:8080/v2/sessions?room_id=$ROOM&amp;active=true'
 * GET /v2/sessions/{session_id}   retrieve curl -H "Authorization: Bearer $T" localhost:8080/v2/sessions/$SESSION
 * </pre>
 */
public final class SessionRoutes implements Routes {
    private final SessionService sessions;

    public SessionRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/sessions", this::list);
        routes.get("/v2/sessions/{session_id}", this::retrieve);
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        SessionFilter filter = new SessionFilter(Params.bool(ctx, "active").orElse(null),
                Params.string(ctx, "room_id").orElse(null), Params.time(ctx, "after").orElse(null),
                Params.time(ctx, "before").orElse(null), Params.string(ctx, "id").orElse(null),
                Params.start(ctx).orElse(null), limit);
        ctx.json(Page.of(limit, sessions.list(AuthFilter.workspace(ctx), filter), Session::id));
    }

    private void retrieve(Context ctx) {
        ctx.json(sessions.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("session_id")));
    }
}
