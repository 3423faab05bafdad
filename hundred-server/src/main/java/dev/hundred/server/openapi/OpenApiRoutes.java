package dev.hundred.server.openapi;

import dev.hundred.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /v2/openapi.json} and {@code /v2/openapi.yaml}: the API's description. No token needed (AuthFilter
 * lists them as public): it is documentation, the same for every workspace, naming no data of any; the
 * cloud publishes its reference openly too. Read on first request, so start-up does not parse YAML.
 */
public final class OpenApiRoutes implements Routes {
    public static final String JSON_PATH = "/v2/openapi.json";
    public static final String YAML_PATH = "/v2/openapi.yaml";

    private volatile OpenApiDocument document;

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(JSON_PATH, ctx -> ctx.contentType("application/json").result(document().json()));
        routes.get(YAML_PATH, ctx -> ctx.contentType("application/yaml; charset=utf-8").result(document().yaml()));
    }

    private OpenApiDocument document() {
        OpenApiDocument loaded = document;
        if (loaded == null) {
            synchronized (this) {
                if (document == null) {
                    document = OpenApiDocument.load();
                }
                loaded = document;
            }
        }
        return loaded;
    }
}
