package dev.hundred.server;

import dev.hundred.server.cluster.Nodes;
import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.guard.RateLimit;
import dev.hundred.server.timers.Timers;
import dev.hundred.server.webhooks.WebhookOptions;
import java.time.Duration;

/**
 * Every setting, already resolved (flag > environment variable > default, see {@link Main}). Built from
 * {@link #defaults()} and the {@code with...} methods, so a new setting touches no caller.
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
 * @param nodeName       this node's name in a cluster (--node-name), the same across its restarts, or null
 *                       for host:port; a node ends the stale gateway peers of earlier runs of its name
 * @param nodeLease      how long a node counts as alive after renewing its lease ({@code Nodes#LEASE}, 15 s);
 *                       shorter only for tests that kill a node
 */
public record Config(String host, int port, String db, String accessKey, String secret, String virtualThreads,
                     WebhookOptions webhooks, String publicUrl, Duration timerLease, RateLimit rateLimit,
                     boolean emulator, int journalSize, String nodeName, Duration nodeLease) {

    public Config(String host, int port, String db, String accessKey, String secret, String virtualThreads) {
        this(host, port, db, accessKey, secret, virtualThreads, WebhookOptions.defaults(), null, Timers.LEASE, null, true,
                RequestJournal.DEFAULT_SIZE, null, Nodes.LEASE);
    }

    public static Config defaults() {
        return new Config("127.0.0.1", 8080, "./data", null, null, "auto");
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                emulator, journalSize, nodeName, nodeLease);
    }

    public Config withDb(String newDb) {
        return new Config(host, port, newDb, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                emulator, journalSize, nodeName, nodeLease);
    }

    public Config withWebhooks(WebhookOptions newWebhooks) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, newWebhooks, publicUrl, timerLease, rateLimit,
                emulator, journalSize, nodeName, nodeLease);
    }

    public Config withPublicUrl(String newPublicUrl) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, newPublicUrl, timerLease, rateLimit,
                emulator, journalSize, nodeName, nodeLease);
    }

    public Config withTimerLease(Duration newTimerLease) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, newTimerLease, rateLimit,
                emulator, journalSize, nodeName, nodeLease);
    }

    public Config withRateLimit(RateLimit newRateLimit) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, newRateLimit,
                emulator, journalSize, nodeName, nodeLease);
    }

    public Config withEmulator(boolean newEmulator) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                newEmulator, journalSize, nodeName, nodeLease);
    }

    public Config withJournalSize(int newJournalSize) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                emulator, newJournalSize, nodeName, nodeLease);
    }

    public Config withNodeName(String newNodeName) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                emulator, journalSize, newNodeName, nodeLease);
    }

    public Config withNodeLease(Duration newNodeLease) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, timerLease, rateLimit,
                emulator, journalSize, nodeName, newNodeLease);
    }

    public boolean useVirtualThreads() {
        return switch (virtualThreads) {
            case "true" -> true;
            case "false" -> false;
            default -> Runtime.version().feature() >= 24;
        };
    }
}
