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

class RoomCodeListApiTest extends ApiTestBase {

    private String code(String room, String role) {
        Client.Response created = api.post("/v2/room-codes/room/" + room + "/role/" + role, null);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.at("/code");
    }

    private JsonNode list(String room, String query) {
        Client.Response response = api.get("/v2/room-codes/room/" + room + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void an_empty_room_lists_null_data_and_an_empty_last() {
        String room = RoomCodeApiTest.newRoom(api);
        JsonNode page = list(room, "");
        assertThat(page.fieldNames()).toIterable().containsExactly("limit", "data", "last");
        assertThat(page.path("limit").asInt()).isEqualTo(10);
        assertThat(page.path("data").isNull()).isTrue();
        assertThat(page.path("last").asText()).isEmpty();
    }

    @Test
    void pages_newest_first_with_an_exclusive_cursor() {
        String room = RoomCodeApiTest.newRoom(api);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            newestFirst.add(0, code(room, i % 2 == 0 ? "host" : "guest"));
        }
        List<String> seen = new ArrayList<>();
        String start = "";
        int pages = 0;
        while (true) {
            JsonNode page = list(room, "?limit=10" + (start.isEmpty() ? "" : "&start=" + start));
            if (page.path("data").isNull()) {
                assertThat(page.path("last").asText()).isEmpty();
                break;
            }
            page.path("data").forEach(c -> seen.add(c.path("code").asText()));
            start = page.path("last").asText();
            assertThat(start).isEqualTo(seen.get(seen.size() - 1));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filters_by_role_and_enabled() {
        String room = RoomCodeApiTest.newRoom(api);
        String host1 = code(room, "host");
        String guest = code(room, "guest");
        String host2 = code(room, "host");
        assertThat(api.post("/v2/room-codes/code", Map.of("code", host1, "enabled", false)).status()).isEqualTo(200);

        assertThat(codes(list(room, "?role=host"))).containsExactly(host2, host1);
        assertThat(codes(list(room, "?enabled=true"))).containsExactly(host2, guest);
        assertThat(codes(list(room, "?enabled=false"))).containsExactly(host1);
        assertThat(codes(list(room, "?role=host&enabled=true"))).containsExactly(host2);
        assertThat(list(room, "?role=guest&enabled=false").path("data").isNull()).isTrue();
        assertError(api.get("/v2/room-codes/room/" + room + "?role=speaker"), 404, "Role not found");
    }

    @Test
    void bad_queries_are_400() {
        String room = RoomCodeApiTest.newRoom(api);
        assertError(api.get("/v2/room-codes/room/" + room + "?enabled=maybe"), 400, "Invalid query parameter",
                "enabled must be a boolean");
        assertError(api.get("/v2/room-codes/room/" + room + "?limit=ten"), 400, "Invalid query parameter",
                "limit must be an integer");
        assertThat(list(room, "?limit=1000").path("limit").asInt()).isEqualTo(100);
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("data").forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }
}
