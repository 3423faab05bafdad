package dev.hundred.server.streamkeys;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.gateway.Live;
import dev.hundred.server.http.Timestamps;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** RTMP stream keys (spec §12): create, get, disable, reset, and what a disabled room does to them. */
class StreamKeyApiTest extends ApiTestBase {

    private static List<String> keys(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void create_answers_the_key_object_of_the_docs() {
        String room = Live.room(api);
        JsonNode key = Keys.create(api, room);

        assertThat(keys(key)).containsExactly("id", "url", "key", "room_id", "customer_id", "app_id", "enabled",
                "created_at", "updated_at");
        assertThat(key.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(key.path("key").asText()).matches("[0-9a-f]{32}");
        assertThat(key.path("url").asText()).isEqualTo("rtmp://127.0.0.1/live");
        assertThat(key.path("room_id").asText()).isEqualTo(room);
        assertThat(key.path("customer_id").asText()).isEqualTo(api.workspace().customerId());
        assertThat(key.path("app_id").asText()).isEqualTo(api.workspace().id());
        assertThat(key.path("enabled").asBoolean()).isTrue();
        assertThat(key.path("enabled").isBoolean()).isTrue();
        assertThat(Timestamps.parse(key.path("created_at").asText())).isNotNull();
        assertThat(key.path("updated_at").asText()).isEqualTo(key.path("created_at").asText());
    }

    @Test
    void get_answers_the_active_key_in_data_with_its_id_as_last_and_no_limit() {
        String room = Live.room(api);
        JsonNode created = Keys.create(api, room);

        Client.Response got = api.get("/v2/stream-keys/room/" + room);
        assertThat(got.status()).isEqualTo(200);
        assertThat(keys(got.json())).containsExactly("data", "last");
        assertThat(got.json().path("data")).hasSize(1);
        assertThat(got.json().path("data").get(0)).isEqualTo(created);
        assertThat(got.json().path("last").asText()).isEqualTo(created.path("id").asText());
    }

    @Test
    void a_room_has_one_active_key_a_second_create_is_400() {
        String room = Live.room(api);
        Keys.create(api, room);
        assertError(api.post("/v2/stream-keys/room/" + room, null), 400, "Active key already exists");
        assertError(api.post("/v2/stream-keys/room/" + room, "{}"), 400, "Active key already exists");
    }

    @Test
    void concurrent_creates_make_one_key() throws Exception {
        String room = Live.room(api);
        List<Callable<Integer>> creates = Collections.nCopies(6, () -> api.post("/v2/stream-keys/room/" + room, null).status());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(creates)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void disable_answers_the_docs_body_and_a_reset_is_disable_then_create() {
        String room = Live.room(api);
        JsonNode first = Keys.create(api, room);

        Client.Response disabled = api.post("/v2/stream-keys/room/" + room + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.text()).isEqualTo("{\"code\":200,\"message\":\"key disabled successfully\"}");

        assertError(api.get("/v2/stream-keys/room/" + room), 404, "No active key found");
        assertError(api.post("/v2/stream-keys/room/" + room + "/disable", null), 404, "Key not found");

        JsonNode second = Keys.create(api, room);
        assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
        assertThat(second.path("key").asText()).isNotEqualTo(first.path("key").asText());
        assertThat(api.get("/v2/stream-keys/room/" + room).json().path("data").get(0)).isEqualTo(second);
    }

    @Test
    void a_room_without_a_key_has_no_active_key_and_nothing_to_disable() {
        String room = Live.room(api);
        assertError(api.get("/v2/stream-keys/room/" + room), 404, "No active key found");
        assertError(api.post("/v2/stream-keys/room/" + room + "/disable", "{}"), 404, "Key not found");
    }

    @Test
    void disabling_the_room_deactivates_its_key_and_enabling_it_brings_the_same_key_back() {
        String room = Live.room(api);
        JsonNode key = Keys.create(api, room);

        Keys.setRoomEnabled(api, room, false);
        assertError(api.get("/v2/stream-keys/room/" + room), 403, "Room is disabled (not active)");
        assertError(api.post("/v2/stream-keys/room/" + room + "/disable", null), 403, "Room is disabled (not active)");
        assertError(api.post("/v2/stream-keys/room/" + room, null), 403, "Room is disabled (not active)");

        Keys.setRoomEnabled(api, room, true);
        JsonNode back = api.get("/v2/stream-keys/room/" + room).json().path("data").get(0);
        assertThat(back).isEqualTo(key);
        assertThat(back.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void keys_cannot_be_created_for_a_disabled_room() {
        String room = Live.room(api);
        Keys.setRoomEnabled(api, room, false);
        assertError(api.post("/v2/stream-keys/room/" + room, null), 403, "Room is disabled (not active)");
        Keys.setRoomEnabled(api, room, true);
        assertError(api.get("/v2/stream-keys/room/" + room), 404, "No active key found");
    }

    @Test
    void unknown_rooms_and_another_workspaces_rooms_are_not_found() {
        Client other = Client.forNewWorkspace(api.server());
        String theirs = Live.room(other);
        Keys.create(other, theirs);
        for (String room : List.of("000000000000000000000000", theirs, "not-an-id", "%20", "0000000000000000000000%0a",
                "A".repeat(24), "a".repeat(5000))) {
            assertError(api.post("/v2/stream-keys/room/" + room, null), 404, "Room not found");
            assertError(api.get("/v2/stream-keys/room/" + room), 404, "Room not found");
            assertError(api.post("/v2/stream-keys/room/" + room + "/disable", null), 404, "Room not found");
        }
        assertThat(other.get("/v2/stream-keys/room/" + theirs).status()).as("theirs untouched").isEqualTo(200);
    }

    @Test
    void the_management_token_is_required() {
        String room = Live.room(api);
        assertError(api.withToken(null).post("/v2/stream-keys/room/" + room, null), 401, "Token validation error");
        assertError(api.withToken(null).get("/v2/stream-keys/room/" + room), 401, "Token validation error");
        String app = Live.appToken(api, room, "host", "u1");
        assertError(api.withToken(app).post("/v2/stream-keys/room/" + room + "/disable", null), 403,
                "Token validation error");
        assertError(api.get("/v2/stream-keys/room/" + room), 404, "No active key found");
    }

    @Test
    void other_methods_are_405() {
        String room = Live.room(api);
        assertThat(api.delete("/v2/stream-keys/room/" + room).status()).isEqualTo(405);
        assertThat(api.get("/v2/stream-keys/room/" + room + "/disable").status()).isEqualTo(405);
    }
}
