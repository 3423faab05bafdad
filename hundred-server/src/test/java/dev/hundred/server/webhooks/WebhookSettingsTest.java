package dev.hundred.server.webhooks;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hundred.server.Config;
import dev.hundred.server.Hundred;
import dev.hundred.server.Main;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import dev.hundred.server.workspaces.Workspace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workspace webhook: POST/GET/DELETE /emulator/v1/webhook and {@code hundred workspace update}. */
class WebhookSettingsTest extends ApiTestBase {

    @Test
    void the_emulator_sets_reads_and_removes_the_workspace_webhook() {
        assertError(api.get("/emulator/v1/webhook"), 404, "Webhook not configured");
        Map<String, Object> settings = Map.of("url", "http://127.0.0.1:9/hook", "headers", Map.of("Authorization", "Basic eDp5"),
                "signing_secret", "whsec_c2VjcmV0");
        Client.Response set = api.post("/emulator/v1/webhook", settings);
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        Map<String, Object> shown = Map.of("url", "http://127.0.0.1:9/hook", "headers", Map.of("Authorization", "Basic eDp5"),
                "signed", true); // the secret itself is never answered back
        assertThat(set.json()).isEqualTo(Client.JSON.valueToTree(shown));
        assertThat(api.get("/emulator/v1/webhook").json()).isEqualTo(Client.JSON.valueToTree(shown));
        assertThat(api.get("/emulator/v1/webhook").text()).doesNotContain("whsec_c2VjcmV0");

        Client.Response unsigned = api.post("/emulator/v1/webhook", Map.of("url", "https://example.test/h"));
        assertThat(unsigned.json()).isEqualTo(Client.JSON.valueToTree(Map.of("url", "https://example.test/h", "headers", Map.of(),
                "signed", false)));

        assertError(Client.forNewWorkspace(api.server()).get("/emulator/v1/webhook"), 404, "Webhook not configured");
        assertThat(api.delete("/emulator/v1/webhook").status()).isEqualTo(204);
        assertError(api.get("/emulator/v1/webhook"), 404, "Webhook not configured");
    }

    /**
     * Every event's destination comes from a cache (webhooks/WebhookTargets): a change of the workspace webhook,
     * or of a room's own, made on this node takes effect at the very next event.
     */
    @Test
    void a_changed_webhook_is_used_from_the_next_event() {
        try (Receiver first = Receiver.ok(); Receiver second = Receiver.ok()) {
            api.post("/emulator/v1/webhook", Map.of("url", first.url()));
            String room = api.post("/v2/rooms", Map.of("name", "hooked")).json().path("id").asText();
            first.awaitJoin(join(room, "one"));
            api.post("/emulator/v1/webhook", Map.of("url", second.url()));
            second.awaitJoin(join(room, "two"));
            assertThat(api.post("/v2/rooms/" + room, Map.of("webhook", Map.of("url", first.url()))).status()).isEqualTo(200);
            first.awaitJoin(join(room, "three")); // the room's own wins
            assertThat(api.post("/v2/rooms/" + room, Map.of("webhook", Map.of("url", second.url()))).status()).isEqualTo(200);
            second.awaitJoin(join(room, "four"));
        }
    }

    private String join(String room, String name) {
        Client.Response joined = api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", name));
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        return joined.json().path("id").asText();
    }

    @Test
    void bad_settings_are_refused() {
        assertError(api.post("/emulator/v1/webhook", Map.of()), 400, "Invalid body param", "url is required");
        assertError(api.post("/emulator/v1/webhook", Map.of("url", "ftp://x/y")), 400, "Invalid body param",
                "url must be an http or https URL");
        assertError(api.post("/emulator/v1/webhook", Map.of("url", "http://x/y", "headers", Map.of("Bad Name", "v"))), 400,
                "Invalid body param", "headers: Bad Name is not a valid header name");
        assertError(api.post("/emulator/v1/webhook", Map.of("url", "http://x/y", "headers", Map.of("X", 1))), 400,
                "Invalid body param", "headers.X must be a string");
        assertError(api.withToken("not-a-token").post("/emulator/v1/webhook", Map.of("url", "http://x/y")), 401,
                "Token validation error");
    }

    @Test
    void the_cli_updates_a_workspace_webhook_in_the_database() {
        if (!backend.equals(Backends.H2)) {
            return; // the CLI opens the database itself; one back end is enough
        }
        String dir = Backends.freshH2Directory();
        Workspace ws;
        try (Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(dir))) {
            ws = hundred.workspaces().create("cli", "cli-key", null);
        }
        int code = Main.run("workspace", "update", "--db", dir, "--access-key", "cli-key",
                "--webhook-url", "http://127.0.0.1:9/cli", "--webhook-header", "X-One: 1", "--webhook-header", "X-Two: two words",
                "--webhook-signing-secret", "s3");
        assertThat(code).isZero();
        try (Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(dir))) {
            assertThat(hundred.webhooks().settings().get(ws)).contains(
                    new WebhookSettings("http://127.0.0.1:9/cli", Map.of("X-One", "1", "X-Two", "two words"), "s3"));
        }
        assertThat(Main.run("workspace", "update", "--db", dir, "--access-key", "cli-key",
                "--webhook-signing-secret", "")).isZero();
        try (Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(dir))) {
            assertThat(hundred.webhooks().settings().get(ws)).contains(
                    new WebhookSettings("http://127.0.0.1:9/cli", Map.of("X-One", "1", "X-Two", "two words"), null));
        }
        assertThat(Main.run("workspace", "update", "--db", dir, "--access-key", "cli-key",
                "--webhook-url", "")).isZero();
        try (Hundred hundred = new Hundred(Config.defaults().withPort(0).withDb(dir))) {
            assertThat(hundred.webhooks().settings().get(ws)).isEmpty();
        }
    }
}
