package dev.hundred.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date at start-up without paying for Flyway when there is nothing to do: Flyway
 * (some 400 classes, a classpath scan, a validation pass) takes about half a second of a cold start.
 * <ul>
 *   <li>A database whose history already lists every bundled migration is left as it is.</li>
 *   <li>A fresh in-memory H2 ({@code --db mem}, never reopened by anyone) runs the scripts itself, in
 *       version order: there is no history worth keeping for a database that dies with the process. A schema
 *       another server in this JVM already made (tests run two nodes on one in-memory database) is left
 *       as it is: the same jar's scripts made it.</li>
 *   <li>Anything else goes through Flyway as always (new migrations, a new database on disk or PostgreSQL).</li>
 * </ul>
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__[^/]*\\.sql");

    /** One bundled migration script: its version and its name under {@link #LOCATION}. */
    record Script(int version, String name) {}

    private Migrations() {}

    static void apply(DataSource dataSource, String jdbcUrl) {
        List<Script> scripts = bundled();
        if (scripts.isEmpty()) {
            flyway(dataSource);   // the scripts could not be listed here: Flyway finds them its own way
        } else if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
            runScripts(dataSource, scripts);
        } else if (!applied(dataSource).containsAll(scripts.stream().map(Script::version).toList())) {
            flyway(dataSource);
        }
    }

    private static void flyway(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION).load().migrate();
    }

    /** The migration scripts in the jar (or in target/classes when run from the build), lowest version first. */
    static List<Script> bundled() {
        URL location = Migrations.class.getClassLoader().getResource(LOCATION);
        List<Script> scripts = new ArrayList<>();
        if (location == null) {
            return scripts;
        }
        try {
            if (location.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    file.stream().map(e -> e.getName()).filter(n -> n.startsWith(LOCATION + "/"))
                            .forEach(n -> add(scripts, n.substring(LOCATION.length() + 1)));
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    files.forEach(p -> add(scripts, p.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        scripts.sort(Comparator.comparingInt(Script::version));
        return scripts;
    }

    private static void add(List<Script> scripts, String name) {
        Matcher m = SCRIPT.matcher(name);
        if (m.matches()) {
            scripts.add(new Script(Integer.parseInt(m.group(1)), name));
        }
    }

    /** The versions Flyway recorded as applied; none when there is no history table yet. */
    private static Set<Integer> applied(DataSource dataSource) {
        Set<Integer> versions = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                while (rs.next()) {
                    versions.add(Integer.parseInt(rs.getString(1)));
                }
            }
        } catch (SQLException | NumberFormatException e) {
            return Set.of();   // no history table (a new database) or one we do not read: Flyway decides
        }
        return versions;
    }

    /** Runs every script on a fresh in-memory H2, each with H2's own RUNSCRIPT, in one transaction. */
    private static synchronized void runScripts(DataSource dataSource, List<Script> scripts) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (java.sql.ResultSet made = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE LOWER(TABLE_NAME) = 'workspaces'")) {
                if (made.next() && made.getInt(1) > 0) {
                    return; // made by another server of this JVM on the same in-memory database
                }
            }
            c.setAutoCommit(false);
            for (Script script : scripts) {
                s.execute("RUNSCRIPT FROM 'classpath:/" + LOCATION + "/" + script.name() + "'");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("migrating the in-memory database failed: " + e.getMessage(), e);
        }
    }
}
