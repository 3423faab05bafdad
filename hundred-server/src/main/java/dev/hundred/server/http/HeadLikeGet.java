package dev.hundred.server.http;

import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The routes features register through, so that HEAD runs the GET handler and answers its status (RFC 9110:
 * HEAD is GET without the body; Jetty drops the body). Left alone, Javalin answers HEAD on any GET route 200
 * without running it: HEAD of a room that does not exist, or with a bad limit, was 200 (found by the fuzz).
 * A feature that registers its own HEAD (asset downloads, HLS playback) keeps it.
 */
final class HeadLikeGet implements JavalinDefaultRoutingApi {
    private final JavalinDefaultRoutingApi routes;
    private final Map<String, Handler> gets = new LinkedHashMap<>();
    private final Set<String> heads = new HashSet<>();

    HeadLikeGet(JavalinDefaultRoutingApi routes) {
        this.routes = routes;
    }

    /** After every feature registered: HEAD for each GET path that has none of its own. */
    void finish() {
        gets.forEach((path, handler) -> {
            if (!heads.contains(path)) {
                routes.addEndpoint(new Endpoint(HandlerType.HEAD, path, handler));
            }
        });
    }

    @Override
    public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
        if (endpoint.method == HandlerType.GET) {
            gets.put(endpoint.path, endpoint.handler);
        } else if (endpoint.method == HandlerType.HEAD) {
            heads.add(endpoint.path);
        }
        routes.addEndpoint(endpoint);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> handler) {
        routes.exception(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
        routes.error(status, contentType, handler);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type, WsExceptionHandler<? super E> handler) {
        routes.wsException(type, handler);
        return this;
    }

    @Override
    public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> ws, RouteRole... roles) {
        routes.addWsHandler(type, path, ws, roles);
        return this;
    }
}
