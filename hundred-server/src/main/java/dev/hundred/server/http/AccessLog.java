package dev.hundred.server.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per answered request on the {@code dev.hundred.server.access} logger (off unless the log format is
 * json): method, route template, status and duration, as fields of the line as well as in its text.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.hundred.server.access");

    private AccessLog() {}

    static void answered(Context ctx) {
        long elapsed = RequestIds.elapsedNanos(ctx);
        if (elapsed < 0 || !LOG.isInfoEnabled()) {
            return;
        }
        String duration = String.format(java.util.Locale.ROOT, "%.3f", elapsed / 1e6);
        String route = route(ctx);
        String status = Integer.toString(ctx.statusCode());
        try (MDC.MDCCloseable m = MDC.putCloseable("method", ctx.method().name());
             MDC.MDCCloseable r = MDC.putCloseable("route", route);
             MDC.MDCCloseable s = MDC.putCloseable("status", status);
             MDC.MDCCloseable d = MDC.putCloseable("duration_ms", duration)) {
            LOG.info("{} {} {} {} ms", ctx.method().name(), ctx.path(), status, duration);
        }
    }

    /** The matched endpoint's path template; one value for everything no route matched (ids never become series). */
    public static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "UNMATCHED" : endpoint.path;
    }
}
