package dev.hundred.server.snapshot;

import static dev.hundred.server.snapshot.Workspaces.export;
import static dev.hundred.server.snapshot.Workspaces.ok;
import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.gateway.TestPeer;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Backends;
import dev.hundred.server.support.Client;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /emulator/v1/reset, GET /emulator/v1/export, POST /emulator/v1/import (docs/emulator.md). */
class SnapshotApiTest extends ApiTestBase {

    @Test
    void export_then_reset_then_import_then_export_gives_the_same_bytes() {
        Workspaces.fill(api);
        String before = export(api);

        assertThat(api.post("/emulator/v1/reset", null).json().toString()).isEqualTo("{\"reset\":true}");
        JsonNode imported = ok(api.post("/emulator/v1/import", before));

        assertThat(imported.toString()).isEqualTo(
                "{\"imported\":{\"templates\":2,\"rooms\":4,\"room_codes\":4,\"polls\":2,\"stream_keys\":3}}");
        assertThat(export(api)).isEqualTo(before);
    }

    @Test
    void the_export_holds_every_kind_with_its_ids_and_never_the_signing_secret() {
        Map<String, String> made = Workspaces.fill(api);
        String text = export(api);
        JsonNode doc = api.get("/emulator/v1/export").json();

        assertThat(doc.path("version").asInt()).isEqualTo(1);
        assertThat(doc.path("templates").size()).isEqualTo(2);
        assertThat(doc.path("templates").path(1).path("id").asText()).isEqualTo(made.get("stage"));
        assertThat(doc.path("templates").path(1).path("roles").path("speaker").path("priority").asInt()).isEqualTo(2);
        assertThat(doc.path("templates").path(1).path("destinations").path("rtmpDestinations").has("yt")).isTrue();
        assertThat(doc.path("templates").path(1).path("recordings").path(0).path("name").asText()).isEqualTo("main");
        assertThat(doc.path("templates").path(0).path("default").asBoolean()).isTrue();
        assertThat(doc.path("rooms").findValuesAsText("id")).containsExactly(made.get("alpha"), made.get("beta"),
                made.get("gamma"), made.get("delta"));
        assertThat(doc.path("rooms").path(3).path("enabled").asBoolean()).as("disabled rooms too").isFalse();
        assertThat(doc.path("rooms").path(2).path("polls").path(0).asText()).isEqualTo(made.get("poll"));
        assertThat(doc.path("room_codes").size()).isEqualTo(4);
        assertThat(doc.path("room_codes").findValuesAsText("enabled")).contains("false");
        assertThat(doc.path("polls").path(0).path("title").asText()).isEqualTo("Lunch?");
        assertThat(doc.path("stream_keys").findValuesAsText("active")).containsExactly("false", "true", "true");
        assertThat(doc.path("settings").path("emulator").path("jobs").path("start_delay_seconds").asDouble()).isEqualTo(2.0);
        assertThat(doc.path("settings").path("webhook").toString())
                .isEqualTo("{\"url\":\"http://127.0.0.1:9/hook\",\"headers\":{\"X-Team\":\"a\"},\"signed\":true}");
        assertThat(text).doesNotContain("whsec-snapshot-test").doesNotContain(api.workspace().id())
                .doesNotContain(api.workspace().customerId());
    }

    @Test
    void reset_empties_the_workspace_and_keeps_credentials_first_template_and_webhook() throws Exception {
        JsonNode newTemplates = api.get("/v2/templates").json();
        JsonNode newSettings = api.get("/emulator/v1/settings").json();
        JsonNode newExport = api.get("/emulator/v1/export").json();
        Map<String, String> made = Workspaces.fill(api);
        Map<String, String> key = Map.of("Idempotency-Key", "snap-1");
        assertThat(api.send("POST", "/v2/rooms", Map.of("name", "once"), key).status()).isEqualTo(200);
        String room = made.get("alpha");
        ok(api.post("/v2/templates/" + newTemplates.path("data").path(0).path("id").asText() + "/settings",
                Map.of("region", "eu"))); // the first template changed: reset puts it back
        ok(api.post("/emulator/v1/rooms/" + room + "/peers", Map.of("role", "host", "name", "Ann")));
        ok(api.post("/emulator/v1/faults", Map.of("path", "/v2/nothing/*", "status", 503)));
        ok(api.post("/v2/recordings/room/" + room + "/start", Map.of("meeting_url", "https://example.com/m")));
        Client other = Client.forNewWorkspace(api.server());
        Workspaces.fill(other);
        String otherBefore = export(other);
        String token = api.server().tokens().app(api.workspace(), made.get("beta"), "speaker", "u1", Duration.ofHours(1));
        try (TestPeer peer = TestPeer.connect(api.server(), token)) {
            peer.join("Bob");

            ok(api.post("/emulator/v1/reset", null));

            TestPeer.Closed closed = peer.awaitClose();
            assertThat(closed.code()).isEqualTo(4000);
            assertThat(closed.reason()).isEqualTo("workspace reset");
        }
        assertThat(api.get("/emulator/v1/requests").json().path("requests").size()).as("journal forgotten").isZero();
        assertThat(api.get("/v2/templates").json()).as("the first template, as new").isEqualTo(newTemplates);
        ObjectNode exported = (ObjectNode) api.get("/emulator/v1/export").json();
        ((ObjectNode) exported.path("settings")).set("webhook", newExport.path("settings").path("webhook"));
        assertThat(exported).as("nothing but the webhook differs from a new workspace").isEqualTo(newExport);
        assertThat(api.get("/emulator/v1/settings").json()).isEqualTo(newSettings);
        for (String list : new String[] {"/v2/rooms", "/v2/rooms?enabled=false", "/v2/sessions", "/v2/recordings",
                "/v2/polls", "/v2/recording-assets"}) {
            Client.Response response = api.get(list);
            if (response.status() == 200 && response.json().has("data")) {
                assertThat(response.json().path("data").isNull()).as(list + ": " + response.text()).isTrue();
            }
        }
        assertError(api.get("/v2/rooms/" + room), 404, "Room not found");
        assertThat(api.get("/emulator/v1/faults").json().path("faults").size()).isZero();
        assertThat(api.get("/emulator/v1/events").json().path("events").findValuesAsText("type")).isEmpty();
        JsonNode webhook = api.get("/emulator/v1/webhook").json();
        assertThat(webhook.path("url").asText()).as("settings kept").isEqualTo("http://127.0.0.1:9/hook");
        assertThat(webhook.path("signed").asBoolean()).isTrue();
        assertThat(export(other)).as("another workspace untouched").isEqualTo(otherBefore);
        assertThat(rowsLeft(api.workspace().id())).as("rows of the workspace left in tables that have a workspace_id")
                .containsOnlyKeys("templates", "workspace_webhooks").containsEntry("templates", 1);
        // still the same workspace, with a new one's contents: it works as before, its idempotency keys forgotten
        ok(api.post("/v2/rooms", Map.of("name", "alpha")));
        Client.Response again = api.send("POST", "/v2/rooms", Map.of("name", "other-body"), key);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("name").asText()).isEqualTo("other-body");
    }

    @Test
    void import_refuses_a_workspace_that_is_not_new_and_changes_nothing() {
        Workspaces.fill(api);
        String doc = export(api);
        assertError(api.post("/emulator/v1/import", doc), 409, "Workspace not empty",
                "the workspace has 4 rooms, 2 polls, 3 stream keys, 2 templates: import loads into a new workspace"
                        + " (POST /emulator/v1/reset empties this one)");
        assertThat(export(api)).isEqualTo(doc);
    }

    @Test
    void import_refuses_ids_of_another_workspace() {
        Workspaces.fill(api);
        Client other = Client.forNewWorkspace(api.server());
        String otherNew = export(other);
        JsonNode doc = api.get("/emulator/v1/export").json();

        assertError(other.post("/emulator/v1/import", doc.toString()), 409, "Id already used",
                "templates[0].id: " + doc.path("templates").path(0).path("id").asText() + " belongs to another workspace");
        assertThat(export(other)).as("all or nothing: its own template is still there").isEqualTo(otherNew);
    }

    @Test
    void a_document_loads_into_a_workspace_of_another_server() {
        Workspaces.fill(api);
        String doc = export(api);
        Client other = Client.forNewWorkspace(Backends.own("SnapshotApiTest-elsewhere", backend));

        ok(other.post("/emulator/v1/import", doc));

        assertThat(export(other)).as("the same, but for the signing secret that stayed behind")
                .isEqualTo(doc.replace("\"signed\":true", "\"signed\":false"));
        assertThat(other.get("/v2/rooms/" + other.get("/emulator/v1/export").json().path("rooms").path(1).path("id")
                .asText()).json().path("app_id").asText()).isEqualTo(other.workspace().id());
        assertThat(other.get("/emulator/v1/webhook").json().path("signed").asBoolean())
                .as("the secret is not in the document, and the new workspace had none").isFalse();
    }

    @Test
    void bad_documents_are_400_with_the_field_named_and_change_nothing() {
        String before = export(api);
        ObjectNode good = (ObjectNode) api.get("/emulator/v1/export").json();
        good.withArray("rooms").addObject().put("id", "64b7c7e4f1a2b3c4d5e6f701").put("name", "r")
                .put("template_id", good.path("templates").path(0).path("id").asText())
                .put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z");

        assertError(api.post("/emulator/v1/import", "{\"version\": 1, "), 400, "Invalid body param");
        assertError(api.post("/emulator/v1/import", "[]"), 400, "Invalid body param", "body must be a JSON object");
        assertError(api.post("/emulator/v1/import", "{\"version\": \"1\"}"), 400, "Invalid body param");
        assertError(api.post("/emulator/v1/import", "{}"), 400, "Invalid body param", "version is required");
        assertError(api.post("/emulator/v1/import", good.deepCopy().put("version", 2).toString()), 400,
                "Invalid body param", "version must be 1 (this server reads version 1 documents), not 2");
        assertError(api.post("/emulator/v1/import", with(good, "rooms", 0, "size", "ten")), 400, "Invalid body param");
        assertError(api.post("/emulator/v1/import", with(good, "rooms", 0, "id", "nope")), 400, "Invalid body param",
                "rooms[0].id must be 24 lowercase hex characters");
        assertError(api.post("/emulator/v1/import", with(good, "rooms", 0, "size", -1)), 400, "Invalid body param");
        assertError(api.post("/emulator/v1/import", with(good, "rooms", 0, "template_id", "64b7c7e4f1a2b3c4d5e6f7ff")),
                400, "Invalid body param", "rooms[0]: Error: template not found");
        ObjectNode twice = good.deepCopy();
        twice.withArray("rooms").add(twice.path("rooms").path(0).deepCopy());
        assertError(api.post("/emulator/v1/import", twice.toString()), 400, "Invalid body param",
                "rooms[1].id is 64b7c7e4f1a2b3c4d5e6f701, as rooms[0].id is: each must be unique");
        ObjectNode badRole = good.deepCopy();
        ((ObjectNode) badRole.path("templates").path(0).path("roles").path("host")).put("priority", "high");
        assertError(api.post("/emulator/v1/import", badRole.toString()), 400, "Invalid body param",
                "templates[0].roles.host.priority must be an integer");
        ObjectNode badRule = good.deepCopy();
        ((ObjectNode) badRule.path("templates").path(0).path("roles").path("host")).put("priority", -5);
        assertError(api.post("/emulator/v1/import", badRule.toString()), 400, "Invalid body param",
                "templates[0]: roles.host.priority must be between 1 and 5");
        ObjectNode badCode = good.deepCopy();
        badCode.withArray("room_codes").addObject().put("id", "64b7c7e4f1a2b3c4d5e6f702").put("code", "abc-defg-hij")
                .put("room_id", "64b7c7e4f1a2b3c4d5e6f701").put("role", "nobody")
                .put("created_at", "2026-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z");
        assertError(api.post("/emulator/v1/import", badCode.toString()), 400, "Invalid body param",
                "room_codes[0]: Role not found: role nobody is not in the room's template");
        ObjectNode badSettings = good.deepCopy();
        ((ObjectNode) badSettings.path("settings").path("emulator")).putObject("nosuch");
        assertThat(api.post("/emulator/v1/import", badSettings.toString()).status()).isEqualTo(400);

        assertThat(export(api)).as("nothing changed").isEqualTo(before);
        ok(api.post("/emulator/v1/import", good.toString())); // the good one, once the workspace is new: loads
        assertThat(api.get("/v2/rooms/64b7c7e4f1a2b3c4d5e6f701").json().path("name").asText()).isEqualTo("r");
    }

    /**
     * Every table with a workspace_id column (what a feature added later has too), and how many rows of the
     * workspace it holds, where there are any; the workspace's own row and its inbox counter are meant to stay.
     */
    private Map<String, Integer> rowsLeft(String workspaceId) {
        return api.server().database().read(h -> {
            Map<String, Integer> left = new java.util.TreeMap<>();
            java.util.List<String> tables = h.createQuery("SELECT table_name FROM information_schema.columns WHERE"
                    + " column_name = 'workspace_id' AND table_schema = CURRENT_SCHEMA").mapTo(String.class).list();
            assertThat(tables).as("the schema query sees the tables").contains("rooms", "sessions", "timers").hasSizeGreaterThan(25);
            for (String table : tables) {
                if (table.equals("emulator_event_counters")) {
                    continue;
                }
                int n = h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE workspace_id = :ws")
                        .bind("ws", workspaceId).mapTo(Integer.class).one();
                if (n > 0) {
                    left.put(table, n);
                }
            }
            return left;
        });
    }

    private static String with(ObjectNode doc, String list, int index, String field, Object value) {
        ObjectNode copy = doc.deepCopy();
        ObjectNode entry = (ObjectNode) copy.path(list).path(index);
        if (value instanceof Integer n) {
            entry.put(field, n);
        } else {
            entry.put(field, (String) value);
        }
        return copy.toString();
    }
}
