package dev.hundred.server.metrics;

import dev.hundred.server.http.ApiError;
import dev.hundred.server.http.Routes;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code GET /metrics}: Prometheus text format. Open by default (local use); with {@code --metrics-token} it
 * needs {@code Authorization: Bearer <that token>}, answered 401 in the error shape otherwise.
 */
public final class MetricsRoutes implements Routes {
    private final Metrics metrics;
    private final StateGauges gauges;
    private final byte[] token;

    public MetricsRoutes(Metrics metrics, StateGauges gauges, String token) {
        this.metrics = metrics;
        this.gauges = gauges;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        if (token != null) {
            String header = ctx.header("Authorization");
            byte[] given = header != null && header.startsWith("Bearer ")
                    ? header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(token, given)) { // constant time: the token is a secret
                throw new ApiError(401, "Unauthorized", List.of(header == null
                        ? "GET /metrics needs Authorization: Bearer <the --metrics-token>" : "wrong metrics token"));
            }
        }
        gauges.refresh();
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
