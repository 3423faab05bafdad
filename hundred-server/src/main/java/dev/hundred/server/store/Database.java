package dev.hundred.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, JDBI and the schema. {@code --db} is {@code mem} (a throwaway H2), a directory
 * (an H2 file database in it), or a JDBC URL ({@code jdbc:postgresql://...} in production).
 */
public final class Database implements AutoCloseable {
    /**
     * LOCK_TIMEOUT: wait up to 30 s for a row lock, as PostgreSQL (no timeout by default) would in practice; H2's
     * own 2 s made requests queued on one room's row a 500 on a busy machine (found by the fuzz).
     */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";LOCK_TIMEOUT=30000";

    /**
     * Names in-memory databases, which live in this JVM alone: a count is unique enough, and a random UUID here was
     * the JDK's SecureRandom set up on the start's path before the database could begin opening (~20 ms).
     */
    private static final java.util.concurrent.atomic.AtomicLong IN_MEMORY = new java.util.concurrent.atomic.AtomicLong();

    private final SqlDialect dialect;
    private final Invalidations invalidations;
    /**
     * Pool, migrations and JDBI come up on another thread while the HTTP server starts (start-up time); then the
     * pool's meters, when {@link #measureInto} asked for them (replaced then, so that a wait covers them too).
     */
    private volatile CompletableFuture<Ready> ready;

    private record Ready(HikariDataSource dataSource, Jdbi jdbi) {}

    private Database(String url) {
        this.dialect = SqlDialect.fromUrl(url);
        this.invalidations = new Invalidations(dialect);
        // Logging is set up here, on the caller's thread, before the pool's thread logs: SLF4J set up by two
        // threads at once replays the early calls with a warning on stderr.
        LoggerFactory.getILoggerFactory();
        this.ready = CompletableFuture.supplyAsync(() -> connect(url, dialect), runnable -> {
            Thread thread = new Thread(runnable, "hundred-db-open");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static Ready connect(String url, SqlDialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("hundred");
        config.setMaximumPoolSize(dialect == SqlDialect.POSTGRES ? 10 : 16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        // Every transaction is READ COMMITTED, set once per connection by the pool. Asking JDBI for the level
        // per transaction made it read the connection's level before and after (on pgjdbc each read is a
        // SHOW TRANSACTION ISOLATION LEVEL round trip), several times per request.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Migrations.apply(dataSource, url);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(SqlStatements.class).setSqlParser(new NamedParameters()).setTemplateEngine(new DefinedAttributes());
        // Instants travel as OffsetDateTime in UTC (JDBC 4.2), the one mapping both drivers agree on
        // whatever the JVM's time zone.
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
            }
        });
        return new Ready(dataSource, jdbi);
    }

    /**
     * The pool's own meters (hikaricp_connections_*: active, idle, pending, timeouts, usage) in {@code registry}, from
     * the moment the pool is up: the database starts opening before the registry is made (start-up time). Once.
     */
    public void measureInto(io.micrometer.core.instrument.MeterRegistry registry) {
        ready = ready.thenApply(state -> {
            state.dataSource().setMetricRegistry(registry);
            return state;
        });
    }

    /** Waits until the pool is up and the schema migrated; rethrows what went wrong on the way. */
    public Database awaitReady() {
        state();
        return this;
    }

    private Ready state() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** {@link #instant(ResultSet, String)} by the column's position. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Database open(String db) {
        return new Database(jdbcUrl(db));
    }

    /** Maps the {@code --db} setting to a JDBC URL. */
    public static String jdbcUrl(String db) {
        if (db == null || db.isBlank() || db.equals("mem")) {
            return "jdbc:h2:mem:hundred-" + IN_MEMORY.incrementAndGet() + ";DB_CLOSE_DELAY=-1" + H2_MODE;
        }
        if (db.startsWith("jdbc:")) {
            return db.startsWith("jdbc:h2:") && !db.toUpperCase().contains("MODE=") ? db + H2_MODE : db;
        }
        Path file = Path.of(db).toAbsolutePath().normalize().resolve("hundred");
        // WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to 500 ms, and a SIGKILL loses them
        // (the webhook crash test caught that: a committed change and its outbox rows vanished).
        // AUTO_SERVER: a second process (hundred token, hundred workspace) reaches the database through the
        // serving process instead of failing on its file lock.
        return "jdbc:h2:file:" + file + H2_MODE + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** How a change tells every cache of it, on this node and the others, that their copies are old. */
    public Invalidations invalidations() {
        return invalidations;
    }

    public Jdbi jdbi() {
        return state().jdbi();
    }

    /**
     * Runs {@code work} in one READ COMMITTED transaction (the pool's level for every connection); an
     * exception rolls everything back.
     */
    public <R, X extends Exception> R tx(HandleCallback<R, X> work) throws X {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi().inTransaction(work);
            } catch (JdbiException e) {
                // The database rolled this transaction back to break a deadlock with another one, and says
                // to run it again: nothing of it was kept (after-commit work never ran), so running it again
                // is what the caller meant. The fuzz test's concurrent requests found such pairs.
                if (attempt == DEADLOCK_ATTEMPTS || !SqlDialect.isDeadlockVictim(e)) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000L * attempt));
            }
        }
    }

    private static final int DEADLOCK_ATTEMPTS = 4;

    /**
     * Runs {@code work} in a transaction, and once more if it broke a unique constraint: another request
     * inserted the same key between our read and our write, so the second run finds the row and takes
     * the update path (create-as-upsert) or draws another key (room codes).
     */
    public <R> R txRetryingOnUniqueViolation(HandleCallback<R, RuntimeException> work) {
        return txRetrying(2, SqlDialect::isUniqueViolation, work);
    }

    /**
     * Runs {@code work} in a transaction, and again while it fails with an error {@code again} accepts, up to
     * {@code runs} runs in all: for a failure that means another transaction got in between (nothing of the
     * failed run was kept, so running it again is what the caller meant). Deadlock victims {@link #tx}
     * already runs again by itself.
     */
    public <R> R txRetrying(int runs, java.util.function.Predicate<JdbiException> again,
                            HandleCallback<R, RuntimeException> work) {
        for (int run = 1; ; run++) {
            try {
                return tx(work);
            } catch (JdbiException e) {
                if (run >= runs || !again.test(e)) {
                    throw e;
                }
            }
        }
    }

    /** Runs a read on a pooled handle without an explicit transaction. */
    public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        return jdbi().withHandle(work);
    }

    /** What {@link #readPlain} runs on a pooled connection. */
    @FunctionalInterface
    public interface ConnectionWork<R> {
        R run(java.sql.Connection connection) throws SQLException;
    }

    /**
     * Runs a read on a pooled connection with plain JDBC, no JDBI handle: for the hottest single-row reads
     * (GET room), where JDBI's per-handle and per-statement set-up cost about as much as the database's own
     * work (JFR of a GET load). Everything else goes through {@link #read} and {@link #tx}.
     */
    public <R> R readPlain(ConnectionWork<R> work) {
        try (java.sql.Connection connection = state().dataSource().getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }

    public Handle open() {
        return jdbi().open();
    }

    @Override
    public void close() {
        try {
            state().dataSource().close();
        } catch (RuntimeException e) {
            // it never opened: nothing to close
        }
    }
}
