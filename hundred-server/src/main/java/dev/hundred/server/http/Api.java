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

    /**
     * Stops the server gracefully and fast. Jetty alone, once the stop begins, gives every open connection 1 s
     * more of idle time (its shutdown idle timeout) and waits for all of them to close: an idle keep-alive
     * connection (every HTTP client keeps one) made each stop take a second, and a request in flight waiting
     * for its body longer than that second got a 408. Here the connectors stop accepting first; then a
     * connection with no request on it (and no bytes of one read) is closed at once, and one with a request in
     * flight keeps its own idle timeout, bounded by the stop timeout (10 s); Jetty closes it after its answer.
     */
    public static void stop(Javalin app) {
        org.eclipse.jetty.server.Server server = app.jettyServer().server();
        List<org.eclipse.jetty.server.AbstractConnector> connectors = new java.util.ArrayList<>();
        for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.AbstractConnector connector) {
                connector.setShutdownIdleTimeout(-1); // Jetty's shutdown leaves the idle timeouts alone ...
                connector.shutdown(); // ... stops accepting (the stop below waits for what it returns) ...
                connectors.add(connector);
            }
        }
        // ... and the idle connections go now, and each busy one as soon as its answer is out: a connection
        // whose answer was just written may not read as idle yet (Jetty recycles its request a moment later),
        // and left to its own idle timeout it held the stop for the whole stop timeout (GatewayRestartTest).
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(server.getStopTimeout());
        while (closeIdle(connectors) > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // until the answers in flight are out
        }
        app.stop(); // WebSockets are closed by Jetty's own stop (1001)
    }

    /** Closes the idle HTTP connections; answers how many HTTP connections are still busy. */
    private static int closeIdle(List<org.eclipse.jetty.server.AbstractConnector> connectors) {
        int busy = 0;
        for (org.eclipse.jetty.server.AbstractConnector connector : connectors) {
            for (org.eclipse.jetty.io.EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (idle(endPoint)) {
                    endPoint.close();
                } else if (endPoint.getConnection() instanceof org.eclipse.jetty.server.internal.HttpConnection) {
                    busy++;
                }
            }
        }
        return busy;
    }

    /** An HTTP/1.1 connection between requests; a WebSocket, or a request being read or handled, is not idle. */
    private static boolean idle(org.eclipse.jetty.io.EndPoint endPoint) {
        return endPoint.getConnection() instanceof org.eclipse.jetty.server.internal.HttpConnection http
                && http.getHttpChannel().getRequest() == null && http.isRequestBufferEmpty();
    }

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * {@code emulator} false: every {@code /emulator/v1} path answers 404, as if it did not exist (production).
     * {@code observer} sees every /v2 request: on arrival, once its token is accepted, once answered;
     * {@code timer} sees every request (metrics). Every answer carries {@code X-Request-Id} ({@link RequestIds}).
     */
    public static Javalin create(String host, int port, boolean virtualThreads, boolean emulator, Handler authFilter,
                                 RequestObserver observer, RequestTimer timer, List<Routes> features) {
        // Unset, Jetty's MemoryUtils asks the platform MBean server whether oops are compressed: that builds every
        // platform MXBean (JMX, the flight recorder's), some 300 classes and a tenth of the start, for one number.
        // 16 references per 64-byte cache line is its own answer with compressed oops; it only sizes queue padding.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Its watcher is a thread started with every app that sleeps 5 s to warn if start() was never called.
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = host;
            config.jetty.port = port;
            // On stop (SIGTERM) Jetty stops accepting and lets in-flight requests finish, for up to 10 s.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JsonErrorHandler());
                // Javalin's default server counts requests in a StatisticsHandler that nothing reads (no JMX, our
                // metrics are HttpMetrics): without it, Javalin's context is the server's handler, every request
                // has one wrapper fewer, and its classes are not loaded at start.
                if (server.getHandler() instanceof org.eclipse.jetty.server.handler.StatisticsHandler) {
                    server.setHandler((org.eclipse.jetty.server.Handler) null);
                }
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JsonErrorHandler());
                context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new Utf8Query()), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            config.concurrency.useVirtualThreads = virtualThreads;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            // false: write each body as one string; the streaming mode pipes through a second thread and copies.
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // One before-handler and one after-handler for all of Api's own steps, each step behind the prefix
            // test Javalin's "/v2/*" and "/emulator/*" amount to (the raw path starts with "/v2/", "/emulator/"):
            // Javalin matches every handler's path against every request and makes a task of each match, and
            // nine of them were a measurable part of a GET's samples (JFR; bench/RESULTS.md). Same order:
            // request id, arrival, NUL check, the emulator's 404 when it is off, then the token and the faults,
            // before every feature's own before-handlers (the idempotency claim among them).
            config.routes.before(ctx -> {
                RequestIds.assign(ctx);
                String path = ctx.path();
                boolean v2 = path.startsWith("/v2/");
                boolean emulatorPath = !v2 && path.startsWith("/emulator/");
                if (v2) {
                    observer.arrived(ctx);
                }
                refuseNul(ctx);
                if (emulatorPath && !emulator) {
                    throw new io.javalin.http.NotFoundResponse();
                }
                if (v2) {
                    authFilter.handle(ctx);
                    observer.authenticated(ctx);
                } else if (emulatorPath) {
                    authFilter.handle(ctx);
                }
            });
            config.routes.after(ctx -> {
                try {
                    if (ctx.path().startsWith("/v2/")) {
                        observer.answered(ctx);
                    }
                } finally {
                    timer.answered(ctx);
                    AccessLog.answered(ctx);
                    RequestIds.release(ctx);
                }
            });
            config.routes.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok")));
            HeadLikeGet routes = new HeadLikeGet(config.routes);
            features.forEach(feature -> feature.register(routes));
            routes.finish();

            config.routes.exception(ApiError.class, (e, ctx) -> render(ctx, e.body()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, translate(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                ErrorBody client = clientFault(e);
                if (client != null) {
                    render(ctx, client);
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                // Our fault, not the request's: its id lets the report be found in the log (a fault the
                // emulator injects answers exactly what was asked for instead).
                String id = RequestIds.of(ctx);
                render(ctx, new ErrorBody(500, "Internal server error", id == null ? List.of() : List.of("request_id: " + id)));
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

    /**
     * A NUL character in a query parameter is refused before anything reads it (PostgreSQL cannot store
     * it; H2 could, and the same input must get the same answer on both). Jetty refuses one in the path.
     */
    private static void refuseNul(Context ctx) {
        String query = ctx.queryString();
        if (query == null || query.isEmpty()) {
            return; // most requests: no parameters to parse
        }
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw ApiError.badQuery(name.replace('\0', '?') + " must not contain NUL characters");
            }
        });
    }

    /**
     * Failures that are the request's, not ours, though they surface as exceptions from below: a path
     * with an invalid percent-escape (decoded when a route reads its parameter) and a body that ended
     * before its declared length or chunk (the client half-closed). Null for everything else.
     */
    static ErrorBody clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("URLDecoder")) {
                return new ErrorBody(400, "Invalid path parameter", List.of("the path has an invalid percent-escape"));
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                // A last line: fields are checked before they reach the database, but none may get a 500.
                switch (sql.getSQLState()) {
                    case "22001": return new ErrorBody(400, "Invalid body param", List.of("a value is too long"));
                    case "22021", "22P05": return new ErrorBody(400, "Invalid body param",
                            List.of("a value has a character that cannot be stored"));
                    case "22008": return new ErrorBody(400, "Invalid query parameter", List.of("a time is out of range"));
                    // What the request names was removed by another request while it ran (a reset, say).
                    case "23503", "23506": return new ErrorBody(409, "Conflict",
                            List.of("an object this request names was removed while it ran"));
                    default: break;
                }
            }
            if (t instanceof org.eclipse.jetty.io.EofException || (t instanceof java.io.IOException
                    && t.getMessage() != null && t.getMessage().contains("Early EOF"))) {
                return new ErrorBody(400, "Invalid body param", List.of("the body ended before its declared length"));
            }
        }
        return null;
    }

    /** Javalin's mapper takes a String as JSON already written: the body's own writer spares Jackson's introspection. */
    private static void render(Context ctx, ErrorBody body) {
        ctx.status(body.code()).json(body.toJson());
    }
}
