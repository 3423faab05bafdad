package dev.hundred.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.support.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up skips Flyway when the schema is current and runs the scripts itself on a throwaway in-memory H2;
 * both must leave the same schema Flyway would, and a database behind the bundled scripts still gets Flyway.
 */
class MigrationsTest {
    private static final String SCHEMA = "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
            + " || is_nullable || ' ' || COALESCE(column_default, '') FROM information_schema.columns"
            + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"
            // names H2 makes up (PRIMARY_KEY_xx, CONSTRAINT_INDEX_xx) differ from run to run: only their count counts
            + " UNION ALL SELECT table_name || ' index ' || CASE WHEN index_name = UPPER(index_name) THEN 'generated'"
            + " ELSE index_name END FROM information_schema.indexes"
            + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY 1";

    @Test
    void every_script_in_the_resources_is_listed_in_version_order() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        List<Migrations.Script> bundled = Migrations.bundled();

        assertThat(bundled.stream().map(Migrations.Script::name).sorted().toList()).isEqualTo(files);
        assertThat(bundled.stream().map(Migrations.Script::version).toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void the_in_memory_database_gets_the_schema_flyway_makes() {
        try (Database mem = Database.open("mem").awaitReady();
             Database file = Database.open(Backends.freshH2Directory()).awaitReady()) {
            List<String> scripted = mem.read(h -> h.createQuery(SCHEMA).mapTo(String.class).list());
            List<String> migrated = file.read(h -> h.createQuery(SCHEMA).mapTo(String.class).list());

            assertThat(scripted).hasSizeGreaterThan(100).isEqualTo(migrated);
        }
    }

    @Test
    void a_current_schema_is_not_migrated_again_and_one_behind_is() {
        String dir = Backends.freshH2Directory();
        try (Database first = Database.open(dir).awaitReady()) {
            // A checksum Flyway would refuse: proof that the next start does not run Flyway's validation.
            first.read(h -> h.execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '1'"));
        }
        try (Database second = Database.open(dir).awaitReady()) {
            int rooms = second.read(h -> h.createQuery("SELECT COUNT(*) FROM rooms").mapTo(Integer.class).one());
            assertThat(rooms).isZero();
            int latest = Migrations.bundled().get(Migrations.bundled().size() - 1).version();
            second.read(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = ?", String.valueOf(latest)));
        }
        // One version missing from the history: Flyway runs, and its validation finds the checksum.
        assertThatThrownBy(() -> Database.open(dir).awaitReady()).hasMessageContaining("checksum");
    }
}
