package dev.hundred.server.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.auth.AuthFilter;
import dev.hundred.server.http.Json;
import dev.hundred.server.http.Page;
import dev.hundred.server.http.Params;
import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.List;

/**
 * Templates over HTTP (spec §5).
 * <pre>
 * POST   /v2/templates                               create (upsert by name)  curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/templates -d '{"name":"class","roles":{"teacher":{},"student":{}}}'
 * GET    /v2/templates                               list                     curl -H "Authorization: Bearer $T" localhost:8080/v2/templates
 * GET    /v2/templates/{template_id}                 retrieve                 curl -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL
 * POST   /v2/templates/{template_id}                 full replace             curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL -d '{"roles":{"host":{}},"settings":{}}'
 * GET    /v2/templates/{template_id}/roles/{role}    retrieve a role          curl -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/roles/host
 * POST   /v2/templates/{template_id}/roles/{role}    create, update, rename   curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/roles/viewer -d '{"priority":2}'
 * DELETE /v2/templates/{template_id}/roles/{role}    delete a role (204)      curl -X DELETE -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/roles/viewer
 * GET    /v2/templates/{template_id}/settings        settings                 curl -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/settings
 * POST   /v2/templates/{template_id}/settings        replace settings         curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/settings -d '{"region":"eu"}'
 * GET    /v2/templates/{template_id}/destinations    destinations             curl -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/destinations
 * POST   /v2/templates/{template_id}/destinations    replace destinations     curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/destinations -d '{"rtmpDestinations":{}}'
 * GET    /v2/templates/{template_id}/recordings      recording configuration  curl -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/recordings
 * POST   /v2/templates/{template_id}/recordings      replace it (array)       curl -X POST -H "Authorization: Bearer $T" localhost:8080/v2/templates/$TPL/recordings -d '[{"name":"default","role":"host"}]'
 * </pre>
 */
public final class TemplateRoutes implements Routes {
    private static final String TEMPLATE = "/v2/templates/{template_id}";

    private final TemplateService templates;

    public TemplateRoutes(TemplateService templates) {
        this.templates = templates;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/v2/templates", this::create);
        routes.get("/v2/templates", this::list);
        routes.get(TEMPLATE, this::retrieve);
        routes.post(TEMPLATE, this::replace);
        routes.get(TEMPLATE + "/roles/{role_name}", this::role);
        routes.post(TEMPLATE + "/roles/{role_name}", this::putRole);
        routes.delete(TEMPLATE + "/roles/{role_name}", this::deleteRole);
        routes.get(TEMPLATE + "/settings", this::settings);
        routes.post(TEMPLATE + "/settings", this::putSettings);
        routes.get(TEMPLATE + "/destinations", this::destinations);
        routes.post(TEMPLATE + "/destinations", this::putDestinations);
        routes.get(TEMPLATE + "/recordings", this::recordings);
        routes.post(TEMPLATE + "/recordings", this::putRecordings);
    }

    private void create(Context ctx) {
        ctx.json(templates.create(AuthFilter.workspace(ctx), Json.readBody(ctx.bodyAsBytes(), TemplateBody.class)));
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        ctx.json(Page.of(limit, templates.list(AuthFilter.workspace(ctx), Params.start(ctx).orElse(null), limit),
                Template::id));
    }

    private void retrieve(Context ctx) {
        ctx.json(templates.retrieve(AuthFilter.workspace(ctx), id(ctx)));
    }

    private void replace(Context ctx) {
        ctx.json(templates.replace(AuthFilter.workspace(ctx), id(ctx), Json.readBody(ctx.bodyAsBytes(), TemplateBody.class)));
    }

    private void role(Context ctx) {
        ctx.json(templates.role(AuthFilter.workspace(ctx), id(ctx), ctx.pathParam("role_name")));
    }

    private void putRole(Context ctx) {
        ctx.json(templates.putRole(AuthFilter.workspace(ctx), id(ctx), ctx.pathParam("role_name"),
                Json.readBody(ctx.bodyAsBytes(), Role.class)));
    }

    private void deleteRole(Context ctx) {
        templates.deleteRole(AuthFilter.workspace(ctx), id(ctx), ctx.pathParam("role_name"));
        ctx.status(204);
    }

    private void settings(Context ctx) {
        ctx.json(templates.settings(AuthFilter.workspace(ctx), id(ctx)));
    }

    private void putSettings(Context ctx) {
        ctx.json(templates.putSettings(AuthFilter.workspace(ctx), id(ctx), Json.readBody(ctx.bodyAsBytes(), Settings.class)));
    }

    private void destinations(Context ctx) {
        ctx.json(templates.destinations(AuthFilter.workspace(ctx), id(ctx)).withEmptyMaps());
    }

    private void putDestinations(Context ctx) {
        ctx.json(templates.putDestinations(AuthFilter.workspace(ctx), id(ctx),
                Json.readBody(ctx.bodyAsBytes(), Destinations.class)).withEmptyMaps());
    }

    private void recordings(Context ctx) {
        ctx.json(templates.recordings(AuthFilter.workspace(ctx), id(ctx)));
    }

    private void putRecordings(Context ctx) {
        ctx.json(templates.putRecordings(AuthFilter.workspace(ctx), id(ctx), recordingsBody(ctx)));
    }

    private static String id(Context ctx) {
        return ctx.pathParam("template_id");
    }

    /** The recordings endpoint takes a JSON array (spec §5.8); its elements may be null, which the rules report. */
    private static List<RecordingConfig> recordingsBody(Context ctx) {
        if (!Json.readBody(ctx.bodyAsBytes(), JsonNode.class).isArray()) {
            throw TemplateErrors.notAnArray();
        }
        return Arrays.asList(Json.readBody(ctx.bodyAsBytes(), RecordingConfig[].class));
    }
}
