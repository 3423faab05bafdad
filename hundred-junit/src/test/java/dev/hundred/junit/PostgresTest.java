package dev.hundred.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.client.HmsClient;
import dev.hundred.client.model.Peer;
import dev.hundred.client.model.Room;
import dev.hundred.client.param.RoomCreateParams;
import dev.hundred.client.param.RoomListParams;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same server on a real PostgreSQL (embedded, from Maven): the client, paging and the emulator on it. */
class PostgresTest {
    @Test
    void aServerOnPostgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE hundred_junit");
            }
            try (HundredServer hundred = HundredServer.start(pg.getJdbcUrl("postgres", "hundred_junit"))) {
                HmsClient hms = hundred.client();
                for (int i = 0; i < 12; i++) {
                    hms.rooms().create(RoomCreateParams.builder().name("pg-" + i).build());
                }
                assertThat(hms.rooms().list(RoomListParams.builder().limit(10).build()).stream().map(Room::name))
                        .hasSize(12).doesNotHaveDuplicates();
                Room room = hms.rooms().retrieveByName("pg-3");
                Peer ann = hundred.emulator().join(room.id(), "host", "ann");
                assertThat(hundred.events().await("peer.join.success", Duration.ofSeconds(10)).peerId()).isEqualTo(ann.id());
            }
        }
    }
}
