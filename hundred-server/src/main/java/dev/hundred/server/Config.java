package dev.hundred.server;

/**
 * Every setting, already resolved (flag > environment variable > default, see {@link Main}).
 *
 * @param db             {@code mem}, a directory for H2 files, or a JDBC URL
 * @param accessKey      the default workspace's access key, or null to keep or generate one
 * @param secret         the default workspace's secret, or null to keep or generate one
 * @param virtualThreads true, false or auto (on when the JDK is 24 or newer: no pinning on synchronized)
 */
public record Config(String host, int port, String db, String accessKey, String secret, String virtualThreads) {

    public static Config defaults() {
        return new Config("127.0.0.1", 8080, "./data", null, null, "auto");
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, db, accessKey, secret, virtualThreads);
    }

    public Config withDb(String newDb) {
        return new Config(host, port, newDb, accessKey, secret, virtualThreads);
    }

    public boolean useVirtualThreads() {
        return switch (virtualThreads) {
            case "true" -> true;
            case "false" -> false;
            default -> Runtime.version().feature() >= 24;
        };
    }
}
