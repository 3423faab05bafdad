package dev.hundred.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app: each feature's routes, the management-token filter on {@code /v2}, and the one
 * place where every failure becomes the 100ms error body (decisions.md, Wire format).
 */
public final class Api {
    /** Bodies above this get 413 (issue: robustness). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private Api() {}

    public static Javalin create(String host, int port, boolean virtualThreads, Handler authFilter, List<Routes> features) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            // On stop (SIGTERM) Jetty stops accepting and lets in-flight requests finish, for up to 10 s.
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            config.concurrency.useVirtualThreads = virtualThreads;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            // false: write each body as one string; the streaming mode pipes through a second thread and copies.
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.routes.before("/v2/*", authFilter);
            config.routes.before("/emulator/*", authFilter);
            config.routes.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok")));
            features.forEach(feature -> feature.register(config.routes));

            config.routes.exception(ApiError.class, (e, ctx) -> render(ctx, e.body()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, translate(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                render(ctx, new ErrorBody(500, "Internal server error", List.of()));
            });
        });
    }

    /** Javalin's own answers (no route, wrong method, body too large) in the 100ms shape. */
    private static ErrorBody translate(HttpResponseException e, Context ctx) {
        String request = ctx.method() + " " + ctx.path();
        return switch (e.getStatus()) {
            case 404 -> new ErrorBody(404, "Not found", List.of("no endpoint " + request));
            case 405 -> new ErrorBody(405, "Method not allowed", List.of("method not allowed for " + ctx.path()));
            case 413 -> new ErrorBody(413, "Request body too large",
                    List.of("body must be at most " + MAX_BODY_BYTES + " bytes"));
            default -> new ErrorBody(e.getStatus(), e.getMessage(), List.of());
        };
    }

    private static void render(Context ctx, ErrorBody body) {
        ctx.status(body.code()).json(body);
    }
}
