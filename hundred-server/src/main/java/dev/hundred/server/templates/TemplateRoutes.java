package dev.hundred.server.templates;

import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Templates over HTTP (spec §5).
 * <pre>
 * GET  /v2/templates                 list       curl -H "Authorization: Bearer $T" localhost:8080/v2/templates
 * GET  /v2/templates/{template_id}   retrieve   curl -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL
 * </pre>
 */
public final class TemplateRoutes implements Routes {
    private final TemplateService templates;

    public TemplateRoutes(TemplateService templates) {
        this.templates = templates;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/templates", this::list);
        routes.get("/v2/templates/{template_id}", this::retrieve);
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        ctx.json(Page.of(limit, templates.list(AuthFilter.workspace(ctx), Params.start(ctx).orElse(null), limit),
                Template::id));
    }

    private void retrieve(Context ctx) {
        ctx.json(templates.retrieve(AuthFilter.workspace(ctx), ctx.pathParam("template_id"))
                .orElseThrow(() -> ApiError.notFound("Template not found")));
    }
}
