package dev.hundred.server.metrics;

import dev.hundred.server.http.AccessLog;
import dev.hundred.server.http.RequestTimer;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every request by route template (so {@code /v2/rooms/{room_id}} is one series, not one per room),
 * method and status, as {@code http_server_requests_seconds} with a histogram for latency quantiles.
 */
public final class HttpMetrics implements RequestTimer {
    private static final String STARTED = "hundred.metrics.started";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void started(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    @Override
    public void answered(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("http.server.requests").description("HTTP requests answered, by route template")
                .tag("method", ctx.method().name()).tag("route", AccessLog.route(ctx))
                .tag("status", Integer.toString(ctx.statusCode())).publishPercentileHistogram()
                .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
