package dev.hundred.server.openapi;

import dev.hundred.server.http.Routes;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Supplier;

/**
 * {@code GET /v2/openapi.json} and {@code /v2/openapi.yaml}: the API's description; {@code GET
 * /emulator/v1/openapi.json} and {@code .yaml}: the emulator's (404 with {@code --emulator false}, as every
 * /emulator path: http/Api). No token needed (AuthFilter lists them as public): they are documentation, the
 * same for every workspace, naming no data of any; the cloud publishes its reference openly too. Each is read
 * on its first request, so start-up does not parse YAML.
 */
public final class OpenApiRoutes implements Routes {
    public static final String JSON_PATH = "/v2/openapi.json";
    public static final String YAML_PATH = "/v2/openapi.yaml";
    public static final String EMULATOR_JSON_PATH = "/emulator/v1/openapi.json";
    public static final String EMULATOR_YAML_PATH = "/emulator/v1/openapi.yaml";

    private final Supplier<OpenApiDocument> api = lazily(OpenApiDocument.RESOURCE);
    private final Supplier<OpenApiDocument> emulator = lazily(OpenApiDocument.EMULATOR_RESOURCE);

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        serve(routes, JSON_PATH, YAML_PATH, api);
        serve(routes, EMULATOR_JSON_PATH, EMULATOR_YAML_PATH, emulator);
    }

    private static void serve(JavalinDefaultRoutingApi routes, String json, String yaml, Supplier<OpenApiDocument> document) {
        routes.get(json, ctx -> ctx.contentType("application/json").result(document.get().json()));
        routes.get(yaml, ctx -> ctx.contentType("application/yaml; charset=utf-8").result(document.get().yaml()));
    }

    /** The document of {@code resource}, loaded on first use and kept. */
    private static Supplier<OpenApiDocument> lazily(String resource) {
        return new Supplier<>() {
            private volatile OpenApiDocument document;

            @Override
            public OpenApiDocument get() {
                OpenApiDocument loaded = document;
                if (loaded == null) {
                    synchronized (this) {
                        if (document == null) {
                            document = OpenApiDocument.load(resource);
                        }
                        loaded = document;
                    }
                }
                return loaded;
            }
        };
    }
}
