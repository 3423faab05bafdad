package dev.hundred.server.webhooks;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server per back end whose deliveries fail for good quickly (retries after 100 ms and 200 ms, 1 s
 * timeout), for tests about failed deliveries, history and replay.
 */
final class FastRetryServers {
    static final List<Duration> RETRIES = List.of(Duration.ofMillis(100), Duration.ofMillis(200));
    private static final Map<String, Hundred> SERVERS = new ConcurrentHashMap<>();

    private FastRetryServers() {}

    static Hundred server(String backend) {
        return SERVERS.computeIfAbsent(backend, b -> {
            Config config = Config.defaults().withPort(0).withDb(Backends.freshDb(b))
                    .withWebhooks(WebhookOptions.defaults().withRetries(RETRIES).withTimeout(Duration.ofSeconds(1))
                            .withHorizon(Duration.ZERO)); // the cloud's schedule: failures are final quickly
            Hundred hundred = new Hundred(config).start();
            Runtime.getRuntime().addShutdownHook(new Thread(hundred::close));
            return hundred;
        });
    }
}
