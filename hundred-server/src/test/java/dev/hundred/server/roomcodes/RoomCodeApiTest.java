package dev.hundred.server.roomcodes;

import static dev.hundred.server.support.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hundred.server.support.ApiTestBase;
import dev.hundred.server.support.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomCodeApiTest extends ApiTestBase {
    static final String CODE = "[a-z]{3}-[a-z]{4}-[a-z]{3}";
    static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d*[1-9])?Z";

    static String newRoom(Client api) {
        Client.Response room = api.post("/v2/rooms", null);
        assertThat(room.status()).as(room.text()).isEqualTo(200);
        return room.at("/id");
    }

    private JsonNode ok(Client.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private List<String> field(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(name).asText()));
        return values;
    }

    @Test
    void create_for_all_roles_makes_one_enabled_code_per_role_of_the_template() {
        String room = newRoom(api);
        JsonNode body = ok(api.post("/v2/room-codes/room/" + room, null));

        assertThat(body.fieldNames()).toIterable().containsExactly("data");
        JsonNode data = body.path("data");
        assertThat(field(data, "role")).containsExactly("host", "guest");
        for (JsonNode code : data) {
            assertThat(code.fieldNames()).toIterable()
                    .containsExactly("code", "room_id", "role", "enabled", "created_at", "updated_at");
            assertThat(code.path("code").asText()).matches(CODE);
            assertThat(code.path("room_id").asText()).isEqualTo(room);
            assertThat(code.path("enabled").isBoolean()).isTrue();
            assertThat(code.path("enabled").asBoolean()).isTrue();
            assertThat(code.path("created_at").asText()).matches(TIME);
            assertThat(code.path("updated_at")).isEqualTo(code.path("created_at"));
        }
        assertThat(data.get(0).path("code").asText()).isNotEqualTo(data.get(1).path("code").asText());
    }

    @Test
    void create_for_all_roles_again_keeps_the_enabled_codes_and_refills_a_disabled_role() {
        String room = newRoom(api);
        JsonNode first = ok(api.post("/v2/room-codes/room/" + room, null)).path("data");
        JsonNode second = ok(api.post("/v2/room-codes/room/" + room, Map.of())).path("data");
        assertThat(second).isEqualTo(first);

        String guestCode = first.get(1).path("code").asText();
        ok(api.post("/v2/room-codes/code", Map.of("code", guestCode, "enabled", false)));
        JsonNode third = ok(api.post("/v2/room-codes/room/" + room, null)).path("data");
        assertThat(field(third, "role")).containsExactly("host", "guest");
        assertThat(third.get(0)).isEqualTo(first.get(0));
        assertThat(third.get(1).path("code").asText()).matches(CODE).isNotEqualTo(guestCode);
        assertThat(ok(api.get("/v2/room-codes/room/" + room)).path("data")).hasSize(3);
    }

    @Test
    void create_for_one_role_adds_a_code_each_time() {
        String room = newRoom(api);
        JsonNode a = ok(api.post("/v2/room-codes/room/" + room + "/role/host", null));
        JsonNode b = ok(api.post("/v2/room-codes/room/" + room + "/role/host", null));

        assertThat(a.fieldNames()).toIterable()
                .containsExactly("code", "room_id", "role", "enabled", "created_at", "updated_at");
        assertThat(a.path("role").asText()).isEqualTo("host");
        assertThat(a.path("room_id").asText()).isEqualTo(room);
        assertThat(a.path("enabled").asBoolean()).isTrue();
        assertThat(b.path("code").asText()).matches(CODE).isNotEqualTo(a.path("code").asText());
        assertError(api.post("/v2/room-codes/room/" + room + "/role/speaker", null), 404, "Role not found",
                "role speaker is not in the room's template");
        assertThat(ok(api.get("/v2/room-codes/room/" + room)).path("data")).hasSize(2);
    }

    @Test
    void unknown_disabled_and_foreign_rooms_are_refused() {
        assertError(api.post("/v2/room-codes/room/000000000000000000000000", null), 404, "Room not found");
        assertError(api.post("/v2/room-codes/room/000000000000000000000000/role/host", null), 404, "Room not found");
        assertError(api.get("/v2/room-codes/room/000000000000000000000000"), 404, "Room not found");

        String room = newRoom(api);
        String code = ok(api.post("/v2/room-codes/room/" + room, null)).path("data").get(0).path("code").asText();
        Client other = Client.forNewWorkspace(api.server());
        assertError(other.post("/v2/room-codes/room/" + room, null), 404, "Room not found");
        assertError(other.post("/v2/room-codes/room/" + room + "/role/host", null), 404, "Room not found");
        assertError(other.get("/v2/room-codes/room/" + room), 404, "Room not found");
        assertError(other.post("/v2/room-codes/code", Map.of("code", code, "enabled", false)), 404, "Code not found");

        ok(api.post("/v2/rooms/" + room, Map.of("enabled", false)));
        assertError(api.post("/v2/room-codes/room/" + room, null), 403, "Room is disabled");
        assertError(api.post("/v2/room-codes/room/" + room + "/role/host", null), 403, "Room is disabled");
        assertError(api.get("/v2/room-codes/room/" + room), 403, "Room is disabled");
        assertError(api.withToken("not-a-token").post("/v2/room-codes/room/" + room, null), 401, "Token validation error");
        assertError(api.withToken(null).get("/v2/room-codes/room/" + room), 401, "Token validation error");
    }

    @Test
    void a_room_holds_at_most_100_codes() {
        String room = newRoom(api);
        JsonNode both = ok(api.post("/v2/room-codes/room/" + room, null)).path("data");
        for (int i = 0; i < 98; i++) {
            ok(api.post("/v2/room-codes/room/" + room + "/role/host", null));
        }
        assertError(api.post("/v2/room-codes/room/" + room + "/role/host", null), 400, "Room code limit reached",
                "a room can have at most 100 room codes");

        // Refilling the guest role would make a 101st code: refused, and nothing changes.
        ok(api.post("/v2/room-codes/code", Map.of("code", both.get(1).path("code").asText(), "enabled", false)));
        assertError(api.post("/v2/room-codes/room/" + room, null), 400, "Room code limit reached",
                "a room can have at most 100 room codes");
        assertThat(ok(api.get("/v2/room-codes/room/" + room + "?limit=100&role=guest")).path("data"))
                .hasSize(1).allSatisfy(c -> assertThat(c.path("enabled").asBoolean()).isFalse());
        assertThat(ok(api.get("/v2/room-codes/room/" + room + "?limit=100")).path("data")).hasSize(100);
    }
}
