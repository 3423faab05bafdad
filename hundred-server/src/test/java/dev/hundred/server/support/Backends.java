package dev.hundred.server.support;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The storage back ends every API test runs on: H2 in memory and a real PostgreSQL (embedded, from
 * Maven, so any Linux machine runs it). One server per back end is shared by the whole test JVM; tests
 * stay apart because each works in a workspace of its own.
 */
public final class Backends {
    public static final String H2 = "h2";
    public static final String POSTGRES = "postgres";

    private static final Map<String, Hundred> SERVERS = new ConcurrentHashMap<>();
    private static EmbeddedPostgres postgres;
    /** What closes when the test JVM exits, servers first, then the embedded PostgreSQL they run on. */
    private static final java.util.List<AutoCloseable> AT_EXIT = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // One hook, in order: JVM shutdown hooks run all at once, and a server's hook that ran while the
        // embedded PostgreSQL's hook had already stopped it waited on its pool past Surefire's 30 s.
        Runtime.getRuntime().addShutdownHook(new Thread(Backends::closeAll, "backends-exit"));
    }

    /** Closes {@code server} (anything) when the test JVM exits, before the embedded PostgreSQL stops. */
    public static void closeAtExit(AutoCloseable server) {
        AT_EXIT.add(server);
    }

    private static void closeAll() {
        java.util.List<Thread> closing = new java.util.ArrayList<>();
        for (AutoCloseable c : AT_EXIT) {
            Thread t = new Thread(() -> {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }, "backends-close");
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EmbeddedPostgres pg;
        synchronized (Backends.class) {
            pg = postgres;
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
        }
    }

    private Backends() {}

    /** The shared running server for {@code backend}. */
    public static Hundred server(String backend) {
        return SERVERS.computeIfAbsent(backend, b -> {
            Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(freshDb(b))).start();
            closeAtExit(hundred);
            return hundred;
        });
    }

    /**
     * A server of its own on an empty database of {@code backend}, for a test that moves the server clock
     * (which every workspace of a shared server would feel); the caller closes it.
     */
    public static Hundred fresh(String backend) {
        return new Hundred(Config.defaults().withPort(0).withDb(freshDb(backend))).start();
    }

    private static final Map<String, Hundred> OWN = new ConcurrentHashMap<>();

    /**
     * A server of {@code owner}'s own (a test class, or a few that share one) on {@code backend}, for tests
     * that move the clock or need other settings: made once, from the defaults with {@code configure}
     * applied, given {@code setUp} (subscribers a test records with), closed when the test JVM exits.
     */
    public static Hundred own(String owner, String backend, UnaryOperator<Config> configure, Consumer<Hundred> setUp) {
        return OWN.computeIfAbsent(owner + "/" + backend, k -> {
            Hundred hundred = new Hundred(configure.apply(Config.defaults().withPort(0).withDb(freshDb(backend)))).start();
            setUp.accept(hundred);
            closeAtExit(hundred);
            return hundred;
        });
    }

    public static Hundred own(String owner, String backend) {
        return own(owner, backend, c -> c, s -> { });
    }

    /** A {@code --db} value naming an empty database on {@code backend}. */
    public static String freshDb(String backend) {
        return switch (backend) {
            case H2 -> "mem";
            case POSTGRES -> freshPostgresUrl();
            default -> throw new IllegalArgumentException(backend);
        };
    }

    /** An H2 file database in a new temporary directory. */
    public static String freshH2Directory() {
        try {
            return java.nio.file.Files.createTempDirectory("hundred-h2").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized String freshPostgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start(); // stopped by closeAll, after the servers
            }
            String name = "hundred_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
