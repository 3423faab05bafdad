package dev.hundred.server.templates;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static dev.hundred.server.templates.Golden.DEFAULT_SETTINGS;
import static dev.hundred.server.templates.Golden.GUEST_PERMISSIONS;
import static dev.hundred.server.templates.Golden.HOST_PERMISSIONS;
import static dev.hundred.server.templates.Golden.assertJson;
import static dev.hundred.server.templates.Golden.defaultRole;
import static dev.hundred.server.templates.Golden.withoutVolatile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates as a whole (spec §5.1-§5.5): create, overwrite by name, list, retrieve, full replace. */
class TemplateApiTest extends ApiTestBase {

    private JsonNode create(Object body) {
        Client.Response response = api.post("/v2/templates", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode defaultTemplate() {
        JsonNode page = api.get("/v2/templates").json();
        assertThat(page.path("data")).hasSize(1);
        return page.path("data").get(0);
    }

    @Test
    void roles_sent_as_empty_objects_get_every_default_filled() {
        JsonNode template = create("""
                {"name": "class", "roles": {"teacher": {}, "student": {}}}""");

        assertJson(withoutVolatile(template), """
                {"name": "class",
                 "roles": {"teacher": %s, "student": %s},
                 "settings": %s,
                 "destinations": {},
                 "plugins": {}}
                """.formatted(defaultRole("teacher", GUEST_PERMISSIONS, "teacher", "student"),
                defaultRole("student", GUEST_PERMISSIONS, "teacher", "student"), DEFAULT_SETTINGS));
    }

    @Test
    void a_template_carries_its_ids_owner_and_times_under_the_current_and_legacy_keys() {
        JsonNode template = create(Map.of("name", "keys"));
        String id = template.path("id").asText();

        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(template.path("_id").asText()).isEqualTo(id);
        assertThat(template.path("customerId").asText()).isEqualTo(api.workspace().customerId());
        assertThat(template.path("customer").asText()).isEqualTo(api.workspace().customerId());
        assertThat(template.path("appId").asText()).isEqualTo(api.workspace().id());
        assertThat(template.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z");
        assertThat(template.path("updatedAt")).isEqualTo(template.path("createdAt"));
        assertThat(template.has("default")).isFalse();
        List<String> keys = new ArrayList<>();
        template.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "name", "customerId", "appId", "roles", "settings", "destinations",
                "plugins", "createdAt", "updatedAt", "_id", "customer");
        assertThat(api.get("/v2/templates/" + id).json()).isEqualTo(template);
    }

    @Test
    void every_workspace_starts_with_a_default_template_of_host_and_guest() {
        JsonNode template = defaultTemplate();

        assertJson(withoutVolatile(template), """
                {"name": "default", "default": true,
                 "roles": {"host": %s, "guest": %s},
                 "settings": %s,
                 "destinations": {},
                 "plugins": {}}
                """.formatted(defaultRole("host", HOST_PERMISSIONS, "host", "guest"),
                defaultRole("guest", GUEST_PERMISSIONS, "host", "guest"), DEFAULT_SETTINGS));
    }

    @Test
    void a_name_is_generated_when_absent_and_must_use_the_documented_characters() {
        JsonNode unnamed = create(null);
        assertThat(unnamed.path("name").asText()).matches("template-[0-9a-f-]{36}");
        assertThat(unnamed.path("roles").size()).isZero();

        assertThat(create(Map.of("name", "Team call: v1.2_b-c")).path("name").asText()).isEqualTo("Team call: v1.2_b-c");
        assertError(api.post("/v2/templates", Map.of("name", "a/b")), 400, "Invalid body param",
                "name may contain only a-z, A-Z, 0-9, space, -, ., _ and :");
        assertError(api.post("/v2/templates", Map.of("name", "")), 400, "Invalid body param",
                "name may contain only a-z, A-Z, 0-9, space, -, ., _ and :");
        assertError(api.post("/v2/templates", Map.of("name", "x".repeat(256))), 400, "Invalid body param",
                "name must be at most 255 characters");
    }

    @Test
    void create_with_an_existing_name_overwrites_that_template_and_keeps_its_id() {
        JsonNode first = create(Map.of("name", "webinar", "roles", Map.of("host", Map.of(), "viewer", Map.of()),
                "settings", Map.of("region", "eu")));
        JsonNode second = create(Map.of("name", "webinar", "roles", Map.of("speaker", Map.of("priority", 2))));

        assertThat(second.path("id")).isEqualTo(first.path("id"));
        assertThat(second.path("createdAt")).isEqualTo(first.path("createdAt"));
        assertThat(second.path("roles").size()).isEqualTo(1);
        assertThat(second.path("roles").path("speaker").path("priority").asInt()).isEqualTo(2);
        assertThat(second.path("settings").path("region").asText()).isEqualTo("auto");
        assertThat(api.get("/v2/templates").json().path("data")).hasSize(2);
    }

    @Test
    void a_role_named_by_a_key_must_not_carry_another_name() {
        assertError(api.post("/v2/templates", Map.of("roles", Map.of("host", Map.of("name", "guest")))), 400,
                "Invalid body param", "roles.host.name must be host, the key it is filed under");
        assertError(api.post("/v2/templates", Map.of("roles", Map.of("a b", Map.of()))), 400, "Invalid body param",
                "roles.a b must be a role name of 1 to 100 characters a-z, A-Z, 0-9, _, -, . or :");
    }

    @Test
    void wrong_json_types_are_refused_with_the_field_named() {
        assertError(api.post("/v2/templates", Map.of("name", 5)), 400, "Invalid body param", "name must be a string");
        assertError(api.post("/v2/templates", Map.of("roles", List.of())), 400, "Invalid body param",
                "roles must be an object");
        assertError(api.post("/v2/templates", Map.of("roles", Map.of("host", Map.of("priority", "1")))), 400,
                "Invalid body param", "roles.host.priority must be an integer");
        assertError(api.post("/v2/templates", Map.of("roles", Map.of("host", Map.of("publishParams",
                Map.of("video", Map.of("bitRate", 1.5)))))), 400, "Invalid body param",
                "roles.host.publishParams.video.bitRate must be an integer");
        assertError(api.post("/v2/templates", Map.of("settings", Map.of("roomState", Map.of("enabled", "yes")))), 400,
                "Invalid body param", "settings.roomState.enabled must be a boolean");
        assertError(api.post("/v2/templates", "{\"name\": "), 400, "Invalid body param", "malformed JSON");
        assertError(api.post("/v2/templates", "[]"), 400, "Invalid body param", "body must be a JSON object");
    }

    @Test
    void a_refused_create_writes_nothing() {
        assertError(api.post("/v2/templates", Map.of("name", "half", "roles", Map.of("host", Map.of(),
                "guest", Map.of("priority", 9)))), 400, "Invalid body param", "roles.guest.priority must be between 1 and 5");
        assertThat(api.get("/v2/templates").json().path("data")).hasSize(1);

        JsonNode kept = create(Map.of("name", "kept", "roles", Map.of("host", Map.of())));
        assertError(api.post("/v2/templates", Map.of("name", "kept", "roles", Map.of("x", Map.of("maxPeerCount", -2)))),
                400, "Invalid body param", "roles.x.maxPeerCount must be at least -1");
        assertThat(api.get("/v2/templates/" + kept.path("id").asText()).json()).isEqualTo(kept);
    }

    @Test
    void every_broken_rule_is_named_in_one_answer() {
        assertError(api.post("/v2/templates", """
                {"name": "a/b", "roles": {"host": {"priority": 0, "maxPeerCount": -5}}, "settings": {"region": "mars"}}"""),
                400, "Invalid body param",
                "name may contain only a-z, A-Z, 0-9, space, -, ., _ and :",
                "roles.host.priority must be between 1 and 5",
                "roles.host.maxPeerCount must be at least -1",
                "settings.region must be one of in, us, eu, auto");
    }

    @Test
    void unknown_and_foreign_templates_are_not_found() {
        String id = create(Map.of("name", "mine")).path("id").asText();
        Client other = Client.forNewWorkspace(api.server());
        for (String path : List.of("", "/roles/host", "/settings", "/destinations", "/recordings")) {
            assertError(api.get("/v2/templates/000000000000000000000000" + path), 404, "Template not found");
            assertError(other.get("/v2/templates/" + id + path), 404, "Template not found");
        }
        assertError(other.post("/v2/templates/" + id, Map.of("roles", Map.of(), "settings", Map.of())), 404,
                "Template not found");
        assertError(other.post("/v2/templates/" + id + "/roles/host", Map.of()), 404, "Template not found");
        assertError(other.delete("/v2/templates/" + id + "/roles/host"), 404, "Template not found");
        assertError(other.post("/v2/templates/" + id + "/settings", Map.of()), 404, "Template not found");
        assertError(other.post("/v2/templates/" + id + "/destinations", Map.of()), 404, "Template not found");
        assertError(other.post("/v2/templates/" + id + "/recordings", List.of()), 404, "Template not found");
        assertThat(other.get("/v2/templates").json().path("data")).hasSize(1);
    }

    @Test
    void list_pages_newest_first_with_an_exclusive_cursor() {
        String oldest = defaultTemplate().path("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(0, create(Map.of("name", "t" + i)).path("id").asText());
        }
        ids.add(oldest);

        JsonNode first = api.get("/v2/templates").json();
        assertThat(first.path("limit").asInt()).isEqualTo(10);
        assertThat(first.path("data")).hasSize(10);
        assertThat(first.path("last").asText()).isEqualTo(ids.get(9));
        JsonNode second = api.get("/v2/templates?start=" + first.path("last").asText()).json();
        List<String> rest = new ArrayList<>();
        second.path("data").forEach(t -> rest.add(t.path("id").asText()));
        assertThat(rest).containsExactlyElementsOf(ids.subList(10, 12));
        JsonNode empty = api.get("/v2/templates?start=" + second.path("last").asText()).json();
        assertThat(empty.path("data").isNull()).isTrue();
        assertThat(empty.path("last").asText()).isEmpty();
        assertError(api.get("/v2/templates?limit=x"), 400, "Invalid query parameter", "limit must be an integer");
    }

    @Test
    void replace_overwrites_every_part_and_keeps_the_name_when_left_out() {
        JsonNode before = create(Map.of("name", "stage", "roles", Map.of("host", Map.of(), "guest", Map.of()),
                "settings", Map.of("region", "in"), "destinations",
                Map.of("rtmpDestinations", Map.of("yt", Map.of("rtmpUrls", List.of("rtmp://a/b"))))));
        String id = before.path("id").asText();

        JsonNode after = api.post("/v2/templates/" + id, """
                {"roles": {"guest": {}, "host": {"priority": 3}}, "settings": {"region": "us"}}""").json();

        assertThat(after.path("id").asText()).isEqualTo(id);
        assertThat(after.path("name").asText()).isEqualTo("stage");
        assertThat(after.path("createdAt")).isEqualTo(before.path("createdAt"));
        assertThat(after.path("roles").path("host").path("priority").asInt()).isEqualTo(3);
        assertThat(after.path("roles").path("host").path("subscribeParams").path("subscribeToRoles").toString())
                .isEqualTo("[\"guest\",\"host\"]");
        assertThat(after.path("settings").path("region").asText()).isEqualTo("us");
        assertThat(after.path("destinations").size()).as("destinations left out are cleared").isZero();
        assertThat(api.get("/v2/templates/" + id).json()).isEqualTo(after);

        assertThat(api.post("/v2/templates/" + id, Map.of("name", "renamed", "roles", Map.of(), "settings", Map.of()))
                .json().path("name").asText()).isEqualTo("renamed");
    }

    @Test
    void replace_needs_roles_and_settings_and_refuses_another_templates_name() {
        String id = create(Map.of("name", "one")).path("id").asText();
        create(Map.of("name", "two"));

        assertError(api.post("/v2/templates/" + id, Map.of()), 400, "Invalid body param",
                "roles is required", "settings is required");
        assertError(api.post("/v2/templates/" + id, Map.of("name", "two", "roles", Map.of(), "settings", Map.of())),
                400, "Invalid body param", "name: a template named two already exists");
        assertThat(api.get("/v2/templates/" + id).json().path("name").asText()).isEqualTo("one");
    }

    @Test
    void default_true_moves_the_workspace_default_and_rooms_follow_it() {
        String oldDefault = defaultTemplate().path("id").asText();
        JsonNode made = create(Map.of("name", "new-default", "default", true, "roles", Map.of("presenter", Map.of())));

        assertThat(made.path("default").asBoolean()).isTrue();
        assertThat(api.get("/v2/templates/" + oldDefault).json().has("default")).isFalse();
        assertThat(api.post("/v2/rooms", Map.of()).json().path("template_id").asText()).isEqualTo(made.path("id").asText());

        JsonNode back = api.post("/v2/templates/" + oldDefault, Map.of("default", true, "roles", Map.of("host", Map.of()),
                "settings", Map.of())).json();
        assertThat(back.path("default").asBoolean()).isTrue();
        assertThat(api.get("/v2/templates/" + made.path("id").asText()).json().has("default")).isFalse();
    }

    @Test
    void plugins_name_roles_of_the_template_and_captions_are_the_only_transcription_mode() {
        String plugins = """
                {"whiteboard": {"permissions": {"admin": ["host"], "writer": ["host"], "reader": ["guest"]}},
                 "transcriptions": {"permissions": {"admin": ["host"]}, "mode": "caption"}}""";
        JsonNode template = create("{\"roles\": {\"host\": {}, \"guest\": {}}, \"plugins\": " + plugins + "}");
        assertJson(template.path("plugins"), plugins);

        assertError(api.post("/v2/templates", """
                {"roles": {"host": {}}, "plugins": {"whiteboard": {"permissions": {"reader": ["guest"]}},
                 "transcriptions": {"mode": "recorded"}}}"""), 400, "Invalid body param",
                "plugins.whiteboard.permissions.reader[0] must name a role of the template, not guest",
                "plugins.transcriptions.mode must be caption");
    }
}
