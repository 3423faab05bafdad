package dev.hundred.server.openapi;

import dev.hundred.server.http.Routes;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Supplier;

/**
 * {@code GET /v2/openapi.json} and {@code /v2/openapi.yaml}: the one description of everything the server serves
 * (docs/openapi.md); with {@code --emulator false} without the /emulator paths, which that server does not serve.
 * No token needed (AuthFilter lists them as public): they are documentation, the same for every workspace, naming
 * no data of any; the cloud publishes its reference openly too. Read on the first request, so start-up does not
 * parse YAML.
 */
public final class OpenApiRoutes implements Routes {
    public static final String JSON_PATH = "/v2/openapi.json";
    public static final String YAML_PATH = "/v2/openapi.yaml";

    private final Supplier<OpenApiDocument> document;

    public OpenApiRoutes(boolean emulator) {
        this.document = lazily(emulator);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(JSON_PATH, ctx -> ctx.contentType("application/json").result(document.get().json()));
        routes.get(YAML_PATH, ctx -> ctx.contentType("application/yaml; charset=utf-8").result(document.get().yaml()));
    }

    /** The served document, loaded on first use and kept. */
    private static Supplier<OpenApiDocument> lazily(boolean emulator) {
        return new Supplier<>() {
            private volatile OpenApiDocument loaded;

            @Override
            public OpenApiDocument get() {
                OpenApiDocument found = loaded;
                if (found == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            OpenApiDocument whole = OpenApiDocument.load();
                            loaded = emulator ? whole : whole.withoutEmulator();
                        }
                        found = loaded;
                    }
                }
                return found;
            }
        };
    }
}
