package dev.hundred.server.snapshot;

import static dev.hundred.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.ChildServer;
import dev.hundred.server.support.Client;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hundred export} from a database being served, and {@code serve --seed} at start, with the real process. */
@BesideOthers
class SnapshotCliTest {

    @Test
    void export_writes_what_the_api_answers_while_another_process_serves_the_h2_directory() throws Exception {
        String dir = Backends.freshH2Directory();
        Path out = Files.createTempFile("hundred-export", ".json");
        try (ChildServer serving = ChildServer.start(dir, List.of())) {
            serving.post("/v2/rooms", java.util.Map.of("name", "served"));
            serving.post("/v2/templates", "{\"name\": \"stage\", \"roles\": {\"speaker\": {}}}");
            HttpResponse<String> exported = serving.send("GET", "/emulator/v1/export", null);
            assertThat(exported.statusCode()).isEqualTo(200);

            run("export", "--db", dir, "--access-key", ChildServer.ACCESS_KEY, "--out", out.toString());
            assertThat(Files.readString(out)).isEqualTo(exported.body());
            assertThat(run("export", "--db", dir)).as("the default workspace, on stdout")
                    .isEqualTo(exported.body() + System.lineSeparator());
        }
    }

    @Test
    void seed_imports_into_a_new_default_workspace_and_leaves_one_with_content_alone() throws Exception {
        String doc;
        try (Hundred source = new Hundred(Config.defaults().withPort(0).withDb("mem")).start()) {
            Client api = Client.forNewWorkspace(source);
            Workspaces.fill(api);
            doc = Workspaces.export(api);
        }
        Path seed = Files.createTempFile("hundred-seed", ".json");
        Files.writeString(seed, doc);
        String dir = Backends.freshH2Directory();

        try (ChildServer seeded = ChildServer.start(dir, List.of("--seed", seed.toString()))) {
            assertThat(seeded.banner()).contains("  seed:             imported " + seed);
            assertThat(seeded.send("GET", "/emulator/v1/export", null).body()).as("the secret is not in the document")
                    .isEqualTo(doc.replace("\"signed\":true", "\"signed\":false"));
            seeded.post("/v2/rooms", java.util.Map.of("name", "made-after"));
        }
        try (ChildServer again = ChildServer.start(dir, List.of("--seed", seed.toString()))) {
            assertThat(again.banner()).contains("  seed:             not imported: the default workspace is not new (" + seed + ")");
            assertThat(again.get("/v2/rooms?name=made-after").path("data").size()).isEqualTo(1);
        }
    }

    @Test
    void a_bad_seed_stops_the_start_with_the_reason() throws Exception {
        Path seed = Files.createTempFile("hundred-seed", ".json");
        Files.writeString(seed, "{\"version\": 7, \"templates\": []}");
        assertThatThrownBy(() -> ChildServer.start("mem", List.of("--seed", seed.toString())))
                .hasMessageContaining("server exited before listening")
                .hasMessageContaining("--seed " + seed + ": Invalid body param: version must be 1");
    }
}
