package dev.hundred.server.metrics;

import dev.hundred.server.http.AccessLog;
import dev.hundred.server.http.RequestIds;
import dev.hundred.server.http.RequestTimer;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every request by route template (so {@code /v2/rooms/{room_id}} is one series, not one per room),
 * method and status, as {@code http_server_requests_seconds} with a histogram for latency quantiles.
 */
public final class HttpMetrics implements RequestTimer {
    private final MeterRegistry registry;
    /** By "method route status": one lookup per request instead of building the meter's id each time. */
    private final java.util.concurrent.ConcurrentMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(Context ctx) {
        long elapsed = RequestIds.elapsedNanos(ctx);
        if (elapsed < 0) {
            return;
        }
        String method = ctx.method().name();
        String route = AccessLog.route(ctx);
        String status = Integer.toString(ctx.statusCode());
        timers.computeIfAbsent(method + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template")
                .tag("method", method).tag("route", route).tag("status", status).publishPercentileHistogram()
                .register(registry)).record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
