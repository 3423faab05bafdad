package dev.hundred.server;

import dev.hundred.server.emulator.RequestJournal;
import dev.hundred.server.webhooks.WebhookOptions;

/**
 * Every setting, already resolved (flag > environment variable > default, see {@link Main}).
 *
 * @param db             {@code mem}, a directory for H2 files, or a JDBC URL
 * @param accessKey      the default workspace's access key, or null to keep or generate one
 * @param secret         the default workspace's secret, or null to keep or generate one
 * @param virtualThreads true, false or auto (on when the JDK is 24 or newer: no pinning on synchronized)
 * @param webhooks       retry schedule, attempt timeout and concurrency of webhook deliveries
 * @param publicUrl      the base URL clients reach this server at (links in webhooks), or null for the
 *                       address it listens on
 * @param journalSize    how many requests the emulator's request journal keeps per workspace (0: none)
 */
public record Config(String host, int port, String db, String accessKey, String secret, String virtualThreads,
                     WebhookOptions webhooks, String publicUrl, int journalSize) {

    public Config(String host, int port, String db, String accessKey, String secret, String virtualThreads) {
        this(host, port, db, accessKey, secret, virtualThreads, WebhookOptions.defaults(), null);
    }

    public Config(String host, int port, String db, String accessKey, String secret, String virtualThreads,
                  WebhookOptions webhooks, String publicUrl) {
        this(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, RequestJournal.DEFAULT_SIZE);
    }

    public static Config defaults() {
        return new Config("127.0.0.1", 8080, "./data", null, null, "auto");
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, db, accessKey, secret, virtualThreads, webhooks, publicUrl, journalSize);
    }

    public Config withDb(String newDb) {
        return new Config(host, port, newDb, accessKey, secret, virtualThreads, webhooks, publicUrl, journalSize);
    }

    public Config withWebhooks(WebhookOptions newWebhooks) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, newWebhooks, publicUrl, journalSize);
    }

    public Config withPublicUrl(String newPublicUrl) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, newPublicUrl, journalSize);
    }

    public Config withJournalSize(int newJournalSize) {
        return new Config(host, port, db, accessKey, secret, virtualThreads, webhooks, publicUrl, newJournalSize);
    }

    public boolean useVirtualThreads() {
        return switch (virtualThreads) {
            case "true" -> true;
            case "false" -> false;
            default -> Runtime.version().feature() >= 24;
        };
    }
}
