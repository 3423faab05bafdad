package dev.hundred.server.rooms;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomApiTest extends ApiTestBase {

    private JsonNode create(Object body) {
        Client.Response response = api.post("/v2/rooms", body);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void create_with_no_body_fills_every_default_from_the_default_template() {
        JsonNode room = create(null);
        JsonNode template = api.get("/v2/templates").json().path("data").get(0);

        assertThat(room.path("id").asText()).matches("[0-9a-f]{24}");
        assertThat(room.path("name").asText()).matches("[0-9a-f-]{36}");
        assertThat(room.path("enabled").asBoolean()).isTrue();
        assertThat(room.path("description").asText()).isEmpty();
        assertThat(room.path("customer_id").asText()).isEqualTo(api.workspace().customerId());
        assertThat(room.path("customer").asText()).isEqualTo(api.workspace().customerId());
        assertThat(room.path("app_id").asText()).isEqualTo(api.workspace().id());
        assertThat(room.path("template_id").asText()).isEqualTo(template.path("id").asText());
        assertThat(room.path("template").asText()).isEqualTo(template.path("name").asText());
        assertThat(room.path("recording_info").isNull()).isTrue();
        assertThat(room.path("recording_source_template").asBoolean()).isTrue();
        assertThat(room.path("region").asText()).isEqualTo("auto");
        assertThat(room.path("large_room").asBoolean()).isFalse();
        assertThat(room.path("size").asInt()).isZero();
        assertThat(room.path("max_duration_seconds").asInt()).isEqualTo(43200);
        assertThat(room.path("key").asText()).isEqualTo(api.workspace().customerId() + ":" + room.path("name").asText());
        assertThat(room.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z");
        assertThat(room.has("webhook")).isFalse();
    }

    @Test
    void create_then_retrieve_returns_the_same_json() {
        JsonNode room = create(Map.of("name", "Team.Sync:1_a-b", "description", "weekly", "region", "eu",
                "size", 40, "max_duration_seconds", 3600,
                "webhook", Map.of("url", "https://example.test/hook", "headers", Map.of("X-Key", "k")),
                "polls", List.of("64f1a0b2c3d4e5f60718293a")));
        Client.Response retrieved = api.get("/v2/rooms/" + room.path("id").asText());

        assertThat(retrieved.status()).isEqualTo(200);
        assertThat(retrieved.json()).isEqualTo(room);
        assertThat(room.path("webhook").path("headers").path("X-Key").asText()).isEqualTo("k");
        assertThat(room.path("polls").get(0).asText()).isEqualTo("64f1a0b2c3d4e5f60718293a");
        assertThat(room.path("region").asText()).isEqualTo("eu");
    }

    @Test
    void create_with_an_existing_name_in_any_case_updates_that_room() {
        JsonNode first = create(Map.of("name", "standup", "description", "one"));
        JsonNode second = create(Map.of("name", "STANDUP", "description", "two", "size", 10));

        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(second.path("name").asText()).isEqualTo("standup");
        assertThat(second.path("description").asText()).isEqualTo("two");
        assertThat(second.path("size").asInt()).isEqualTo(10);
        assertThat(api.get("/v2/rooms?name=Standup").json().path("data")).hasSize(1);
    }

    @Test
    void recording_info_makes_the_room_stop_following_the_template() {
        Map<String, Object> upload = Map.of("type", "s3", "location", "bucket", "prefix", "rec/",
                "options", Map.of("region", "us-east-1"), "credentials", Map.of("key", "AK", "secret", "SK"));
        JsonNode room = create(Map.of("name", "recorded", "recording_info", Map.of("enabled", true, "upload_info", upload)));

        assertThat(room.path("recording_source_template").asBoolean()).isFalse();
        assertThat(room.path("recording_info").path("enabled").asBoolean()).isTrue();
        assertThat(room.path("recording_info").path("upload_info").path("credentials").path("secret").asText()).isEqualTo("SK");
    }

    @Test
    void a_created_room_with_recording_info_reads_back_as_answered() {
        Map<String, Object> upload = Map.of("type", "s3", "location", "bucket", "prefix", "rec/",
                "options", Map.of("region", "us-east-1"), "credentials", Map.of("key", "AK", "secret", "SK"));
        JsonNode room = create(Map.of("recording_info", Map.of("enabled", true, "upload_info", upload), "enabled", false));

        assertThat(api.get("/v2/rooms/" + room.path("id").asText()).json()).isEqualTo(room);
    }

    /** Creates answer from what they insert and keep the parsed default template: neither may go stale. */
    @Test
    void each_create_takes_the_default_template_as_it_is_now() {
        JsonNode first = create(null);
        String templateId = first.path("template_id").asText();
        assertThat(api.post("/v2/templates/" + templateId + "/settings", Map.of("region", "eu")).status()).isEqualTo(200);
        assertThat(create(null).path("region").asText()).isEqualTo("eu");
        assertThat(api.post("/v2/templates/" + templateId + "/settings", Map.of("region", "in")).status()).isEqualTo(200);
        assertThat(create(null).path("region").asText()).isEqualTo("in");

        JsonNode other = api.post("/v2/templates", Map.of("name", "other", "default", true, "roles", Map.of("host", Map.of()))).json();
        JsonNode third = create(null);
        assertThat(third.path("template_id").asText()).isEqualTo(other.path("id").asText());
        assertThat(third.path("template").asText()).isEqualTo("other");
        assertThat(third.path("region").asText()).isEqualTo("auto");
        assertThat(api.get("/v2/rooms/" + third.path("id").asText()).json()).isEqualTo(third);
    }

    @Test
    void invalid_create_bodies_get_the_documented_messages() {
        assertError(api.post("/v2/rooms", Map.of("template", "x")), 400, "Invalid body param: template. Use template_id");
        assertError(api.post("/v2/rooms", Map.of("region", "mars")), 400, "Error: region not supported");
        assertError(api.post("/v2/rooms", Map.of("template_id", "000000000000000000000000")), 400, "Error: template not found");
        assertError(api.post("/v2/rooms", Map.of("max_duration_seconds", 119)), 400,
                "Invalid body param: max_duration_seconds less than 120 seconds");
        assertError(api.post("/v2/rooms", Map.of("max_duration_seconds", 43201)), 400,
                "Invalid body param: max_duration_seconds greater than 43200 seconds");
        assertError(api.post("/v2/rooms", Map.of("size", 2501)), 400, "Invalid body param",
                "Invalid body param: room size greater than 2500, set large_room flag as true");
        assertError(api.post("/v2/rooms", Map.of("size", 20001, "large_room", true)), 400, "Invalid body param",
                "Invalid body param: room size greater than 20000");
        assertError(api.post("/v2/rooms", Map.of("recording_info", Map.of("upload_info", Map.of("type", "s3")))), 400,
                "Bucket location is missing");
        assertError(api.post("/v2/rooms", Map.of("recording_info", Map.of("upload_info", Map.of("type", "ftp", "location", "b")))),
                400, "Invalid upload configuration");
        assertError(api.post("/v2/rooms", Map.of("name", "no spaces")), 400, "Invalid body param");
        assertError(api.post("/v2/rooms", Map.of("name", "x".repeat(256))), 400, "Invalid body param",
                "name must be at most 255 characters");
        assertError(api.post("/v2/rooms", Map.of("size", "10")), 400, "Invalid body param", "size must be an integer");
        assertError(api.post("/v2/rooms", Map.of("webhook", Map.of("headers", Map.of()))), 400, "Invalid body param",
                "webhook.url is required");
        assertThat(api.get("/v2/rooms").json().path("data").isNull()).as("nothing was created").isTrue();
    }

    @Test
    void a_large_room_may_hold_20000() {
        JsonNode room = create(Map.of("large_room", true, "size", 20000));
        assertThat(room.path("size").asInt()).isEqualTo(20000);
        assertError(api.post("/v2/rooms/" + room.path("id").asText(), Map.of("large_room", false)), 400,
                "Invalid body param", "Invalid body param: room size greater than 2500, set large_room flag as true");
    }

    @Test
    void retrieve_of_an_unknown_or_foreign_room_is_404() {
        assertError(api.get("/v2/rooms/000000000000000000000000"), 404, "Room not found");
        JsonNode room = create(Map.of("name", "mine"));
        Client other = Client.forNewWorkspace(api.server());
        assertError(other.get("/v2/rooms/" + room.path("id").asText()), 404, "Room not found");
        assertError(other.post("/v2/rooms/" + room.path("id").asText(), Map.of("enabled", false)), 404, "Room not found");
        assertThat(other.get("/v2/rooms?name=mine").json().path("data").isNull()).isTrue();
    }

    /** Updates answer from what they write: the answer must be what a read gives afterwards. */
    @Test
    void an_update_answers_what_a_read_then_gives() {
        String template = api.post("/v2/templates", Map.of("name", "moved-to", "roles", Map.of("host", Map.of()))).json()
                .path("id").asText();
        JsonNode room = create(Map.of("name", "before-rename", "polls", List.of("64f1a0b2c3d4e5f60718293a")));
        String id = room.path("id").asText();

        JsonNode renamed = api.post("/v2/rooms/" + id, Map.of("name", "after-rename", "template_id", template,
                "webhook", Map.of("url", "https://example.test/hook"))).json();
        assertThat(renamed.path("key").asText()).endsWith(":after-rename");
        assertThat(renamed.path("template").asText()).isEqualTo("moved-to");
        assertThat(api.get("/v2/rooms/" + id).json()).isEqualTo(renamed);

        JsonNode upserted = create(Map.of("name", "AFTER-rename", "description", "by name"));
        assertThat(upserted.path("id").asText()).isEqualTo(id);
        assertThat(api.get("/v2/rooms/" + id).json()).isEqualTo(upserted);
    }

    /**
     * A GET answers from the room cache (RoomService's cache) once the room was read: every change of what a room
     * reads as must show in the next GET all the same: its own update, its template's rename, a reset, and an
     * import that brings a room of the same id back with other fields.
     */
    @Test
    void a_room_read_before_shows_every_later_change_at_once() {
        JsonNode room = create(Map.of("name", "cached", "description", "first"));
        String id = room.path("id").asText();
        String template = room.path("template_id").asText();
        assertThat(api.get("/v2/rooms/" + id).json()).isEqualTo(room);

        api.post("/v2/rooms/" + id, Map.of("description", "second"));
        assertThat(api.get("/v2/rooms/" + id).json().path("description").asText()).isEqualTo("second");

        ObjectNode replaced = (ObjectNode) api.get("/v2/templates/" + template).json();
        assertThat(api.post("/v2/templates/" + template, replaced.put("name", "renamed-template")).status()).isEqualTo(200);
        assertThat(api.get("/v2/rooms/" + id).json().path("template").asText()).isEqualTo("renamed-template");

        String export = api.get("/emulator/v1/export").text().replace("\"second\"", "\"third\"");
        assertThat(api.post("/emulator/v1/reset", null).status()).isEqualTo(200);
        assertError(api.get("/v2/rooms/" + id), 404, "Room not found");
        assertThat(api.post("/emulator/v1/import", export).status()).isEqualTo(200);
        assertThat(api.get("/v2/rooms/" + id).json().path("description").asText()).isEqualTo("third");
    }

    @Test
    void update_changes_only_what_is_sent_and_disable_hides_the_room_from_the_default_list() {
        JsonNode room = create(Map.of("name", "weekly", "description", "d", "size", 5));
        String id = room.path("id").asText();

        JsonNode updated = api.post("/v2/rooms/" + id, Map.of("description", "new")).json();
        assertThat(updated.path("description").asText()).isEqualTo("new");
        assertThat(updated.path("size").asInt()).isEqualTo(5);
        assertThat(updated.path("created_at")).isEqualTo(room.path("created_at"));

        JsonNode disabled = api.post("/v2/rooms/" + id, Map.of("enabled", false)).json();
        assertThat(disabled.path("enabled").asBoolean()).isFalse();
        assertThat(api.get("/v2/rooms").json().path("data").isNull()).isTrue();
        assertThat(api.get("/v2/rooms?enabled=false").json().path("data").get(0).path("id").asText()).isEqualTo(id);

        assertThat(api.post("/v2/rooms/" + id, Map.of("enabled", true)).json().path("enabled").asBoolean()).isTrue();
        assertError(api.post("/v2/rooms/" + id, Map.of("enabled", "no")), 400, "Invalid body param", "enabled must be a boolean");
    }

    @Test
    void renaming_onto_another_rooms_name_is_refused() {
        create(Map.of("name", "taken"));
        String id = create(Map.of("name", "free")).path("id").asText();
        assertError(api.post("/v2/rooms/" + id, Map.of("name", "TAKEN")), 400, "Invalid body param");
        assertThat(api.get("/v2/rooms/" + id).json().path("name").asText()).isEqualTo("free");
    }

    @Test
    void list_pages_newest_first_with_an_exclusive_cursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(0, create(Map.of("name", "room-" + i)).path("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String start = "";
        int pages = 0;
        while (true) {
            JsonNode page = api.get("/v2/rooms?limit=10" + (start.isEmpty() ? "" : "&start=" + start)).json();
            assertThat(page.path("limit").asInt()).isEqualTo(10);
            if (page.path("data").isNull()) {
                assertThat(page.path("last").asText()).isEmpty();
                break;
            }
            page.path("data").forEach(r -> seen.add(r.path("id").asText()));
            start = page.path("last").asText();
            assertThat(start).isEqualTo(seen.get(seen.size() - 1));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void limit_is_clamped_to_10_to_100_and_must_be_an_integer() {
        for (int i = 0; i < 12; i++) {
            create(Map.of("name", "c" + i));
        }
        assertThat(api.get("/v2/rooms?limit=1").json().path("limit").asInt()).isEqualTo(10);
        assertThat(api.get("/v2/rooms?limit=1").json().path("data")).hasSize(10);
        assertThat(api.get("/v2/rooms?limit=1000").json().path("limit").asInt()).isEqualTo(100);
        assertThat(api.get("/v2/rooms?limit=1000").json().path("data")).hasSize(12);
        assertError(api.get("/v2/rooms?limit=ten"), 400, "Invalid query parameter", "limit must be an integer");
        assertError(api.get("/v2/rooms?enabled=maybe"), 400, "Invalid query parameter", "enabled must be a boolean");
        assertError(api.get("/v2/rooms?after=yesterday"), 400, "Invalid query parameter", "after must be an RFC 3339 timestamp");
    }

    @Test
    void list_filters_by_name_template_and_creation_time() {
        JsonNode a = create(Map.of("name", "alpha"));
        create(Map.of("name", "beta"));
        String templateId = a.path("template_id").asText();

        assertThat(api.get("/v2/rooms?name=alpha").json().path("data")).hasSize(1);
        assertThat(api.get("/v2/rooms?template_id=" + templateId).json().path("data")).hasSize(2);
        assertThat(api.get("/v2/rooms?template_id=000000000000000000000000").json().path("data").isNull()).isTrue();
        String createdAt = a.path("created_at").asText();
        assertThat(api.get("/v2/rooms?after=" + createdAt).json().path("data")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(api.get("/v2/rooms?before=2000-01-01T00:00:00Z").json().path("data").isNull()).isTrue();
        assertThat(api.get("/v2/rooms?after=2000-01-01T00:00:00%2B02:00").json().path("data")).hasSize(2);
    }
}
