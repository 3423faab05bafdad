package dev.hundred.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.workspaces.Workspace;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What was written before a restart is there after it, on the H2 file database and on PostgreSQL. */
class RestartTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2-file", Backends.POSTGRES})
    void rooms_and_credentials_survive_a_restart(String backend) {
        String db = backend.equals("h2-file") ? Backends.freshH2Directory() : Backends.freshPostgresUrl();
        Config config = Config.defaults().withPort(0).withDb(db).withCredentials("restart-key", "restart-secret");

        JsonNode before;
        try (Hundred first = new Hundred(config).start()) {
            Workspace ws = first.defaultWorkspace();
            Client api = new Client(first, ws, first.tokens().management(ws, Duration.ofHours(1)));
            before = api.post("/v2/rooms", Map.of("name", "durable", "description", "kept")).json();
        }

        try (Hundred second = new Hundred(config.withPort(0)).start()) {
            Workspace ws = second.defaultWorkspace();
            assertThat(ws.accessKey()).isEqualTo("restart-key");
            Client api = new Client(second, ws, second.tokens().management(ws, Duration.ofHours(1)));
            JsonNode after = api.get("/v2/rooms/" + before.path("id").asText()).json();
            assertThat(after).isEqualTo(before);
            assertThat(api.get("/v2/rooms").json().path("data")).hasSize(1);
        }
    }
}
