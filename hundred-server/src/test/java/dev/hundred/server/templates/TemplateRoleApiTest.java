package dev.hundred.server.templates;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static dev.hundred.server.templates.Golden.GUEST_PERMISSIONS;
import static dev.hundred.server.templates.Golden.assertJson;
import static dev.hundred.server.templates.Golden.defaultRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The role sub-resource (spec §5.6): retrieve, create or update, rename, delete. */
class TemplateRoleApiTest extends ApiTestBase {
    private String id;
    private String roles;

    @BeforeEach
    void newTemplate() {
        Client.Response response = api.post("/v2/templates", """
                {"name": "roles", "roles": {"host": {}, "guest": {"subscribeParams": {"subscribeToRoles": ["host"]}}},
                 "plugins": {"whiteboard": {"permissions": {"admin": ["host"], "reader": ["guest"]}}}}""");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        id = response.json().path("id").asText();
        roles = "/v2/templates/" + id + "/roles/";
    }

    private JsonNode template() {
        return api.get("/v2/templates/" + id).json();
    }

    private List<String> roleNames() {
        List<String> names = new ArrayList<>();
        template().path("roles").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void retrieve_returns_the_role_with_its_name() {
        Client.Response response = api.get(roles + "host");
        assertThat(response.status()).isEqualTo(200);
        assertJson(response.json(), defaultRole("host", GUEST_PERMISSIONS, "host", "guest"));
        assertError(api.get(roles + "nobody"), 404, "Role not found");
    }

    @Test
    void posting_a_new_role_creates_it_with_defaults_subscribed_to_every_role() {
        Client.Response response = api.post(roles + "viewer", Map.of());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertJson(response.json(), defaultRole("viewer", GUEST_PERMISSIONS, "host", "guest", "viewer"));
        assertThat(roleNames()).containsExactly("host", "guest", "viewer");
        assertThat(template().path("roles").path("viewer")).isEqualTo(response.json());
    }

    @Test
    void posting_an_existing_role_replaces_it_and_fills_what_is_left_out() {
        JsonNode role = api.post(roles + "guest", """
                {"priority": 4, "permissions": {"pollRead": true}, "publishParams": {"video": {"bitRate": 500}}}""").json();

        assertThat(role.path("priority").asInt()).isEqualTo(4);
        assertThat(role.path("permissions").path("pollRead").asBoolean()).isTrue();
        assertThat(role.path("permissions").path("rtmpStreaming").asBoolean()).isTrue();
        assertJson(role.path("publishParams").path("video"),
                "{\"bitRate\": 500, \"codec\": \"vp8\", \"frameRate\": 25, \"width\": 320, \"height\": 180}");
        assertThat(role.path("subscribeParams").path("subscribeToRoles").toString())
                .as("replaced, so the stored [host] is gone").isEqualTo("[\"host\",\"guest\"]");
        assertThat(roleNames()).containsExactly("host", "guest");
    }

    @Test
    void a_different_name_in_the_body_renames_the_role_in_place_and_references_follow() {
        JsonNode role = api.post(roles + "guest", Map.of("name", "audience")).json();

        assertThat(role.path("name").asText()).isEqualTo("audience");
        assertThat(roleNames()).containsExactly("host", "audience");
        JsonNode template = template();
        assertThat(template.path("roles").path("host").path("subscribeParams").path("subscribeToRoles").toString())
                .isEqualTo("[\"host\",\"audience\"]");
        assertThat(template.path("plugins").path("whiteboard").path("permissions").path("reader").toString())
                .isEqualTo("[\"audience\"]");
        assertError(api.get(roles + "guest"), 404, "Role not found");
    }

    @Test
    void renaming_onto_an_existing_role_is_an_overwrite_error() {
        assertError(api.post(roles + "guest", Map.of("name", "host")), 400, "Invalid body param",
                "name: a role named host already exists in this template");
        assertThat(roleNames()).containsExactly("host", "guest");
        assertError(api.post(roles + "a%20b", Map.of()), 400, "Invalid body param",
                "name must be a role name of 1 to 100 characters a-z, A-Z, 0-9, _, -, . or :");
    }

    @Test
    void delete_answers_204_and_the_role_leaves_every_subscription_and_plugin() {
        Client.Response response = api.delete(roles + "guest");
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.text()).isEmpty();

        JsonNode template = template();
        assertThat(roleNames()).containsExactly("host");
        assertThat(template.path("roles").path("host").path("subscribeParams").path("subscribeToRoles").toString())
                .isEqualTo("[\"host\"]");
        assertThat(template.path("plugins").path("whiteboard").path("permissions").path("reader").toString())
                .isEqualTo("[]");
        assertError(api.delete(roles + "guest"), 404, "Role not found");
    }

    @Test
    void role_bodies_are_checked_against_the_role_rules() {
        assertError(api.post(roles + "guest", """
                {"priority": 6, "subscribeParams": {"subscribeToRoles": ["host", "ghost"]}}"""), 400,
                "Invalid body param",
                "subscribeParams.subscribeToRoles[1] must name a role of the template, not ghost",
                "priority must be between 1 and 5");
        assertError(api.post(roles + "guest", Map.of("maxPeerCount", "5")), 400, "Invalid body param",
                "maxPeerCount must be an integer");
        assertThat(template().path("roles").path("guest").path("priority").asInt()).isEqualTo(1);
    }

    /** Each change locks the template's row: without it, parallel role creates overwrite each other. */
    @Test
    void concurrent_role_creates_all_land() throws Exception {
        List<String> added = IntStream.range(0, 8).mapToObj(i -> "r" + i).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = pool.invokeAll(added.stream()
                    .map(name -> (Callable<Integer>) () -> api.post(roles + name, Map.of()).status())
                    .toList());
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(roleNames()).hasSize(10).containsAll(added);
    }
}
