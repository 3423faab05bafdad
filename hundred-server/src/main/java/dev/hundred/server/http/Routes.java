package dev.hundred.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's HTTP surface: it adds its endpoint table to the app. */
public interface Routes {
    void register(JavalinDefaultRoutingApi routes);
}
