package dev.hundred.server.http;

import io.javalin.http.Context;

/** The scheme and host a client used to reach this server, for links it should follow from where it is. */
public final class Origin {
    private Origin() {}

    public static String of(Context ctx) {
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host == null || host.isEmpty() ? ctx.host() : host);
    }
}
