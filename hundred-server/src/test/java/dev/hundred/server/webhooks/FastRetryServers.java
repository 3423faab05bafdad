package dev.hundred.server.webhooks;

import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import java.time.Duration;
import java.util.List;

/**
 * One server per back end whose deliveries fail for good quickly (retries after 100 ms and 200 ms, 1 s
 * timeout), for tests about failed deliveries, history and replay.
 */
final class FastRetryServers {
    static final List<Duration> RETRIES = List.of(Duration.ofMillis(100), Duration.ofMillis(200));

    private FastRetryServers() {}

    static Hundred server(String backend) {
        return Backends.own("fast-retry", backend, c -> c.withWebhooks(WebhookOptions.defaults().withRetries(RETRIES)
                .withTimeout(Duration.ofSeconds(1)).withHorizon(Duration.ZERO)), s -> { }); // failures final quickly
    }
}
