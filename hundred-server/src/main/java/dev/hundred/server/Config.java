package dev.hundred.server;

import dev.hundred.server.cluster.Nodes;
import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.guard.RateLimit;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.webhooks.WebhookOptions;
import java.time.Duration;

/**
 * Every setting, already resolved (flag > environment variable > default, see {@link Main}). Built from
 * {@link #defaults()} and the {@code with...} methods, so a new setting touches no caller (and, inside, only
 * {@link Edit}). Embedding:
 * {@code new Hundred(Config.defaults().withPort(0).withDb("mem").withCredentials(key, secret)).start()},
 * then {@link Hundred#url()} and {@link Hundred#close()}.
 *
 * @param db             {@code mem}, a directory for H2 files, or a JDBC URL
 * @param accessKey      the default workspace's access key, or null to keep or generate one
 * @param secret         the default workspace's secret, or null to keep or generate one
 * @param virtualThreads true, false or auto (on when the JDK is 24 or newer: no pinning on synchronized)
 * @param webhooks       retry schedule, attempt timeout and concurrency of webhook deliveries
 * @param publicUrl      the base URL clients reach this server at (links in webhooks), or null for the
 *                       address it listens on
 * @param timerLease     how long a node holds a durable timer it claimed before another may take it
 *                       ({@link Timers#LEASE}, 60 s); shorter only for tests that kill a node mid-timer
 * @param rateLimit      requests per workspace on /v2 (--rate-limit), or null for no limit (the default)
 * @param emulator       whether /emulator/v1 answers (--emulator false for production: it answers 404)
 * @param journalSize    how many requests the emulator's request journal keeps per workspace (0: none)
 * @param metricsToken   the bearer token GET /metrics needs (--metrics-token), or null: open
 * @param nodeName       this node's name in a cluster (--node-name), the same across its restarts, or null
 *                       for host:port; a node ends the stale gateway peers of earlier runs of its name
 * @param nodeLease      how long a node counts as alive after renewing its lease ({@code Nodes#LEASE}, 15 s);
 *                       shorter only for tests that kill a node
 */
public record Config(String host, int port, String db, String accessKey, String secret, String virtualThreads,
                     WebhookOptions webhooks, String publicUrl, Duration timerLease, RateLimit rateLimit,
                     boolean emulator, int journalSize, String metricsToken,
                     String nodeName, Duration nodeLease) {

    public static Config defaults() {
        Edit e = new Edit();
        e.host = "127.0.0.1";
        e.port = 8080;
        e.db = "./data";
        e.virtualThreads = "auto";
        e.webhooks = WebhookOptions.defaults();
        e.timerLease = Timers.LEASE;
        e.emulator = true;
        e.journalSize = RequestJournal.DEFAULT_SIZE;
        e.nodeLease = Nodes.LEASE;
        return e.done();
    }

    /** This config with {@code change} made to a copy of its settings. */
    private Config with(java.util.function.Consumer<Edit> change) {
        Edit e = new Edit(this);
        change.accept(e);
        return e.done();
    }

    public Config withHost(String newHost) {
        return with(e -> e.host = newHost);
    }

    /** The default workspace's access key and secret (null: keep or generate them). */
    public Config withCredentials(String newAccessKey, String newSecret) {
        return with(e -> {
            e.accessKey = newAccessKey;
            e.secret = newSecret;
        });
    }

    public Config withPort(int newPort) {
        return with(e -> e.port = newPort);
    }

    public Config withDb(String newDb) {
        return with(e -> e.db = newDb);
    }

    public Config withVirtualThreads(String newVirtualThreads) {
        return with(e -> e.virtualThreads = newVirtualThreads);
    }

    public Config withWebhooks(WebhookOptions newWebhooks) {
        return with(e -> e.webhooks = newWebhooks);
    }

    public Config withPublicUrl(String newPublicUrl) {
        return with(e -> e.publicUrl = newPublicUrl);
    }

    public Config withTimerLease(Duration newTimerLease) {
        return with(e -> e.timerLease = newTimerLease);
    }

    public Config withRateLimit(RateLimit newRateLimit) {
        return with(e -> e.rateLimit = newRateLimit);
    }

    public Config withEmulator(boolean newEmulator) {
        return with(e -> e.emulator = newEmulator);
    }

    public Config withJournalSize(int newJournalSize) {
        return with(e -> e.journalSize = newJournalSize);
    }

    public Config withMetricsToken(String newMetricsToken) {
        return with(e -> e.metricsToken = newMetricsToken);
    }

    public Config withNodeName(String newNodeName) {
        return with(e -> e.nodeName = newNodeName);
    }

    public Config withNodeLease(Duration newNodeLease) {
        return with(e -> e.nodeLease = newNodeLease);
    }

    public boolean useVirtualThreads() {
        return switch (virtualThreads) {
            case "true" -> true;
            case "false" -> false;
            default -> Runtime.version().feature() >= 24;
        };
    }

    /** The settings as mutable fields: the one place that lists every component in order. */
    private static final class Edit {
        String host;
        int port;
        String db;
        String accessKey;
        String secret;
        String virtualThreads;
        WebhookOptions webhooks;
        String publicUrl;
        Duration timerLease;
        RateLimit rateLimit;
        boolean emulator;
        int journalSize;
        String metricsToken;
        String nodeName;
        Duration nodeLease;

        Edit() {}

        Edit(Config c) {
            host = c.host;
            port = c.port;
            db = c.db;
            accessKey = c.accessKey;
            secret = c.secret;
            virtualThreads = c.virtualThreads;
            webhooks = c.webhooks;
            publicUrl = c.publicUrl;
            timerLease = c.timerLease;
            rateLimit = c.rateLimit;
            emulator = c.emulator;
            journalSize = c.journalSize;
            metricsToken = c.metricsToken;
            nodeName = c.nodeName;
            nodeLease = c.nodeLease;
        }

        Config done() {
            return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                    emulator, journalSize, metricsToken, nodeName, nodeLease);
        }
    }
}
