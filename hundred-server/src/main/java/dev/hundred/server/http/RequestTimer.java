package dev.hundred.server.http;

import io.javalin.http.Context;

/** Sees every request once it is answered (errors included): the metrics' hook, kept out of http/. */
public interface RequestTimer {
    RequestTimer NONE = new RequestTimer() {};

    default void answered(Context ctx) {}
}
