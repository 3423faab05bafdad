package dev.hundred.server;

import static dev.hundred.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.auth.AppGrant;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.BesideOthers;
import dev.hundred.server.support.Cli;
import dev.hundred.server.support.Client;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token and workspace commands work on the database the server then serves. */
@BesideOthers
class CliTest {

    @Test
    void workspace_create_list_and_tokens_work_on_the_served_database() {
        String dir = Backends.freshH2Directory();
        String created = run("workspace", "create", "--db", dir, "--name", "ci", "--access-key", "ci-key", "--secret", "ci-secret");
        assertThat(created).contains("access_key=ci-key").contains("secret=ci-secret").containsPattern("app_id=[0-9a-f]{24}");
        assertThat(run("workspace", "list", "--db", dir)).contains("ci-key").doesNotContain("ci-secret");

        String management = run("token", "management", "--db", dir, "--access-key", "ci-key", "--ttl", "1h").trim();
        String app = run("token", "app", "--db", dir, "--access-key", "ci-key", "--room-id", "000000000000000000000001",
                "--role", "host", "--user-id", "alice").trim();

        try (Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(dir)).start()) {
            Client api = new Client(hundred, hundred.workspaces().byAccessKey("ci-key").orElseThrow(), management);
            JsonNode room = api.post("/v2/rooms", Map.of("name", "from-cli")).json();
            assertThat(room.path("name").asText()).isEqualTo("from-cli");
            AppGrant grant = hundred.tokens().verifyApp(app);
            assertThat(grant.roomId()).isEqualTo("000000000000000000000001");
            assertThat(grant.role()).isEqualTo("host");
            assertThat(grant.userId()).isEqualTo("alice");
        }
    }

    @Test
    void workspace_and_token_commands_work_while_another_process_serves_the_h2_directory() throws Exception {
        String dir = Backends.freshH2Directory();
        try (dev.hundred.server.support.ChildServer serving = dev.hundred.server.support.ChildServer.start(dir, List.of())) {
            String created = run("workspace", "create", "--db", dir, "--name", "beside", "--access-key", "beside-key",
                    "--secret", "beside-secret-0123456789");
            assertThat(created).contains("access_key=beside-key");
            assertThat(run("workspace", "list", "--db", dir)).contains("beside-key")
                    .contains(dev.hundred.server.support.ChildServer.ACCESS_KEY);
            String token = run("token", "management", "--db", dir, "--access-key", "beside-key").trim();
            // The serving process sees the workspace the other process made, and accepts its token.
            JsonNode rooms = serving.withToken(token).get("/v2/rooms");
            assertThat(rooms.path("limit").asInt()).isEqualTo(10);
            assertThat(serving.withToken(token).post("/v2/rooms", Map.of("name", "made-beside")).path("name").asText())
                    .isEqualTo("made-beside");
        }
    }

    @Test
    void serve_shows_the_secret_and_a_token_only_when_it_made_the_secret_or_is_told_to() throws Exception {
        try (dev.hundred.server.support.ChildServer given = dev.hundred.server.support.ChildServer.start("mem", List.of())) {
            String banner = String.join("\n", given.banner());
            assertThat(banner).contains("access key:       " + dev.hundred.server.support.ChildServer.ACCESS_KEY)
                    .doesNotContain(dev.hundred.server.support.ChildServer.SECRET).doesNotContain("management token:")
                    .contains("secret:           (not shown");
        }
        try (dev.hundred.server.support.ChildServer told = dev.hundred.server.support.ChildServer.start("mem",
                List.of("--print-credentials", "true"))) {
            assertThat(String.join("\n", told.banner())).contains(dev.hundred.server.support.ChildServer.SECRET)
                    .contains("management token: ey");
        }
        assertThat(Main.Serve.showCredentials("auto", true, false)).as("a secret this start generated").isTrue();
        assertThat(Main.Serve.showCredentials("auto", false, true)).as("a person at a terminal").isTrue();
        assertThat(Main.Serve.showCredentials("auto", false, false)).as("a given secret, to a log").isFalse();
        assertThat(Main.Serve.showCredentials("false", true, true)).isFalse();
        assertThat(Main.Serve.showCredentials("true", false, false)).isTrue();
    }

    @Test
    void serve_options_without_the_word_serve_run_serve() {
        dev.hundred.server.cli.Arguments parsed = Main.parse(Main.withCommand(new String[] {"--port", "0", "--db", "mem"}));
        assertThat(parsed.command()).isEqualTo("serve");
        assertThat(parsed.number("--port")).isZero();
        assertThat(parsed.text("--db")).isEqualTo("mem");
        assertThat(Main.withCommand(new String[0])).containsExactly("serve");
        assertThat(Main.withCommand(new String[] {"token", "management"})).containsExactly("token", "management");
        assertThat(Main.withCommand(new String[] {"--help"})).containsExactly("--help");
    }

    @Test
    void help_lists_every_command_and_each_command_its_options() {
        assertThat(Main.commands()).containsExactly("serve", "token", "workspace", "export");
        assertThat(run("--help")).contains("Usage: hundred <command>", "serve", "token", "workspace", "export", "--version");
        assertThat(run("workspace", "--help")).contains("create", "list", "update");
        assertThat(run("workspace", "update", "--help")).contains("--webhook-header", "--webhook-signing-secret");
        assertThat(run("token", "--help")).contains("<kind>", "management or app", "--ttl");
        String serve = run("serve", "--help");
        assertThat(serve).contains("--db", "--rate-limit", "--emulator true|false", "[HUNDRED_PORT]")
                .as("options only tests use").doesNotContain("--timer-lease", "--node-lease");
        assertThat(run("--version").trim()).isEqualTo(Main.VERSION);
    }

    @Test
    void a_command_line_it_cannot_run_is_refused_with_exit_2_before_anything_starts() {
        assertThat(Cli.refused("serve", "--port", "eighty")).contains("--port must be a whole number, not 'eighty'");
        assertThat(Cli.refused("serve", "--bogus", "1")).contains("unknown option '--bogus'");
        assertThat(Cli.refused("bogus")).contains("unknown command 'bogus'", "serve, token, workspace, export");
        assertThat(Cli.refused("workspace")).contains("a command is needed: create, list, update");
        assertThat(Cli.refused("token", "--db", "mem")).contains("<kind> is missing");
        assertThat(Cli.refused("serve", "--emulator", "maybe")).contains("--emulator must be true or false, not 'maybe'");
        assertThat(Cli.refused("serve", "--db", "mem", "--log-format", "xml")).contains("--log-format must be human or json");
        assertThat(Cli.refused("serve", "--db", "mem", "--webhook-timeout", "soon")).contains("--webhook-timeout");
        assertThat(Cli.refused("token", "management", "--db", "mem", "--ttl", "forever"))
                .contains("--ttl must look like 90s, 30m, 24h or 7d");
    }

    @Test
    void ttl_accepts_seconds_minutes_hours_and_days() {
        assertThat(Main.parseDuration("90s").toSeconds()).isEqualTo(90);
        assertThat(Main.parseDuration("30m").toMinutes()).isEqualTo(30);
        assertThat(Main.parseDuration("24h").toHours()).isEqualTo(24);
        assertThat(Main.parseDuration("7d").toDays()).isEqualTo(7);
    }
}
